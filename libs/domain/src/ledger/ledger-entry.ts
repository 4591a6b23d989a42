import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';

/** The `prevHash` of a chain's first entry. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

/**
 * Every fact that may reach a court, by type. The payload of each type is the
 * minimum a reader of the record needs to understand the fact without other tables.
 */
export interface LedgerPayloads {
  'case.created': { name: string; timeZone: string; children: string[]; terms: unknown };
  'invitation.created': { invitationId: string; email: string; expiresAt: string };
  'case.joined': { userId: string; displayName: string; invitationId: string };
  'message.sent': {
    messageId: string;
    recipientId: string;
    topic: string;
    text: string;
    urgent: boolean;
    deliverAt: string;
  };
  'message.held_back': { attemptId: string; topic: string; text: string; urgent: boolean; reason: string; retryAt: string | null };
  'message.released': { messageIds: string[] };
  'message.read': { messageId: string };
  'terms.proposed': { proposalId: string; changes: unknown };
  'terms.accepted': { proposalId: string; terms: unknown };
  'terms.declined': { proposalId: string };
  'terms.withdrawn': { proposalId: string };
}

export type LedgerEntryType = keyof LedgerPayloads;

/** One link of a case's chain, exactly as stored and as exported. */
export interface LedgerEntry {
  caseId: string;
  seq: number;
  type: string;
  actorId: string | null;
  /** ISO 8601 UTC instant with milliseconds, from the server's clock. */
  at: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

export type UnhashedLedgerEntry = Omit<LedgerEntry, 'hash'>;

/** `hash = SHA-256(canonical JSON of every other field)`. */
export function hashLedgerEntry(entry: UnhashedLedgerEntry): string {
  const { caseId, seq, type, actorId, at, payload, prevHash } = entry;
  return sha256Hex(canonicalJson({ caseId, seq, type, actorId, at, payload, prevHash }));
}

/** Builds the next link after `head` (null for a new chain). */
export function nextLedgerEntry(
  head: { seq: number; hash: string } | null,
  fields: Pick<LedgerEntry, 'caseId' | 'type' | 'actorId' | 'at' | 'payload'>,
): LedgerEntry {
  const unhashed: UnhashedLedgerEntry = {
    ...fields,
    seq: head ? head.seq + 1 : 1,
    prevHash: head ? head.hash : GENESIS_PREV_HASH,
  };
  return { ...unhashed, hash: hashLedgerEntry(unhashed) };
}

export type ChainVerification =
  | { valid: true; count: number; headSeq: number; headHash: string }
  | { valid: false; count: number; firstBadSeq: number; reason: string };

/**
 * Checks a whole chain in order: numbering from 1 without gaps, one case, every link
 * pointing at the previous hash, and every hash recomputed from the fields. Names the
 * first entry that fails, since everything after it is unproven too.
 */
export function verifyLedgerChain(entries: readonly LedgerEntry[], expectedCaseId?: string): ChainVerification {
  let previous: LedgerEntry | null = null;
  const caseId = expectedCaseId ?? entries[0]?.caseId;
  for (const [index, entry] of entries.entries()) {
    const expectedSeq = index + 1;
    const fail = (reason: string, firstBadSeq = entry.seq): ChainVerification => ({ valid: false, count: entries.length, firstBadSeq, reason });
    if (entry.caseId !== caseId) return fail(`entry ${entry.seq} belongs to case ${entry.caseId}, not ${caseId}`);
    if (entry.seq !== expectedSeq) return fail(`expected entry ${expectedSeq} but found ${entry.seq}`, expectedSeq);
    const expectedPrev = previous ? previous.hash : GENESIS_PREV_HASH;
    if (entry.prevHash !== expectedPrev) return fail(`entry ${entry.seq} does not point at the hash of entry ${expectedSeq - 1}`);
    if (hashLedgerEntry(entry) !== entry.hash) return fail(`entry ${entry.seq} was altered: its content no longer matches its hash`);
    previous = entry;
  }
  if (!previous) return { valid: true, count: 0, headSeq: 0, headHash: GENESIS_PREV_HASH };
  return { valid: true, count: entries.length, headSeq: previous.seq, headHash: previous.hash };
}
