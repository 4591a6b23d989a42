import { CURRENCY_CODES, currencyMinorDigits, formatMajorUnits, formatMoney, isCurrencyCode } from './currency';

describe('currencies', () => {
  it.each([
    ['GBP', 2],
    ['EUR', 2],
    ['USD', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['ISK', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['TND', 3],
  ])('%s has %i decimals', (code, digits) => {
    expect(isCurrencyCode(code)).toBe(true);
    expect(currencyMinorDigits(code)).toBe(digits);
  });

  it.each(['XYZ', 'gbp', 'GB', 'GBPP', '', 'XAU', 'EURO'])('does not know %j', (code) => {
    expect(isCurrencyCode(code)).toBe(false);
    expect(() => currencyMinorDigits(code)).toThrow(RangeError);
  });

  it('lists each code once, sorted, all three capital letters', () => {
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect([...CURRENCY_CODES].sort()).toEqual(CURRENCY_CODES);
    expect(CURRENCY_CODES.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
  });

  it.each([
    [4550, 'GBP', '45.50'],
    [5, 'GBP', '0.05'],
    [0, 'GBP', '0.00'],
    [-5, 'GBP', '-0.05'],
    [100, 'GBP', '1.00'],
    [4550, 'JPY', '4550'],
    [1, 'KWD', '0.001'],
    [12345, 'KWD', '12.345'],
    [Number.MAX_SAFE_INTEGER, 'GBP', '90071992547409.91'],
  ])('%i minor units of %s are %s', (amount, currency, written) => {
    expect(formatMajorUnits(amount, currency)).toBe(written);
  });

  it('writes money with its code, and refuses fractions of a minor unit', () => {
    expect(formatMoney(4550, 'GBP')).toBe('GBP 45.50');
    expect(() => formatMajorUnits(1.5, 'GBP')).toThrow(RangeError);
  });
});
