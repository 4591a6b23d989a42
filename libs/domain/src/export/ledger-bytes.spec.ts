import { createHash } from 'node:crypto';
import { nextLedgerEntry, verifyLedgerChain, type OpenLedgerEntry } from '../ledger/ledger-entry';
import { openLedgerLine } from '../ledger/ledger-line';
import { proveServerLedger } from './ledger-bytes';

const CASE_ID = '7d1f1f5e-0000-4000-8000-000000000003';
const sha256Bytes = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const encoder = new TextEncoder();

/** A chain with payloads that hold the line's own member names, quotes, escapes and other scripts. */
function chain(count: number): OpenLedgerEntry[] {
  const payloads = [
    { text: 'Pick-up at 5 — שלום, مرحبا 🙂', urgent: false },
    { text: 'a quote " a backslash \\ and ,"prevHash":"x","salt":"y"} inside' },
    { nested: { prevHash: '0'.repeat(64), seq: 3 }, list: [1, 'two', null] },
    {},
  ];
  const entries: OpenLedgerEntry[] = [];
  for (let index = 0; index < count; index++) {
    entries.push(
      nextLedgerEntry(entries.at(-1) ?? null, {
        caseId: CASE_ID,
        at: new Date(Date.UTC(2026, 2, 1, 9, index)).toISOString(),
        type: (index % 5 === 3 ? 'expense.receipt_added' : 'message.sent') as 'message.sent',
        actorId: index % 4 === 3 ? null : 'user-a',
        payload: payloads[index % payloads.length] as never,
        salt: index.toString(16).padStart(32, '0'),
      }),
    );
  }
  return entries;
}

const fileOf = (lines: string[]) => encoder.encode(lines.join('\n') + '\n');

describe('proveServerLedger', () => {
  const entries = chain(12);
  const lines = entries.map(openLedgerLine);
  const bytes = fileOf(lines);
  const head = { seq: 12, hash: entries[11]!.hash };

  it('proves a chain as the server writes it, up to its head, and finds the lines of the types asked for', () => {
    const proven = proveServerLedger(bytes, { caseId: CASE_ID, head }, sha256Bytes, ['expense.receipt_added']);
    expect(proven).toMatchObject({ count: 12, head });
    const decoder = new TextDecoder();
    expect(proven!.linesOfTypes.map(([start, end]) => decoder.decode(bytes.subarray(start, end)))).toEqual(lines.filter((_, index) => index % 5 === 3));
    // The last line without its newline reads the same.
    expect(proveServerLedger(bytes.subarray(0, bytes.length - 1), {}, sha256Bytes)).toMatchObject({ count: 12, head });
  });

  it('answers nothing for any single byte changed in any line: the general reading then names it', () => {
    for (let at = 0; at < bytes.length; at++) {
      const altered = new Uint8Array(bytes);
      altered[at] = altered[at] === 0x30 ? 0x31 : 0x30;
      expect({ at, proven: proveServerLedger(altered, { caseId: CASE_ID, head }, sha256Bytes) }).toEqual({ at, proven: undefined });
    }
  });

  it('answers nothing for another form, another case, another head, a missing, swapped or extra line', () => {
    const answers = [
      fileOf(entries.map((entry) => JSON.stringify({ ...entry }))),
      fileOf(lines.map((line) => line.replace('"at":', '"at": '))),
      fileOf([...lines.slice(0, 4), ...lines.slice(5)]),
      fileOf([...lines.slice(0, 4), lines[5]!, lines[4]!, ...lines.slice(6)]),
      fileOf([...lines, '']),
      fileOf(lines.map((line) => line.replace('"v":1}', '"v":2}'))),
      encoder.encode(''),
    ].map((file) => proveServerLedger(file, { head }, sha256Bytes));
    expect(answers).toEqual(answers.map(() => undefined));
    expect(proveServerLedger(bytes, { caseId: '7d1f1f5e-0000-4000-8000-000000000004' }, sha256Bytes)).toBeUndefined();
    expect(proveServerLedger(bytes, { head: { seq: 11, hash: entries[10]!.hash } }, sha256Bytes)).toBeUndefined();
    expect(proveServerLedger(fileOf(lines.slice(0, 11)), { head }, sha256Bytes)).toBeUndefined();
    // Yet the chain the general reading checks is valid for the untouched file: the two agree.
    expect(verifyLedgerChain(entries, { caseId: CASE_ID, expectedHead: head }).valid).toBe(true);
  });
});
