import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { GENESIS_PREV_HASH, LedgerEntry, hashLedgerEntry, nextLedgerEntry, verifyLedgerChain } from './ledger-entry';
import { sha256Hex, sha256HexOfBytes } from './sha256';

describe('canonicalJson (RFC 8785)', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ nested: { z: [3, { y: true, x: null }], a: 'é' } }, '{"nested":{"a":"é","z":[3,{"x":null,"y":true}]}}'],
    [[1, 'two', false], '[1,"two",false]'],
    [{ n: 1e21, f: 0.1, neg: -0, big: 123456789012 }, '{"big":123456789012,"f":0.1,"n":1e+21,"neg":0}'],
    [{ skip: undefined, keep: 1 }, '{"keep":1}'],
    ['line\nbreak "quoted" \u2028', '"line\\nbreak \\"quoted\\" \u2028"'],
  ])('serializes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 requires', () => {
    // '\u20ac' (euro) sorts after '\r' and the emoji's surrogate pair (\ud83d...) sorts before '\ufb33'.
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '\ufb33': 3, '\ud83d\ude00': 4, '1': 5 })).toBe(
      '{"\\r":2,"1":5,"\u20ac":1,"\ud83d\ude00":4,"\ufb33":3}',
    );
  });

  it('refuses values that have no JSON form', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ x: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ x: () => 1 })).toThrow(TypeError);
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on random inputs of every padding length', () => {
    for (let length = 0; length < 300; length++) {
      const bytes = randomBytes(length);
      expect(sha256HexOfBytes(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const text = 'Pick-up moved to 17:30 — 学校 🚸 ok';
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('ledger chain', () => {
  const caseId = '7d1f1f5e-5a43-4c39-9d7e-1a1e3c7a0001';
  function buildChain(length: number): LedgerEntry[] {
    const chain: LedgerEntry[] = [];
    for (let i = 0; i < length; i++) {
      chain.push(
        nextLedgerEntry(chain.at(-1) ?? null, {
          caseId,
          type: 'message.sent',
          actorId: 'parent-a',
          at: new Date(Date.UTC(2026, 10, 1, 9, i)).toISOString(),
          payload: { messageId: `m${i}`, text: `Pick-up at ${i}:00`, urgent: false },
        }),
      );
    }
    return chain;
  }

  it('starts at seq 1 with 64 zeros and links each hash to the previous one', () => {
    const chain = buildChain(3);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(chain[0]!.prevHash).toBe(GENESIS_PREV_HASH);
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
    expect(chain[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hashes the canonical JSON of every field but the hash', () => {
    const [entry] = buildChain(1);
    const { hash, ...rest } = entry!;
    expect(hash).toBe(createHash('sha256').update(canonicalJson(rest)).digest('hex'));
    // Key order of the payload does not matter; content does.
    expect(hashLedgerEntry({ ...rest, payload: { urgent: false, text: 'Pick-up at 0:00', messageId: 'm0' } })).toBe(hash);
    expect(hashLedgerEntry({ ...rest, payload: { messageId: 'm0', text: 'Pick-up at 0:01', urgent: false } })).not.toBe(hash);
  });

  it('accepts an intact chain and reports its head', () => {
    const chain = buildChain(5);
    expect(verifyLedgerChain(chain, caseId)).toEqual({ valid: true, count: 5, headSeq: 5, headHash: chain[4]!.hash });
    expect(verifyLedgerChain([])).toMatchObject({ valid: true, count: 0, headSeq: 0 });
  });

  it.each([
    ['altered text', (c: LedgerEntry[]) => { c[2] = { ...c[2]!, payload: { messageId: 'm2', text: 'changed', urgent: false } }; }, 3, /altered/],
    ['altered time', (c: LedgerEntry[]) => { c[1] = { ...c[1]!, at: '2020-01-01T00:00:00.000Z' }; }, 2, /altered/],
    ['deleted entry', (c: LedgerEntry[]) => { c.splice(3, 1); }, 4, /expected entry 4/],
    ['reordered entries', (c: LedgerEntry[]) => { [c[1], c[2]] = [c[2]!, c[1]!]; }, 2, /expected entry 2/],
    ['rehashed entry that breaks the link', (c: LedgerEntry[]) => {
      const forged = { ...c[2]!, payload: { forged: true } };
      c[2] = { ...forged, hash: hashLedgerEntry(forged) };
    }, 4, /does not point/],
    ['entry from another case', (c: LedgerEntry[]) => { c[0] = { ...c[0]!, caseId: 'other' }; }, 1, /belongs to case/],
  ])('names the first bad entry after %s', (_name, tamper, firstBadSeq, reason) => {
    const chain = buildChain(6);
    tamper(chain);
    const result = verifyLedgerChain(chain, caseId);
    expect(result).toMatchObject({ valid: false, firstBadSeq });
    expect(result.valid === false && result.reason).toMatch(reason);
  });
});
