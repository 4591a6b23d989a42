import { createHash, randomBytes } from 'node:crypto';
import { DEFAULT_CASE_TERMS } from '../cadence';
import { canonicalJson } from './canonical-json';
import { MalformedLedgerEntry, parseLedgerPayload, type LedgerEntryType, type LedgerPayloads } from './events';
import {
  GENESIS_PREV_HASH,
  LEDGER_FORMAT_VERSION,
  ledgerBodyText,
  ledgerEntryFromStoredBody,
  ledgerSealText,
  nextLedgerEntry,
  sealLedgerEntry,
  verifyLedgerChain,
  type LedgerEntry,
  type LedgerEntryBody,
  type OpenLedgerEntry,
} from './ledger-entry';
import { sha256Hex, type Sha256Hex } from './sha256';
import { isSealedFor, viewLedger, type LedgerViewer } from './views';

const nodeSha256Hex: Sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
const HASHERS: [string, Sha256Hex][] = [
  ['the portable hasher', sha256Hex],
  ['node:crypto', nodeSha256Hex],
];

describe('canonicalJson (RFC 8785)', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ nested: { z: [3, { y: true, x: null }], a: 'é' } }, '{"nested":{"a":"é","z":[3,{"x":null,"y":true}]}}'],
    [[1, 'two', false], '[1,"two",false]'],
    [{ n: 1e21, f: 0.1, neg: -0, big: 123456789012 }, '{"big":123456789012,"f":0.1,"n":1e+21,"neg":0}'],
    [{ skip: undefined, keep: 1 }, '{"keep":1}'],
    [[undefined, 1], '[null,1]'],
    [{}, '{}'],
    [[], '[]'],
    [{ at: new Date(Date.UTC(2026, 2, 5, 18)) }, '{"at":"2026-03-05T18:00:00.000Z"}'],
    ['line\nbreak "quoted" \u2028', '"line\\nbreak \\"quoted\\" \u2028"'],
    ['\u0000\u001f\u007f\\/', '"\\u0000\\u001f\u007f\\\\/"'],
  ])('serializes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 requires', () => {
    // '\u20ac' (euro) sorts after '\r' and the emoji's surrogate pair (\ud83d...) sorts before '\ufb33'.
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ufb33': 3, '\ud83d\ude00': 4, '1': 5 })).toBe('{"\\r":2,"1":5,"\u20ac":1,"\ud83d\ude00":4,"\ufb33":3}');
  });

  it('writes the same text whatever the key order', () => {
    expect(canonicalJson({ type: 't', salt: 's', payload: { b: [1, { d: 1, c: 2 }], a: null }, actorId: 'x' })).toBe(
      canonicalJson({ actorId: 'x', payload: { a: null, b: [1, { c: 2, d: 1 }] }, salt: 's', type: 't' }),
    );
  });

  it('writes what the plain reference writes, for random values with awkward strings and keys', () => {
    // The reference is the straightforward RFC 8785 writer this module was first; the fast one must match it byte for byte.
    const reference = (value: unknown): string => {
      if (value === null || typeof value !== 'object') return JSON.stringify(value);
      if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : reference(item))).join(',')}]`;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(record[key])}`).join(',')}}`;
    };
    const pieces = [
      'a',
      'Z',
      '0',
      ' ',
      'é',
      '—',
      '学',
      '🚸',
      '"',
      '\\',
      '/',
      '\n',
      '\u0000',
      '\u001f',
      '\u007f',
      '\u2028',
      '\ud800',
      '\udc00',
      '\ud83d',
      'ø',
      '\ufb33',
    ];
    const bytes = randomBytes(200_000);
    let cursor = 0;
    const next = (limit: number) => (bytes[cursor++ % bytes.length] ?? 0) % limit;
    const randomString = () => Array.from({ length: next(12) }, () => pieces[next(pieces.length)]).join('');
    const randomValue = (depth: number): unknown => {
      switch (next(depth > 2 ? 5 : 7)) {
        case 0:
          return randomString();
        case 1:
          return next(2) === 0;
        case 2:
          return null;
        case 3:
          return [0, -0, 1.5, -1e21, 1e-7, 2 ** 53, 123456789][next(7)];
        case 4:
          return randomString().repeat(next(40));
        case 5:
          return Array.from({ length: next(5) }, () => randomValue(depth + 1));
        default:
          return Object.fromEntries(Array.from({ length: next(20) }, () => [randomString(), next(8) === 0 ? undefined : randomValue(depth + 1)]));
      }
    };
    for (let round = 0; round < 2000; round++) {
      const value = randomValue(0);
      expect(canonicalJson(value)).toBe(reference(value));
    }
  });

  it('refuses values that have no JSON form', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ x: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ x: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson({ x: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});

describe('sha256Hex', () => {
  // FIPS 180-4 / NIST CSVS vectors, and one in UTF-8 beyond ASCII.
  const vectors: [string, string][] = [
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ];

  describe.each(HASHERS)('%s', (_name, hasher) => {
    it.each(vectors.map(([text, hex]) => [text.length > 60 ? `${text.slice(0, 8)}… (${text.length} characters)` : JSON.stringify(text), text, hex]))(
      'hashes %s',
      (_label, text, hex) => {
        expect(hasher(text)).toBe(hex);
      },
    );
  });

  it('agrees with node:crypto on UTF-8 text of every padding length', () => {
    const alphabet = ['a', 'é', '—', '学', '🚸', '\n', '"'];
    for (let length = 0; length < 200; length++) {
      const text = Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
      expect(sha256Hex(text)).toBe(nodeSha256Hex(text));
    }
  });
});

const CASE_ID = '7d1f1f5e-5a43-4c39-9d7e-1a1e3c7a0001';
const DANA = 'user-dana';
const ALEX = 'user-alex';
const T0 = Date.UTC(2026, 2, 2, 9, 0);

type Fields = { [T in LedgerEntryType]: { type: T; actorId: string | null; payload: LedgerPayloads[T] } }[LedgerEntryType];

/** A short, varied case: created, joined, messages sent, held, released, read, held back, terms proposed and accepted. */
// prettier-ignore
const STORY: Fields[] = [
  { type: 'case.created', actorId: DANA, payload: { name: 'Noor', timeZone: 'Europe/London', children: ['Noor'], terms: { ...DEFAULT_CASE_TERMS, showReadTimes: false } } },
  { type: 'invitation.created', actorId: DANA, payload: { invitationId: 'inv-1', email: 'alex@example.org', expiresAt: '2026-03-09T09:00:00.000Z' } },
  { type: 'case.joined', actorId: ALEX, payload: { userId: ALEX, displayName: 'Alex', invitationId: 'inv-1' } },
  { type: 'message.sent', actorId: DANA, payload: { messageId: 'm1', recipientId: ALEX, topic: 'school', text: 'Parents evening on Thursday at 17:30.', urgent: false, deliverAt: '2026-03-02T18:00:00.000Z' } },
  { type: 'message.released', actorId: null, payload: { messageIds: ['m1'] } },
  { type: 'message.sent', actorId: ALEX, payload: { messageId: 'm2', recipientId: DANA, topic: 'health', text: 'Noor has a temperature — 学校 🚸', urgent: true, deliverAt: '2026-03-02T19:00:00.000Z' } },
  { type: 'message.held_back', actorId: ALEX, payload: { attemptId: 'a1', topic: 'other', text: 'Why are you ignoring me??', urgent: false, reason: 'quota_exceeded', retryAt: '2026-03-03T00:00:00.000Z' } },
  { type: 'message.reads_recorded', actorId: ALEX, payload: { reads: [{ messageId: 'm1', readAt: '2026-03-02T18:42:00.000Z' }] } },
  { type: 'message.sent', actorId: DANA, payload: { messageId: 'm3', recipientId: ALEX, topic: 'schedule', text: 'Pick-up at 17:00 on Friday.', urgent: false, deliverAt: '2026-03-05T18:00:00.000Z' } },
  { type: 'terms.proposed', actorId: ALEX, payload: { proposalId: 'p1', changes: { dailyQuota: 3 } } },
  { type: 'terms.accepted', actorId: DANA, payload: { proposalId: 'p1', terms: { ...DEFAULT_CASE_TERMS, dailyQuota: 3, showReadTimes: false } } },
  { type: 'message.read', actorId: DANA, payload: { messageId: 'm2' } },
  { type: 'inbox_terms.changed', actorId: ALEX, payload: { userId: ALEX, cadence: { mode: 'windows', windows: [{ weekday: 1, time: '18:00' }, { weekday: 4, time: '18:00' }] }, dailyQuota: 3, effectiveAt: '2026-03-03T09:12:00.000Z' } },
];

function buildChain(stories: readonly Fields[] = STORY, hasher: Sha256Hex = sha256Hex, caseId = CASE_ID): OpenLedgerEntry[] {
  const chain: OpenLedgerEntry[] = [];
  stories.forEach((fields, index) => {
    const at = new Date(T0 + index * 60_000).toISOString();
    chain.push(nextLedgerEntry(chain.at(-1) ?? null, { caseId, at, salt: `salt-${index}`, ...fields }, hasher) as OpenLedgerEntry);
  });
  return chain;
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

describe('ledger entries (record format 1)', () => {
  it('starts at seq 1 after 64 zeros and links each entry to the hash of the one before', () => {
    const chain = buildChain();
    expect(chain.map((entry) => entry.seq)).toEqual(STORY.map((_, index) => index + 1));
    expect(at(chain, 0).prevHash).toBe(GENESIS_PREV_HASH);
    expect(GENESIS_PREV_HASH).toBe('0'.repeat(64));
    for (let index = 1; index < chain.length; index++) expect(at(chain, index).prevHash).toBe(at(chain, index - 1).hash);
    for (const entry of chain) {
      expect(entry).toMatchObject({ v: LEDGER_FORMAT_VERSION, caseId: CASE_ID, sealed: false });
      expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.bodyHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it.each(HASHERS)('hashes exactly the documented texts (%s)', (_name, hasher) => {
    for (const entry of buildChain(STORY, hasher)) {
      const { v, caseId, seq, at: time, prevHash, bodyHash, hash, type, actorId, payload, salt } = entry;
      expect(bodyHash).toBe(nodeSha256Hex(canonicalJson({ type, actorId, payload, salt })));
      expect(hash).toBe(nodeSha256Hex(canonicalJson({ v, caseId, seq, at: time, prevHash, bodyHash })));
    }
  });

  it('builds the same chain with either hasher', () => {
    expect(buildChain(STORY, nodeSha256Hex)).toEqual(buildChain(STORY, sha256Hex));
  });

  it.each([
    ['plain values', { v: 1, caseId: CASE_ID, seq: 1, at: '2026-03-02T09:00:00.000Z', prevHash: GENESIS_PREV_HASH, bodyHash: 'ab'.repeat(32) }],
    ['odd characters', { v: 1, caseId: 'a"b\\c\n\u2028\u0000é🚸\ud800', seq: 123456789, at: '</script>\t"', prevHash: '"', bodyHash: '\\' }],
    ['large numbers', { v: 1, caseId: '', seq: Number.MAX_SAFE_INTEGER, at: '', prevHash: '', bodyHash: '' }],
  ] as const)('writes the seal text as canonicalJson of the six fields (%s)', (_name, seal) => {
    expect(ledgerSealText(seal)).toBe(canonicalJson(seal));
    expect(ledgerSealText({ ...seal, ...{ hash: 'ignored' } })).toBe(canonicalJson(seal));
  });

  it('writes the body text as canonicalJson of the four body fields, nothing else', () => {
    for (const { type, actorId, payload, salt } of buildChain()) {
      expect(ledgerBodyText({ type, actorId, payload, salt })).toBe(canonicalJson({ actorId, payload, salt, type }));
    }
    // A malformed row without an actor or a salt: the field is left out, as canonicalJson leaves out undefined.
    const partial = { type: 'message.read', payload: { messageId: 'm1' } } as unknown as LedgerEntryBody;
    expect(ledgerBodyText(partial)).toBe('{"payload":{"messageId":"m1"},"type":"message.read"}');
    const entry = at(buildChain(), 5);
    expect(ledgerBodyText(entry)).toMatch(/^\{"actorId":"user-alex","payload":\{"deliverAt":/);
  });

  it('lets nobody guess a sealed body from its hash without the salt', () => {
    // Alex's read of m1 at some minute of one day: 1,440 candidates, trivially enumerable.
    const salt = randomBytes(16).toString('hex');
    const read = (minute: number, saltUsed: string) =>
      ledgerBodyText({
        type: 'message.reads_recorded',
        actorId: ALEX,
        payload: { reads: [{ messageId: 'm1', readAt: new Date(T0 + minute * 60_000).toISOString() }] },
        salt: saltUsed,
      });
    const bodyHash = sha256Hex(read(512, salt));
    const guesses = (saltGuess: string) =>
      Array.from({ length: 1440 }, (_, minute) => minute).filter((minute) => sha256Hex(read(minute, saltGuess)) === bodyHash);
    expect(guesses('')).toEqual([]);
    expect(guesses('0'.repeat(32))).toEqual([]);
    expect(guesses(salt)).toEqual([512]);
    // Two bodies that differ only in their salt hash differently.
    expect(sha256Hex(read(512, salt))).not.toBe(sha256Hex(read(512, randomBytes(16).toString('hex'))));
  });
});

describe('verifyLedgerChain', () => {
  it.each(HASHERS)('accepts an intact chain and reports its head (%s)', (_name, hasher) => {
    const chain = buildChain(STORY, hasher);
    const head = at(chain, chain.length - 1);
    const expected = { valid: true, count: STORY.length, sealedCount: 0, headSeq: STORY.length, headHash: head.hash };
    expect(verifyLedgerChain(chain, { sha256Hex: hasher })).toEqual(expected);
    expect(verifyLedgerChain(chain, { caseId: CASE_ID, expectedHead: { seq: head.seq, hash: head.hash }, sha256Hex: hasher })).toEqual(expected);
  });

  it('accepts an empty chain whose head is the genesis', () => {
    expect(verifyLedgerChain([])).toEqual({ valid: true, count: 0, sealedCount: 0, headSeq: 0, headHash: GENESIS_PREV_HASH });
    expect(verifyLedgerChain([], { expectedHead: { seq: 0, hash: GENESIS_PREV_HASH } })).toMatchObject({ valid: true });
    expect(verifyLedgerChain([], { expectedHead: { seq: 1, hash: 'a'.repeat(64) } })).toMatchObject({ valid: false, firstBadSeq: 1 });
  });

  type Tamper = (chain: LedgerEntry[]) => LedgerEntry[];
  const replace =
    (index: number, change: (entry: OpenLedgerEntry) => LedgerEntry): Tamper =>
    (chain) =>
      chain.map((entry, i) => (i === index ? change(entry as OpenLedgerEntry) : entry));

  // prettier-ignore
  it.each<[string, Tamper, number, RegExp]>([
    ['an altered payload', replace(5, (e) => ({ ...e, payload: { ...e.payload, text: 'Noor is fine' } }) as LedgerEntry), 6, /entry 6 was altered: its content/],
    ['a payload with a field added', replace(3, (e) => ({ ...e, payload: { ...e.payload, extra: 1 } }) as unknown as LedgerEntry), 4, /entry 4 was altered: its content/],
    ['an altered salt', replace(7, (e) => ({ ...e, salt: 'salt-x' })), 8, /entry 8 was altered: its content/],
    ['an altered actor', replace(6, (e) => ({ ...e, actorId: DANA })), 7, /entry 7 was altered: its content/],
    ['an altered type', replace(10, (e) => ({ ...e, type: 'terms.declined' }) as LedgerEntry), 11, /entry 11 was altered: its content/],
    ['an altered time', replace(4, (e) => ({ ...e, at: '2026-03-02T09:03:30.000Z' })), 5, /entry 5 was altered: its place or time/],
    ['an altered body hash', replace(4, (e) => ({ ...e, sealed: true, bodyHash: 'f'.repeat(64) })), 5, /entry 5 was altered: its place or time/],
    ['two entries swapped', (c) => [at(c, 0), at(c, 2), at(c, 1), ...c.slice(3)], 2, /expected entry 2 but found 3/],
    ['an entry removed (a gap)', (c) => [...c.slice(0, 8), ...c.slice(9)], 9, /expected entry 9 but found 10/],
    ['the first entry removed', (c) => c.slice(1), 1, /expected entry 1 but found 2/],
    ['an entry renumbered into the gap it leaves', (c) => [...c.slice(0, 8), { ...at(c, 9), seq: 9 }, ...c.slice(10)], 9, /entry 9 does not point at the hash of entry 8/],
    ['an entry from another case spliced in', (c) => [...c.slice(0, 3), at(buildChain(STORY, sha256Hex, 'other-case'), 3), ...c.slice(4)], 4, /entry 4 belongs to case other-case/],
    ['a different record format', replace(1, (e) => ({ ...e, v: 2 }) as unknown as LedgerEntry), 2, /entry 2 is in record format 2, not 1/],
    ['an altered entry rehashed by a forger', replace(5, (e) => rehash({ ...e, payload: { ...e.payload, text: 'forged' } } as OpenLedgerEntry)), 7, /entry 7 does not point at the hash of entry 6/],
  ])('names the first bad entry after %s', (_name, tamper, firstBadSeq, reason) => {
    const result = verifyLedgerChain(tamper(buildChain()));
    expect(result).toMatchObject({ valid: false, firstBadSeq });
    expect(result.valid === false && result.reason).toMatch(reason);
  });

  it('refuses a whole chain of another case', () => {
    const result = verifyLedgerChain(buildChain(), { caseId: 'other-case' });
    expect(result).toMatchObject({ valid: false, firstBadSeq: 1, reason: expect.stringMatching(/belongs to case 7d1f1f5e/) });
  });

  it('notices entries removed from the end only against the expected head', () => {
    const chain = buildChain();
    const head = at(chain, chain.length - 1);
    const truncated = chain.slice(0, -1);
    // Without the head, a shorter chain is a perfectly good chain: that is why the head is kept and signed.
    expect(verifyLedgerChain(truncated)).toMatchObject({ valid: true, headSeq: STORY.length - 1 });
    expect(verifyLedgerChain(truncated, { expectedHead: { seq: head.seq, hash: head.hash } })).toMatchObject({
      valid: false,
      firstBadSeq: STORY.length,
      reason: expect.stringMatching(new RegExp(`head is entry ${STORY.length}, but the chain ends at entry ${STORY.length - 1}: entries are missing`)),
    });
  });

  it('refuses a chain that ends at another hash than the expected head', () => {
    const chain = buildChain();
    const head = at(chain, chain.length - 1);
    expect(verifyLedgerChain(chain, { expectedHead: { seq: head.seq, hash: 'e'.repeat(64) } })).toMatchObject({ valid: false, firstBadSeq: head.seq });
    expect(verifyLedgerChain(chain, { expectedHead: { seq: head.seq - 2, hash: at(chain, head.seq - 3).hash } })).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/not the case's head/),
    });
  });
});

describe('entries kept with the text their body hash covers', () => {
  const stored = (entry: OpenLedgerEntry, bodyText = entry.bodyText!) => ledgerEntryFromStoredBody(sealLedgerEntry(entry), bodyText, (type, payload) => parseLedgerPayload(entry.seq, type, payload));

  it('makes each entry with the exact text it hashed, which no copy and no JSON carries', () => {
    const entry = at(buildChain(), 5);
    expect(entry.bodyText).toBe(ledgerBodyText(entry));
    expect(sha256Hex(entry.bodyText!)).toBe(entry.bodyHash);
    expect({ ...entry }.bodyText).toBeUndefined();
    expect(JSON.parse(JSON.stringify(entry))).not.toHaveProperty('bodyText');
  });

  it('reads an entry back from its stored text: the same fields, and the chain verifies by hashing that text', () => {
    const chain = buildChain();
    const readBack = chain.map((entry) => stored(entry));
    expect(readBack.map(({ type, actorId, payload, salt }) => ({ type, actorId, payload, salt }))).toEqual(chain.map(({ type, actorId, payload, salt }) => ({ type, actorId, payload, salt })));
    expect(verifyLedgerChain(readBack)).toMatchObject({ valid: true, count: STORY.length });
  });

  it('finds a stored text altered, and a copy whose fields were changed after reading', () => {
    const chain = buildChain();
    const altered = chain.map((entry, index) => (index === 5 ? stored(entry, entry.bodyText!.replace('"text":"', '"text":"Not ')) : stored(entry)));
    expect(verifyLedgerChain(altered)).toMatchObject({ valid: false, firstBadSeq: 6, reason: expect.stringMatching(/its content no longer matches/) });
    const copied = chain.map((entry, index) => (index === 5 ? ({ ...stored(entry), salt: 'other' }) : stored(entry)));
    expect(verifyLedgerChain(copied)).toMatchObject({ valid: false, firstBadSeq: 6 });
  });

  it('verifies seals whose time or case id the server would not write, by writing their canonical text', () => {
    expect(verifyLedgerChain(buildChain(STORY, sha256Hex, 'case "quoted"'))).toMatchObject({ valid: true, count: STORY.length });
    const odd = buildChain().map((entry, index) =>
      index === 2 ? (rehashFrom(entry, { at: '2026-03-02T09:03:30Z' }) as OpenLedgerEntry) : entry,
    );
    // Entry 3 was re-sealed with another time form, so entry 4 no longer points at it: re-link the rest.
    const relinked = relink(odd);
    expect(verifyLedgerChain(relinked)).toMatchObject({ valid: true, count: STORY.length });
    const tampered = relinked.map((entry, index) => (index === 2 ? { ...entry, at: '2026-03-02T09:03:31Z' } : entry));
    expect(verifyLedgerChain(tampered)).toMatchObject({ valid: false, firstBadSeq: 3, reason: expect.stringMatching(/its place or time/) });
  });
});

/** The entry with some seal fields changed and its hashes made again, as a (legitimate) writer would. */
function rehashFrom(entry: OpenLedgerEntry, change: Partial<OpenLedgerEntry>): LedgerEntry {
  const next = { ...entry, ...change } as OpenLedgerEntry;
  const bodyHash = sha256Hex(ledgerBodyText(next));
  return { ...next, bodyHash, hash: sha256Hex(ledgerSealText({ ...next, bodyHash })) };
}

/** Each entry pointed at the one before it and re-hashed, from the first on. */
function relink(entries: readonly OpenLedgerEntry[]): OpenLedgerEntry[] {
  const out: OpenLedgerEntry[] = [];
  for (const entry of entries) {
    const prevHash = out.at(-1)?.hash ?? GENESIS_PREV_HASH;
    out.push(rehashFrom(entry, { prevHash }) as OpenLedgerEntry);
  }
  return out;
}

/** What a forger with database access would do: recompute the altered entry's own hashes. */
function rehash(entry: OpenLedgerEntry): LedgerEntry {
  const bodyHash = sha256Hex(ledgerBodyText(entry));
  return { ...entry, bodyHash, hash: sha256Hex(ledgerSealText({ ...entry, bodyHash })) };
}

describe('views of the record', () => {
  const chain = buildChain();
  const entryOf = (type: LedgerEntryType) => {
    const found = chain.find((entry) => entry.type === type);
    if (!found) throw new Error(`no ${type} in the story`);
    return found;
  };
  const viewer = (userId: string, options: Partial<LedgerViewer> = {}): LedgerViewer => ({
    userId,
    unreleasedMessageIds: new Set(['m3']),
    revealHeldBack: false,
    ...options,
  });

  it("seals for Alex Dana's held message, nothing else of Dana's; the view still verifies", () => {
    const view = viewLedger(chain, viewer(ALEX));
    expect(view.filter((entry) => entry.sealed).map((entry) => entry.seq)).toEqual([9]);
    expect(verifyLedgerChain(view)).toEqual({
      valid: true,
      count: chain.length,
      sealedCount: 1,
      headSeq: chain.length,
      headHash: at(chain, chain.length - 1).hash,
    });
  });

  it("seals for Dana Alex's recorded reads and held-back attempt, unless she asks to see held-back attempts", () => {
    expect(viewLedger(chain, viewer(DANA)).flatMap((entry) => (entry.sealed ? [entry.seq] : []))).toEqual([7, 8]);
    expect(viewLedger(chain, viewer(DANA, { revealHeldBack: true })).flatMap((entry) => (entry.sealed ? [entry.seq] : []))).toEqual([8]);
    expect(verifyLedgerChain(viewLedger(chain, viewer(DANA)))).toMatchObject({ valid: true, sealedCount: 2 });
  });

  it('shows nothing of a sealed entry but its place and hashes', () => {
    const sealed = at(viewLedger(chain, viewer(DANA)), 6);
    expect(Object.keys(sealed).sort()).toEqual(['at', 'bodyHash', 'caseId', 'hash', 'prevHash', 'sealed', 'seq', 'v']);
    expect(sealed).toEqual({ ...sealLedgerEntry(at(chain, 6)), sealed: true });
    const json = JSON.stringify(sealed);
    for (const hidden of ['message.held_back', ALEX, 'ignoring', 'quota', 'salt-6', 'payload', 'type', 'actorId']) expect(json).not.toContain(hidden);
  });

  it('still finds an altered sealed entry, and a forged body put in place of a sealed one', () => {
    const view = viewLedger(chain, viewer(DANA));
    const moved = view.map((entry) => (entry.seq === 8 ? { ...entry, at: '2026-03-02T23:59:00.000Z' } : entry));
    expect(verifyLedgerChain(moved)).toMatchObject({ valid: false, firstBadSeq: 8, reason: expect.stringMatching(/place or time/) });
    const forged = view.map((entry): LedgerEntry =>
      entry.seq === 8 ? { ...entry, sealed: false, type: 'message.read', actorId: ALEX, payload: { messageId: 'm1' }, salt: 'guess' } : entry,
    );
    expect(verifyLedgerChain(forged)).toMatchObject({ valid: false, firstBadSeq: 8, reason: expect.stringMatching(/content/) });
  });

  // prettier-ignore
  it.each<[string, LedgerEntryType, LedgerViewer, boolean]>([
    ["a held message, for its recipient", 'message.sent', viewer(ALEX, { unreleasedMessageIds: new Set(['m1']) }), true],
    ["a released message, for its recipient", 'message.sent', viewer(ALEX, { unreleasedMessageIds: new Set() }), false],
    ["a held message, for its sender", 'message.sent', viewer(DANA, { unreleasedMessageIds: new Set(['m1']) }), false],
    ["the other parent's recorded reads", 'message.reads_recorded', viewer(DANA), true],
    ["one's own recorded reads", 'message.reads_recorded', viewer(ALEX), false],
    ["the other parent's read while read times are shown", 'message.read', viewer(ALEX), false],
    ["a held-back attempt, for its recipient", 'message.held_back', viewer(DANA), true],
    ["a held-back attempt, for its recipient who asks to see them", 'message.held_back', viewer(DANA, { revealHeldBack: true }), false],
    ["a held-back attempt, for its sender", 'message.held_back', viewer(ALEX), false],
    ["a release", 'message.released', viewer(ALEX, { unreleasedMessageIds: new Set(['m1']) }), false],
    ["the case's creation", 'case.created', viewer(ALEX), false],
    ["an invitation", 'invitation.created', viewer(ALEX), false],
    ["a join", 'case.joined', viewer(DANA), false],
    ["a proposal", 'terms.proposed', viewer(DANA), false],
    ["an acceptance", 'terms.accepted', viewer(ALEX), false],
    ["the other parent's new inbox terms: announced", 'inbox_terms.changed', viewer(DANA), false],
  ])('isSealedFor: %s -> %s', (_name, type, who, sealed) => {
    expect(isSealedFor(entryOf(type), who)).toBe(sealed);
  });
});

describe('parseLedgerPayload', () => {
  it('returns a well-formed payload typed', () => {
    const { type, payload } = parseLedgerPayload<'message.read'>(3, 'message.read', { messageId: 'm1' });
    expect(type).toBe('message.read');
    expect(payload.messageId).toBe('m1');
  });

  it.each(STORY.map((fields) => [fields.type, fields.payload] as const))('accepts the story %s', (type, payload) => {
    expect(parseLedgerPayload(1, type, payload).payload).toBe(payload);
  });

  it("accepts an export with or without a professional: a parent's has no such member", () => {
    const parents = { exportId: 'x', from: null, to: null, sections: [], keyFingerprint: 'k' };
    expect(parseLedgerPayload(1, 'export.made', parents).payload).toBe(parents);
    const professionals = { ...parents, professional: { grantId: 'g', name: 'Jane Smith', role: 'lawyer' } };
    expect(parseLedgerPayload(1, 'export.made', professionals).payload).toBe(professionals);
  });

  // prettier-ignore
  it.each<[string, string, unknown, RegExp]>([
    ['an unknown type', 'message.deleted', { messageId: 'm1' }, /entry 7 is malformed: its type "message.deleted" is not one this version of Parallel knows/],
    ['a missing field', 'message.sent', { messageId: 'm1', recipientId: ALEX, topic: 'school', urgent: false, deliverAt: 'x' }, /entry 7 is malformed: its message.sent payload lacks a valid "text"/],
    ['a field of the wrong kind', 'message.released', { messageIds: ['m1', 2] }, /lacks a valid "messageIds"/],
    ['a null where a string is needed', 'terms.declined', { proposalId: null }, /lacks a valid "proposalId"/],
    ['an unknown held-back reason', 'message.held_back', { attemptId: 'a', topic: 'school', text: 't', urgent: false, reason: 'bored', retryAt: null }, /held-back reason "bored" is not one of quota_exceeded/],
    ['a payload that is not an object', 'message.read', ['m1'], /its payload is not an object/],
    ['no payload', 'message.read', null, /its payload is not an object/],
    ['an unknown professional role', 'professional_access.granted', { grantId: 'g', role: 'cousin', name: 'N', email: 'n@example.org', expiresAt: 'x' }, /professional role "cousin" is not one of lawyer, mediator, guardian_ad_litem/],
    ['an export naming a professional without a role', 'export.made', { exportId: 'x', from: null, to: null, sections: [], keyFingerprint: 'k', professional: { grantId: 'g', name: 'N' } }, /names a professional without a valid/],
    ['an export whose professional is not an object', 'export.made', { exportId: 'x', from: null, to: null, sections: [], keyFingerprint: 'k', professional: 'Jane' }, /lacks a valid "professional"/],
  ])('refuses %s, naming it', (_name, type, payload, message) => {
    let thrown: unknown;
    try {
      parseLedgerPayload(7, type, payload);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MalformedLedgerEntry);
    expect(thrown).toMatchObject({ seq: 7, message: expect.stringMatching(message) });
  });
});
