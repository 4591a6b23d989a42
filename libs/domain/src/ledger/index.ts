export { canonicalJson } from './canonical-json';
export { sha256Hex, type Sha256Hex } from './sha256';
export {
  HELD_BACK_REASONS,
  LEDGER_ENTRY_TYPES,
  MalformedLedgerEntry,
  isLedgerEntryType,
  parseLedgerPayload,
  type HeldBackReason,
  type LedgerEntryType,
  type LedgerPayloads,
  type ProfessionalActor,
} from './events';
export {
  GENESIS_PREV_HASH,
  LEDGER_FORMAT_VERSION,
  ledgerBodyText,
  ledgerSealText,
  ledgerEntryFromStoredBody,
  nextLedgerEntry,
  sealLedgerEntry,
  verifyLedgerChain,
  withBodyText,
  type ChainVerification,
  type ChainVerificationOptions,
  type LedgerEntry,
  type LedgerEntryBody,
  type LedgerEntrySeal,
  type OpenLedgerEntry,
  type OpenLedgerEntryOf,
  type SealedLedgerEntry,
} from './ledger-entry';
export { bodyTextOfLedgerLine, openEntryOfCanonicalLine, openLedgerLine, openLedgerLineOfStoredBody } from './ledger-line';
export { isSealedFor, viewLedger, type LedgerViewer } from './views';
export { SEALED_ENTRY_SENTENCE, describeEntry, formatRecordTime, type DescribeEntryContext } from './describe-entry';
export { checkQueryModel, type ProfessionalAccessQueryModel, type QueryModelCheck, type RecordQueryModel, type ScheduleQueryModel } from './query-model';
