import { csvDocument, csvField } from './csv';

describe('CSV (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    ['', ''],
    ['45.50', '45.50'],
  ])('writes %j as %s', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-5 refund', "'-5 refund"],
    ['@cmd', "'@cmd"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['School trip', 'School trip'],
  ])('keeps free text %j from running as a formula: %s', (value, written) => {
    expect(csvField(value, { text: true })).toBe(written);
  });

  it('ends every row, the header first, with CRLF', () => {
    expect(csvDocument(['Type', 'Amount'], [['expense', '1.00'], ['payment', '"a,b"']])).toBe('Type,Amount\r\nexpense,1.00\r\npayment,"a,b"\r\n');
    expect(csvDocument(['Only a header'], [])).toBe('Only a header\r\n');
  });
});
