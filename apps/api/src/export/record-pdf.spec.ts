import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRecordPdf, type RecordPdfSource } from './record-pdf';
import { recordFixture as fixture } from '../../test/support/record-fixture';

async function render(source: RecordPdfSource): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'record-pdf-')), 'record.pdf');
  await writeRecordPdf(source, createWriteStream(file));
  return file;
}

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the record PDF', () => {
  it('is the same bytes every time it is made from the same record', async () => {
    const source = fixture();
    const [a, b] = [await render(source), await render(source)];
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  (hasPoppler ? it : it.skip)('prints every text in its script, the summary, and a footer on every page (read back with pdftotext)', async () => {
    const source = fixture();
    const file = await render(source);
    if (process.env.RECORD_PDF_KEEP) execFileSync('cp', [file, process.env.RECORD_PDF_KEEP]);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], {
      encoding: 'utf8',
    });
    const pages = text.split('\f').filter((page) => page.trim());
    expect(text).toContain('Record for court');
    expect(text).toContain(source.caseId);
    expect(text).toContain(source.head.hash);
    expect(text).toContain('Summary');
    expect(text).toContain('Messages sent');
    expect(text).toContain('Pick-up Friday at 17:00 at school.');
    expect(text).toContain('Answer me now! Why are you ignoring me?');
    expect(text.replace(/\s+/g, ' ')).toMatch(/Ünïcödé ĉĥàŕś and Ελληνικά and Кириллица/);
    pages.forEach((page, index) => expect(page).toContain(`page ${index + 1} of ${pages.length}`));
    // The summary counts the schedule and the money too, and gives the balance at the end.
    const summary = pages[1]!.replace(/[ \t]+/g, ' ');
    expect(summary).toMatch(/Swaps asked \(accepted, declined\) 0 \(0, 0\) 1 \(1, 0\)/);
    expect(summary).toMatch(/Exchange check-ins \(late or missed\) 1 \(1\) 0 \(0\)/);
    expect(summary).toMatch(/Schedule changes proposed 1 0/);
    expect(summary).toMatch(/Expenses logged 3: GBP 150.00 0/);
    expect(summary).toMatch(/Expenses disputed 0 1/);
    expect(summary).toMatch(/Payments confirmed \(paid by\) 0 1: GBP 15.00/);
    expect(summary.replace(/\s+/g, ' ')).toContain('Sam owes Alex GBP 35.00');
    // The schedule and the money each have their section, told in sentences; "Other entries" keeps the rest.
    const flat = text.replace(/\s+/g, ' ');
    const at = (title: string) => flat.indexOf(` ${title} `);
    expect(at('Schedule')).toBeGreaterThan(0);
    expect(at('Expenses and payments')).toBeGreaterThan(at('Schedule'));
    expect(at('Other entries')).toBeGreaterThan(at('Expenses and payments'));
    const between = (from: string, to: string) => flat.slice(at(from), to ? at(to) : undefined);
    expect(between('Schedule', 'Expenses and payments')).toMatch(/swap/i);
    expect(between('Expenses and payments', 'Other entries')).toMatch(/GBP 80\.00/);
    expect(between('Other entries', '')).not.toMatch(/GBP 80\.00/);
    // Right-to-left words come back as words (pdftotext reorders them itself), emoji are not boxes.
    const raw = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    for (const word of ['שלום', 'האיסוף', 'مرحبا', 'المدرسة', '🙂']) expect(raw).toContain(word);
  });
});
