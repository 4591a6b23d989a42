export { canonicalJson } from './canonical-json';
export { sha256Hex, sha256HexOfBytes } from './sha256';
export {
  GENESIS_PREV_HASH,
  hashLedgerEntry,
  nextLedgerEntry,
  verifyLedgerChain,
  type ChainVerification,
  type LedgerEntry,
  type LedgerEntryType,
  type LedgerPayloads,
  type UnhashedLedgerEntry,
} from './ledger-entry';
export { SEALED_ENTRY_SENTENCE, describeEntry, formatRecordTime, type DescribeEntryContext } from './describe-entry';
