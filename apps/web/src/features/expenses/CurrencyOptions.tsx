import { CURRENCIES, currencyName, OTHER_CURRENCIES } from './money';

/** The options of a currency picker: the common ones first, then every other one the API accepts. */
export function CurrencyOptions() {
  const option = (code: string) => (
    <option key={code} value={code}>
      {code} – {currencyName(code)}
    </option>
  );
  return (
    <>
      <optgroup label="Common currencies">{CURRENCIES.map(option)}</optgroup>
      <optgroup label="Other currencies">{OTHER_CURRENCIES.map(option)}</optgroup>
    </>
  );
}
