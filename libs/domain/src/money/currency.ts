/**
 * ISO 4217 currencies and their minor units. A fixed table, not the runtime's Intl data:
 * the server and every browser must agree on how many decimals an amount has, and ICU
 * versions differ (some give cash digits, some list withdrawn codes). Source: the ISO 4217
 * list of active codes (SIX, list one); funds codes and precious metals are left out,
 * they are not what parents pay for children with.
 */
const TWO_DIGITS =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD XCG YER ZAR ZMW ZWG';
const ZERO_DIGITS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF';
const THREE_DIGITS = 'BHD IQD JOD KWD LYD OMR TND';

const MINOR_DIGITS: ReadonlyMap<string, number> = new Map([
  ...TWO_DIGITS.split(' ').map((code) => [code, 2] as const),
  ...ZERO_DIGITS.split(' ').map((code) => [code, 0] as const),
  ...THREE_DIGITS.split(' ').map((code) => [code, 3] as const),
]);

/** Every currency an amount may be in, sorted. */
export const CURRENCY_CODES: readonly string[] = Object.freeze([...MINOR_DIGITS.keys()].sort());

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && MINOR_DIGITS.has(value);
}

/** How many decimals the currency's minor unit has (GBP 2, JPY 0, KWD 3); throws for an unknown code. */
export function currencyMinorDigits(currency: string): number {
  const digits = MINOR_DIGITS.get(currency);
  if (digits === undefined) throw new RangeError(`${currency} is not an ISO 4217 currency code this product knows`);
  return digits;
}

/**
 * An amount of minor units in major units, as plain digits with a point and no grouping:
 * 4550 GBP → "45.50", 4550 JPY → "4550", 1 KWD → "0.001", -5 GBP → "-0.05". Exact (no
 * floating point), the same on every runtime; for CSV files and court records.
 */
export function formatMajorUnits(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`The amount must be a whole number of minor units, got ${amountMinor}`);
  const digits = currencyMinorDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const magnitude = String(Math.abs(amountMinor));
  if (digits === 0) return `${sign}${magnitude}`;
  const padded = magnitude.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** "GBP 45.50": the amount with its currency code, for sentences of the record. */
export function formatMoney(amountMinor: number, currency: string): string {
  return `${currency} ${formatMajorUnits(amountMinor, currency)}`;
}
