import { canonicalJson } from './canonical-json';
import { ledgerBodyText, nextLedgerEntry, type OpenLedgerEntry } from './ledger-entry';
import { bodyTextOfLedgerLine, openEntryOfCanonicalLine, openLedgerLine, openLedgerLineOfStoredBody } from './ledger-line';

const CASE_ID = '7d1f1f5e-0000-4000-8000-000000000002';

/** Payloads whose text could confuse a reader that looks for member names inside it. */
const PAYLOADS: unknown[] = [
  { text: 'plain', urgent: false },
  { text: 'a quote " a backslash \\ and ,"salt":"x","type":"y"} inside', n: 1.5 },
  { nested: { salt: 'abc', payload: { prevHash: 'z' } }, list: [1, 'two', null, { type: 'x' }] },
  { text: 'שלום مرحبا 🙂 \u2028 \u0000 tab\tnew\nline' },
  {},
];

function entries(): OpenLedgerEntry[] {
  const made: OpenLedgerEntry[] = [];
  PAYLOADS.forEach((payload, index) => {
    made.push(
      nextLedgerEntry(made.at(-1) ?? null, {
        caseId: CASE_ID,
        at: new Date(Date.UTC(2026, 4, 1, 9, index)).toISOString(),
        type: 'message.sent',
        actorId: index === 4 ? null : 'user-a',
        payload: payload as never,
        salt: index.toString(16).padStart(32, 'a'),
      }),
    );
  });
  return made;
}

function fieldsLine(entry: OpenLedgerEntry): string {
  const { v, caseId, seq, at, prevHash, bodyHash, hash, type, actorId, payload, salt } = entry;
  return canonicalJson({ v, caseId, seq, at, prevHash, bodyHash, hash, type, actorId, payload, salt, sealed: false });
}

describe('openLedgerLine', () => {
  it('writes the canonical JSON of the entry, from its stored body text and from its fields alike', () => {
    for (const entry of entries()) {
      expect(entry.bodyText).toBeDefined();
      expect(openLedgerLine(entry)).toBe(fieldsLine(entry));
      // A copy has no body text: the fields are written out.
      expect(openLedgerLine({ ...entry })).toBe(fieldsLine(entry));
    }
  });
});

describe('bodyTextOfLedgerLine', () => {
  it('gives back exactly the text the body hash was taken over, for every canonical line', () => {
    for (const entry of entries()) {
      const line = openLedgerLine(entry);
      expect(bodyTextOfLedgerLine(line, JSON.parse(line) as OpenLedgerEntry)).toBe(ledgerBodyText(entry));
    }
  });

  it('gives nothing for a line that is not canonical, so the body is written from its fields', () => {
    for (const entry of entries()) {
      const reordered = JSON.stringify({ ...entry });
      expect(bodyTextOfLedgerLine(reordered, JSON.parse(reordered) as OpenLedgerEntry)).toBeUndefined();
      const spaced = openLedgerLine(entry).replace('"at":', '"at": ');
      expect(bodyTextOfLedgerLine(spaced, JSON.parse(spaced) as OpenLedgerEntry)).toBeUndefined();
    }
  });
});

describe('openEntryOfCanonicalLine', () => {
  it('reads a canonical line into the entry it holds, with the exact body text, without parsing the payload until asked', () => {
    for (const entry of entries()) {
      const line = openLedgerLine(entry);
      const read = openEntryOfCanonicalLine(line)!;
      expect(read).toBeDefined();
      expect(read.bodyText).toBe(ledgerBodyText(entry));
      expect({ ...read }).toEqual({ ...entry });
    }
  });

  it('gives nothing for any other form: members reordered or spaced, an escaped member, a number written otherwise', () => {
    for (const entry of entries()) {
      const line = openLedgerLine(entry);
      for (const other of [JSON.stringify({ ...entry }), line.replace('"at":', '"at": '), line.replace('"seq":', '"seq":0'), line.replace(/"caseId":"/, '"caseId":"\\u0037')])
        expect(openEntryOfCanonicalLine(other)).toBeUndefined();
    }
  });
});

describe('openLedgerLineOfStoredBody', () => {
  it('writes the same line as openLedgerLine, from a stored row’s seal and body text', () => {
    for (const entry of entries()) {
      const { v, caseId, seq, at, prevHash, bodyHash, hash } = entry;
      expect(openLedgerLineOfStoredBody({ v, caseId, seq, at, prevHash, bodyHash, hash }, ledgerBodyText(entry))).toBe(fieldsLine(entry));
    }
  });

  it('gives nothing for a body or a seal member JSON would not write as it stands', () => {
    const [entry] = entries();
    const { v, caseId, seq, at, prevHash, bodyHash, hash } = entry!;
    const seal = { v, caseId, seq, at, prevHash, bodyHash, hash };
    const body = ledgerBodyText(entry!);
    for (const [sealOf, bodyOf] of [
      [seal, body.replace('"salt":"', '"salt":"\\u0001')],
      [seal, body.replace('"type":"', '"type":"\ud800')],
      [seal, ` ${body}`],
      [{ ...seal, caseId: 'a"b' }, body],
      [{ ...seal, at: 'line\nbreak' }, body],
    ] as const)
      expect(openLedgerLineOfStoredBody(sealOf, bodyOf)).toBeUndefined();
  });
});
