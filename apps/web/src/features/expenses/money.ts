import { currencyMinorDigits, CURRENCY_CODES, formatMajorUnits } from '@parallel/domain';

// Amounts as people type and read them, and as the API keeps them: integer minor units
// (pence, cents, yen, fils) with an ISO 4217 currency. Never a float on the way in: typed
// text is split into whole and fractional digits and joined as an integer.

/** The currencies offered first in the form; every other one the API knows follows them. */
// prettier-ignore
export const CURRENCIES = ['GBP', 'EUR', 'USD', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'JPY'] as const;

/** Every other currency the API accepts, in code order, after the common ones. */
export const OTHER_CURRENCIES: readonly string[] = CURRENCY_CODES.filter(
  (code) => !(CURRENCIES as readonly string[]).includes(code),
);

/** "British pound", "euro": the currency's name for the picker, or the code when the browser has none. */
export function currencyName(currency: string): string {
  try {
    return new Intl.DisplayNames(undefined, { type: 'currency' }).of(currency) ?? currency;
  } catch {
    return currency;
  }
}

/**
 * "£45.50", "¥1,200", "KWD 1.250": an amount of minor units in the reader's own way of
 * writing money. The exact decimal text is formatted (never `minor / 100`), so large
 * amounts keep every digit.
 */
export function formatMoney(amountMinor: number, currency: string, locale?: string): string {
  const text = formatMajorUnits(amountMinor, currency);
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    // A decimal string is formatted exactly (Intl.NumberFormat v3); the cast is for older lib typings.
    return format.format(text as unknown as number);
  } catch {
    return `${currency} ${text}`;
  }
}

export type AmountProblem = 'required' | 'format' | 'positive' | 'precision' | 'tooLarge';

export type ParsedAmount = { ok: true; amountMinor: number } | { ok: false; problem: AmountProblem; message: string };

/** Spaces (also the no-break and thin ones some locales group with), apostrophes (Swiss grouping) and currency signs. */
const IGNORED = /[\s\u00a0\u202f'’£$€¥₣₩₹]/g;

/**
 * What a parent typed in the amount box, as integer minor units of `currency`:
 * "45.50", "45,50", "1,234.56", "1.234,56", "1 234,56" and "£45.50" all read as they
 * are meant. A single separator followed by exactly three digits is a thousands
 * separator ("1,234" is one thousand two hundred and thirty-four) unless the currency
 * itself has three decimals. Zero, negative amounts and more decimals than the currency
 * has are refused with a sentence saying what to type instead.
 */
export function parseAmount(typed: string, currency: string): ParsedAmount {
  const digits = currencyMinorDigits(currency);
  const text = typed.replace(IGNORED, '').replace(new RegExp(currency, 'gi'), '');
  if (text === '') return refuse('required', 'Please give the amount.');
  if (text.startsWith('-')) return refuse('positive', 'Please give the amount as a positive number.');
  if (!/^\d[\d.,]*$/.test(text) && !/^[.,]\d+$/.test(text)) {
    return refuse('format', 'Please give the amount in numbers, for example 45.50.');
  }
  const split = splitDecimal(text, digits);
  if (!split) return refuse('format', 'Please give the amount in numbers, for example 45.50.');
  const { whole, fraction } = split;
  if (fraction.length > digits) {
    return refuse(
      'precision',
      digits === 0
        ? `${currency} amounts have no smaller units: please give a whole amount.`
        : `${currency} amounts have at most ${digits} decimal places.`,
    );
  }
  const minorText = (whole + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  const amountMinor = Number(minorText);
  if (!Number.isSafeInteger(amountMinor)) return refuse('tooLarge', 'This amount is too large.');
  if (amountMinor === 0) return refuse('positive', 'Please give an amount above zero.');
  return { ok: true, amountMinor };
}

function refuse(problem: AmountProblem, message: string): ParsedAmount {
  return { ok: false, problem, message };
}

/** The whole and fractional digits of `text` (digits, dots and commas only), or null if its separators make no sense. */
function splitDecimal(text: string, digits: number): { whole: string; fraction: string } | null {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let decimal: '.' | ',' | null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimal = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const count = text.split(separator).length - 1;
    const after = text.length - text.lastIndexOf(separator) - 1;
    // "1,234,567" and "1,234" (two-decimal currency): grouping. "45,50", "45.5": decimal.
    decimal = count > 1 || (after === 3 && digits < 3 && text.lastIndexOf(separator) > 0) ? null : separator;
  } else {
    decimal = null;
  }
  const grouping = decimal === '.' ? ',' : decimal === ',' ? '.' : null;
  const [wholeText = '', fraction = '', ...rest] = decimal ? text.split(decimal) : [text];
  if (rest.length > 0 || fraction.includes('.') || fraction.includes(',')) return null;
  // Grouping separators: only between groups of three digits ("1,234,567"), never doubled or at the end.
  const groups = grouping ? wholeText.split(grouping) : wholeText.split(/[.,]/);
  if (groups.length > 1 && groups.slice(1).some((group) => group.length !== 3)) return null;
  if (groups.length > 1 && (groups[0] === '' || (groups[0]?.length ?? 0) > 3)) return null;
  const whole = groups.join('') || '0';
  if (!/^\d+$/.test(whole) || (fraction !== '' && !/^\d+$/.test(fraction))) return null;
  return { whole, fraction };
}
