import { currencyMinorDigits, formatMajorUnits } from '@parallel/domain';
import { describe, expect, it } from 'vitest';
import { formatMoney, parseAmount } from './money';

describe('currencyDigits', () => {
  it.each([
    ['GBP', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['BHD', 3],
  ])('%s has %i decimal places', (currency, digits) => {
    expect(currencyMinorDigits(currency)).toBe(digits);
  });
});

describe('parseAmount', () => {
  it.each([
    ['45.50', 'GBP', 4550],
    ['45,50', 'EUR', 4550],
    ['45.5', 'GBP', 4550],
    ['45', 'GBP', 4500],
    ['45.', 'GBP', 4500],
    ['0.01', 'GBP', 1],
    ['.5', 'GBP', 50],
    ['£45.50', 'GBP', 4550],
    ['  12.30 ', 'GBP', 1230],
    ['1,234.56', 'USD', 123456],
    ['1.234,56', 'EUR', 123456],
    ['1 234,56', 'EUR', 123456],
    ['1\u202f234,56', 'EUR', 123456],
    ["1'234.50", 'CHF', 123450],
    ['1,234', 'GBP', 123400],
    ['1.234', 'EUR', 123400],
    ['1,234,567', 'GBP', 123456700],
    ['1200', 'JPY', 1200],
    ['1,200', 'JPY', 1200],
    ['1.250', 'KWD', 1250],
    ['1,5', 'KWD', 1500],
    ['GBP 10', 'GBP', 1000],
    ['0045.10', 'GBP', 4510],
  ])('"%s" in %s is %i minor units', (typed, currency, minor) => {
    expect(parseAmount(typed, currency)).toEqual({ ok: true, amountMinor: minor });
  });

  it.each([
    ['', 'GBP', 'required'],
    ['   ', 'GBP', 'required'],
    ['abc', 'GBP', 'format'],
    ['12a', 'GBP', 'format'],
    ['1.2.3,4', 'GBP', 'format'],
    ['12,34,56', 'GBP', 'format'],
    ['1e3', 'GBP', 'format'],
    ['-5', 'GBP', 'positive'],
    ['0', 'GBP', 'positive'],
    ['0.00', 'GBP', 'positive'],
    ['45.5051', 'GBP', 'precision'],
    ['1.5', 'JPY', 'precision'],
    ['99999999999999999', 'GBP', 'tooLarge'],
  ])('"%s" in %s is refused (%s)', (typed, currency, problem) => {
    const parsed = parseAmount(typed, currency);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem).toBe(problem);
      expect(parsed.message).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('explains decimal places in words', () => {
    expect(parseAmount('1.234', 'JPY')).toEqual({ ok: true, amountMinor: 1234 });
    expect(parseAmount('12.5', 'JPY')).toMatchObject({
      message: 'JPY amounts have no smaller units: please give a whole amount.',
    });
    expect(parseAmount('12.505', 'GBP')).toMatchObject({ ok: true, amountMinor: 1250500 });
    expect(parseAmount('12.5051', 'GBP')).toMatchObject({ message: 'GBP amounts have at most 2 decimal places.' });
  });
});

describe('majorUnitsText and formatMoney', () => {
  it.each([
    [4550, 'GBP', '45.50', '£45.50'],
    [1, 'GBP', '0.01', '£0.01'],
    [1200, 'JPY', '1200', 'JP¥1,200'],
    [1250, 'KWD', '1.250', 'KWD 1.250'],
    [9007199254740991, 'USD', '90071992547409.91', '$90,071,992,547,409.91'],
  ])('%i %s', (minor, currency, text, formatted) => {
    expect(formatMajorUnits(minor, currency)).toBe(text);
    expect(formatMoney(minor, currency, 'en-GB').replace(/\u00a0/g, ' ')).toBe(formatted.replace('$', 'US$'));
  });

  it('reads the same amount back', () => {
    for (const [minor, currency] of [
      [4550, 'GBP'],
      [1200, 'JPY'],
      [1250, 'KWD'],
      [7, 'EUR'],
    ] as const) {
      expect(parseAmount(formatMajorUnits(minor, currency), currency)).toEqual({ ok: true, amountMinor: minor });
    }
  });
});
