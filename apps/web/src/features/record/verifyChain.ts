// Loaded only when a record is checked (from the worker, or lazily on the page where
// workers are not available): the hashing code stays out of the first load.
import { verifyLedgerChain, type ChainVerification, type LedgerEntry } from '@parallel/domain';

export interface ChainToVerify {
  caseId: string;
  /** Entries in chain order, as the API answered them (open and sealed). */
  entries: readonly unknown[];
  /** The case's head: the chain must end exactly there. */
  head: { seq: number; hash: string };
}

/** Record format 1, recomputed here with the portable SHA-256 (docs/record-format.md, section 7). */
export function verifyChain({ caseId, entries, head }: ChainToVerify): ChainVerification {
  return verifyLedgerChain(entries as readonly LedgerEntry[], { caseId, expectedHead: head });
}
