import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { LEDGER_ENTRY_TYPES, LEDGER_FORMAT_VERSION, type ChainVerification, type LedgerEntry, type LedgerEntryType } from '@parallel/domain';

// Responses: the case record in record format v1 (docs/record-format.md; LedgerEntry in @parallel/domain).

const HEX_SHA256 = { pattern: '^[0-9a-f]{64}$', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' };

/** What every entry shows to every reader: its place in the chain and the hashes that bind it. */
class LedgerEntrySealDto {
  @ApiProperty({ type: 'integer', enum: [LEDGER_FORMAT_VERSION], description: 'Record format version.' })
  v: typeof LEDGER_FORMAT_VERSION;

  @ApiProperty({ format: 'uuid' })
  caseId: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Position in the chain, from 1 without gaps.' })
  seq: number;

  @ApiProperty({ format: 'date-time', description: "When the server recorded it (UTC, with milliseconds)." })
  at: string;

  @ApiProperty({ ...HEX_SHA256, description: "The previous entry's hash; 64 zeros for the first." })
  prevHash: string;

  @ApiProperty({ ...HEX_SHA256, description: 'SHA-256 of the canonical {actorId, payload, salt, type}: the content, committed to.' })
  bodyHash: string;

  @ApiProperty({ ...HEX_SHA256, description: 'SHA-256 of the canonical {at, bodyHash, caseId, prevHash, seq, v}.' })
  hash: string;
}

/** An entry whose content the caller may read. */
export class OpenLedgerEntryDto extends LedgerEntrySealDto {
  @ApiProperty({ type: Boolean, enum: [false] })
  sealed: false;

  @ApiProperty({ enum: LEDGER_ENTRY_TYPES, enumName: 'LedgerEntryType' })
  type: LedgerEntryType;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who did it; null for what the system did (a release at a window).' })
  actorId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The fact, by type (see LedgerPayloads in the record format).' })
  payload: object;

  @ApiProperty({ description: 'Random per entry, so that a sealed body cannot be guessed from its hash.' })
  salt: string;
}

/** An entry kept from the caller for now: its place and hashes only, so the chain still verifies. */
export class SealedLedgerEntryDto extends LedgerEntrySealDto {
  @ApiProperty({ type: Boolean, enum: [true] })
  sealed: true;
}

export type LedgerEntryDto = OpenLedgerEntryDto | SealedLedgerEntryDto;

export class LedgerPageDto {
  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(OpenLedgerEntryDto) }, { $ref: getSchemaPath(SealedLedgerEntryDto) }] },
    description: 'Entries in chain order; `sealed` tells which kind each is.',
  })
  items: LedgerEntryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
  nextCursor: string | null;
}

/** The chain as far as the caller may see it, recomputed from the stored rows. */
export class ValidChainDto {
  @ApiProperty({ type: Boolean, enum: [true] })
  valid: true;

  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Of those, sealed for the caller (verified by their hashes alone).' })
  sealedCount: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  headSeq: number;

  @ApiProperty(HEX_SHA256)
  headHash: string;
}

export class BrokenChainDto {
  @ApiProperty({ type: Boolean, enum: [false] })
  valid: false;

  @ApiProperty({ type: 'integer', minimum: 0 })
  count: number;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'The first entry that fails; nothing after it is proven.' })
  firstBadSeq: number;

  @ApiProperty({ example: 'entry 7 was altered: its content no longer matches its body hash' })
  reason: string;
}

export type LedgerVerificationDto = ValidChainDto | BrokenChainDto;

export const LEDGER_VERIFICATION_SCHEMA = { oneOf: [{ $ref: getSchemaPath(ValidChainDto) }, { $ref: getSchemaPath(BrokenChainDto) }] };

/** The models of the unions above, registered with the document by the ledger controller. */
export const LEDGER_MODELS = [OpenLedgerEntryDto, SealedLedgerEntryDto, ValidChainDto, BrokenChainDto];

/** Exactly the fields of format v1: a sealed entry's body can never slip into an answer. */
export function toLedgerEntryDto(entry: LedgerEntry): LedgerEntryDto {
  const seal = { v: entry.v, caseId: entry.caseId, seq: entry.seq, at: entry.at, prevHash: entry.prevHash, bodyHash: entry.bodyHash, hash: entry.hash };
  if (entry.sealed) return { ...seal, sealed: true };
  return { ...seal, sealed: false, type: entry.type, actorId: entry.actorId, payload: entry.payload, salt: entry.salt };
}

export function toLedgerPageDto(entries: readonly LedgerEntry[], nextCursor: string | null): LedgerPageDto {
  return { items: entries.map(toLedgerEntryDto), nextCursor };
}

export function toLedgerVerificationDto(result: ChainVerification): LedgerVerificationDto {
  return result.valid
    ? { valid: true, count: result.count, sealedCount: result.sealedCount, headSeq: result.headSeq, headHash: result.headHash }
    : { valid: false, count: result.count, firstBadSeq: result.firstBadSeq, reason: result.reason };
}
