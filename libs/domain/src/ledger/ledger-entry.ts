import { canonicalJson } from './canonical-json';
import type { LedgerEntryType, LedgerPayloads } from './events';
import { sha256Hex as portableSha256Hex, type Sha256Hex } from './sha256';

/** The `prevHash` of a chain's first entry. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

/** The record format this code writes and verifies (docs/record-format.md). */
export const LEDGER_FORMAT_VERSION = 1;

/**
 * What every entry shows to everyone: its place in the chain and the hashes that bind it.
 * `hash = SHA-256(canonical {at, bodyHash, caseId, prevHash, seq, v})`.
 */
export interface LedgerEntrySeal {
  v: typeof LEDGER_FORMAT_VERSION;
  caseId: string;
  seq: number;
  /** ISO 8601 UTC instant with milliseconds, from the server's clock. */
  at: string;
  prevHash: string;
  /** `SHA-256(canonical {actorId, payload, salt, type})`: the entry's content, committed to. */
  bodyHash: string;
  hash: string;
}

/** What an entry says. The salt (random, per entry) keeps a sealed body from being guessed from its hash. */
export interface LedgerEntryBody<T extends LedgerEntryType = LedgerEntryType> {
  type: T;
  actorId: string | null;
  payload: LedgerPayloads[T];
  salt: string;
}

/**
 * An entry whose content the reader may see. `bodyText`, when present, is the exact text
 * that was hashed and stored (the record keeps the bytes it hashed), and the body's fields
 * were read from it: verification then hashes those bytes instead of writing them again.
 * It is a non-enumerable property (see `withBodyText`): a copy of the entry (`{...entry}`),
 * whose fields may have been changed, never carries it, and JSON never shows it.
 */
export type OpenLedgerEntryOf<T extends LedgerEntryType> = LedgerEntrySeal & LedgerEntryBody<T> & { sealed: false; readonly bodyText?: string };

/** Any open entry, discriminated by `type`: `switch (entry.type)` narrows the payload. */
export type OpenLedgerEntry = { [T in LedgerEntryType]: OpenLedgerEntryOf<T> }[LedgerEntryType];

/**
 * An entry kept from this reader for now (a message still held for its window, the other
 * parent's reads while read times are hidden, held-back texts): its place and hashes
 * only, so the chain still verifies and nothing of its content shows.
 */
export type SealedLedgerEntry = LedgerEntrySeal & { sealed: true };

export type LedgerEntry = OpenLedgerEntry | SealedLedgerEntry;

/**
 * The canonical bytes a body hash is taken over: equal to `canonicalJson` of the four
 * fields (a test holds them equal), written out directly because every verification pays it.
 */
export function ledgerBodyText(body: LedgerEntryBody): string {
  const { actorId, payload, salt, type } = body as Partial<LedgerEntryBody>;
  // A row missing a field (malformed, or altered) takes the general path, which leaves the field out.
  if (actorId === undefined || payload === undefined || salt === undefined || type === undefined) return canonicalJson({ actorId, payload, salt, type });
  return `{"actorId":${canonicalJson(actorId)},"payload":${canonicalJson(payload)},"salt":${canonicalJson(salt)},"type":${canonicalJson(type)}}`;
}

/**
 * The canonical bytes an entry hash is taken over: equal to `canonicalJson` of the six
 * fields (a test holds them equal), written out directly because every verification pays it.
 */
export function ledgerSealText(seal: Omit<LedgerEntrySeal, 'hash'>): string {
  return `{"at":${canonicalJson(seal.at)},"bodyHash":${canonicalJson(seal.bodyHash)},"caseId":${canonicalJson(seal.caseId)},"prevHash":${canonicalJson(seal.prevHash)},"seq":${canonicalJson(seal.seq)},"v":${canonicalJson(seal.v)}}`;
}

/** Builds the next link after `head` (null for a new chain). */
export function nextLedgerEntry<T extends LedgerEntryType>(
  head: { seq: number; hash: string } | null,
  fields: { caseId: string; at: string } & LedgerEntryBody<T>,
  sha256Hex: Sha256Hex = portableSha256Hex,
): OpenLedgerEntryOf<T> {
  const body: LedgerEntryBody<T> = { type: fields.type, actorId: fields.actorId, payload: fields.payload, salt: fields.salt };
  const bodyText = ledgerBodyText(body);
  const unhashed = {
    v: LEDGER_FORMAT_VERSION,
    caseId: fields.caseId,
    seq: head ? head.seq + 1 : 1,
    at: fields.at,
    prevHash: head ? head.hash : GENESIS_PREV_HASH,
    bodyHash: sha256Hex(bodyText),
  } as const;
  return withBodyText({ ...unhashed, hash: sha256Hex(ledgerSealText(unhashed)), ...body, sealed: false }, bodyText);
}

/**
 * Attaches the text an entry's fields were made from or read from (non-enumerable: copies
 * drop it). Verification hashes this text instead of writing the body again, so only a text
 * that spells exactly the entry's own fields may be attached.
 */
export function withBodyText<E extends OpenLedgerEntry | OpenLedgerEntryOf<LedgerEntryType>>(entry: E, bodyText: string): E {
  return Object.defineProperty(entry, 'bodyText', { value: bodyText, enumerable: false, writable: false, configurable: false });
}

/**
 * An entry read back from its stored body text: the content is parsed from the very bytes its
 * body hash covers, so what is shown and what is verified cannot differ. `typed` checks the
 * parsed type and payload (e.g. `parseLedgerPayload`) and throws on a malformed one; a text
 * that is not JSON throws a `SyntaxError`.
 */
export function ledgerEntryFromStoredBody(
  seal: LedgerEntrySeal,
  bodyText: string,
  typed: (type: string, payload: unknown) => Pick<LedgerEntryBody, 'type' | 'payload'>,
): OpenLedgerEntry {
  const raw = JSON.parse(bodyText) as { type: string; actorId: string | null; payload: unknown; salt: string };
  const { type, payload } = typed(raw.type, raw.payload);
  return withBodyText({ ...seal, type, actorId: raw.actorId, payload, salt: raw.salt, sealed: false } as OpenLedgerEntry, bodyText);
}

/** The same entry with its content withheld. */
export function sealLedgerEntry(entry: LedgerEntry): SealedLedgerEntry {
  const { v, caseId, seq, at, prevHash, bodyHash, hash } = entry;
  return { v, caseId, seq, at, prevHash, bodyHash, hash, sealed: true };
}

export type ChainVerification =
  | { valid: true; count: number; sealedCount: number; headSeq: number; headHash: string }
  | { valid: false; count: number; firstBadSeq: number; reason: string };

export interface ChainVerificationOptions {
  /** The case the chain must belong to; by default the first entry's. */
  caseId?: string;
  /** The head the case says it has (its stored head, or a signed manifest's): the chain must end exactly there. */
  expectedHead?: { seq: number; hash: string };
  sha256Hex?: Sha256Hex;
}

/**
 * Checks a whole chain in order: format version, numbering from 1 without gaps, one case,
 * every link pointing at the previous hash, every hash recomputed, every open entry's body
 * matching its body hash, and (when given) the chain ending at the expected head, so that
 * entries removed from the end are noticed too. Names the first entry that fails, since
 * everything after it is unproven.
 */
export function verifyLedgerChain(entries: readonly LedgerEntry[], options: ChainVerificationOptions = {}): ChainVerification {
  const sha256Hex = options.sha256Hex ?? portableSha256Hex;
  const caseId = options.caseId ?? entries[0]?.caseId;
  // A case id that JSON writes between plain quotes lets each seal text be put together directly.
  const caseIdIsPlain = typeof caseId === 'string' && canonicalJson(caseId) === `"${caseId}"`;
  let previousHash = GENESIS_PREV_HASH;
  let sealedCount = 0;
  let index = 0;
  const fail = (reason: string, firstBadSeq: number): ChainVerification => ({ valid: false, count: entries.length, firstBadSeq, reason });
  for (const entry of entries) {
    const expectedSeq = ++index;
    // Read as unknown: a stored row may carry any version, and the type would otherwise narrow `entry` to never.
    const version: unknown = entry.v;
    if (version !== LEDGER_FORMAT_VERSION) return fail(`entry ${entry.seq} is in record format ${String(version)}, not ${LEDGER_FORMAT_VERSION}`, entry.seq);
    if (entry.caseId !== caseId) return fail(`entry ${entry.seq} belongs to case ${entry.caseId}, not ${caseId}`, entry.seq);
    if (entry.seq !== expectedSeq) return fail(`expected entry ${expectedSeq} but found ${entry.seq}`, expectedSeq);
    if (entry.prevHash !== previousHash) return fail(`entry ${entry.seq} does not point at the hash of entry ${expectedSeq - 1}`, entry.seq);
    let bodyHashIsHex: boolean;
    if (entry.sealed) {
      sealedCount++;
      bodyHashIsHex = HEX_SHA256.test(entry.bodyHash);
    } else {
      if (sha256Hex(entry.bodyText ?? ledgerBodyText(entry)) !== entry.bodyHash) return fail(`entry ${entry.seq} was altered: its content no longer matches its body hash`, entry.seq);
      bodyHashIsHex = true; // equal to a hash just made
    }
    // Every seal field is now known to need no escaping (the version and number checked, the
    // case id plain, the previous hash and the body hash hex) except the time: when it has the
    // one form the server writes, the canonical text is these fields between plain quotes.
    const sealText =
      caseIdIsPlain && bodyHashIsHex && ISO_INSTANT.test(entry.at)
        ? `{"at":"${entry.at}","bodyHash":"${entry.bodyHash}","caseId":"${caseId}","prevHash":"${previousHash}","seq":${expectedSeq},"v":${LEDGER_FORMAT_VERSION}}`
        : ledgerSealText(entry);
    if (sha256Hex(sealText) !== entry.hash) return fail(`entry ${entry.seq} was altered: its place or time no longer matches its hash`, entry.seq);
    previousHash = entry.hash;
  }
  const head = entries.length ? { seq: entries.length, hash: previousHash } : { seq: 0, hash: GENESIS_PREV_HASH };
  const expected = options.expectedHead;
  if (expected && (expected.seq !== head.seq || expected.hash !== head.hash)) {
    if (expected.seq > head.seq) {
      return { valid: false, count: entries.length, firstBadSeq: head.seq + 1, reason: `the case's head is entry ${expected.seq}, but the chain ends at entry ${head.seq}: entries are missing` };
    }
    return { valid: false, count: entries.length, firstBadSeq: Math.min(expected.seq, head.seq) || 1, reason: `the chain ends at entry ${head.seq}, which is not the case's head (entry ${expected.seq})` };
  }
  return { valid: true, count: entries.length, sealedCount, headSeq: head.seq, headHash: head.hash };
}

/** The one form of time the server writes into a seal: ISO 8601 UTC with milliseconds. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const HEX_SHA256 = /^[0-9a-f]{64}$/;
