/**
 * One CSV field by RFC 4180: quoted when it holds a comma, a quote, CR or LF (quotes
 * doubled). A text that a spreadsheet would run as a formula (starting =, +, -, @, tab or
 * CR) gets a leading apostrophe first, so that opening the file never runs what the other
 * parent typed (OWASP's advice on CSV injection). Only free text is passed with
 * `text: true`; amounts and dates are written as they are.
 */
export function csvField(value: string, options: { text?: boolean } = {}): string {
  const safe = options.text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of fields as a CSV document: CRLF after every row, the header first (RFC 4180). */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header.map((field) => csvField(field, { text: true })).join(','), ...rows.map((row) => row.join(','))].map((line) => `${line}\r\n`).join('');
}
