import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AMOUNT_MINOR_MAX,
  CURRENCY_CODES,
  EXPENSE_CATEGORIES,
  EXPENSE_STATUSES,
  RECEIPT_MEDIA_TYPES,
  currencyMinorDigits,
  expenseShares,
  type ExpenseCategory,
  type ExpenseStatus,
  type ReceiptMediaType,
} from '@parallel/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { ExpenseEntity } from '../entities/expense.entity';
import type { ReceiptEntity } from '../entities/receipt.entity';

export const EXPENSE_DESCRIPTION_MAX = 500;
export const DISPUTE_REASON_MAX = 1000;
/** A calendar date, YYYY-MM-DD; the service checks that it exists (no 30 February). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ShareInputDto {
  @ApiProperty({ format: 'uuid', description: 'One of the two parents of the case.' })
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10000, example: 6000, description: 'Their share in basis points (6000 = 60 %).' })
  @IsInt({ message: 'basisPoints must be a whole number' })
  basisPoints: number;
}

/** `POST /cases/:caseId/expenses`; also the body of a resubmission (the corrected expense). */
export class CreateExpenseDto {
  @ApiProperty({ enum: EXPENSE_CATEGORIES, enumName: 'ExpenseCategory' })
  @IsIn(EXPENSE_CATEGORIES, { message: `category must be one of: ${EXPENSE_CATEGORIES.join(', ')}` })
  category: ExpenseCategory;

  @ApiProperty({ minLength: 1, maxLength: EXPENSE_DESCRIPTION_MAX, example: 'School trip to the science museum' })
  @IsString({ message: 'description must be a string' })
  @Length(1, EXPENSE_DESCRIPTION_MAX, { message: `description must be 1 to ${EXPENSE_DESCRIPTION_MAX} characters` })
  description: string;

  @ApiProperty({ format: 'date', example: '2026-03-04', description: "The day it was paid, in the case's time zone; not in the future." })
  @IsString({ message: 'incurredOn must be a date, YYYY-MM-DD' })
  @Matches(ISO_DATE, { message: 'incurredOn must be a date, YYYY-MM-DD' })
  incurredOn: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: AMOUNT_MINOR_MAX,
    example: 4550,
    description: 'The whole amount paid, in minor units of the currency (pence, cents; yen are whole yen): 4550 GBP is £45.50.',
  })
  @IsInt({ message: 'amountMinor must be a whole number of minor units (4550 for 45.50)' })
  @Min(1, { message: 'amountMinor must be more than zero' })
  @Max(AMOUNT_MINOR_MAX, { message: `amountMinor must be at most ${AMOUNT_MINOR_MAX}` })
  amountMinor: number;

  @ApiProperty({ example: 'GBP', pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code.' })
  @IsIn(CURRENCY_CODES, { message: 'currency must be an ISO 4217 currency code such as GBP, EUR or USD' })
  currency: string;

  @ApiPropertyOptional({
    type: [ShareInputDto],
    description:
      "A split for this expense only: each parent's share, both named once, adding up to 10000. Without it the case's split applies (changed only by an accepted proposal).",
  })
  @IsOptional()
  @IsArray({ message: 'shares must be a list' })
  @ArrayMaxSize(2, { message: 'shares must name each of the two parents once' })
  @ValidateNested({ each: true })
  @Type(() => ShareInputDto)
  shares?: ShareInputDto[];
}

export class DisputeExpenseDto {
  @ApiProperty({ minLength: 1, maxLength: DISPUTE_REASON_MAX, example: 'The receipt shows a different amount.' })
  @IsString({ message: 'reason must be a string' })
  @Length(1, DISPUTE_REASON_MAX, { message: `reason must be 1 to ${DISPUTE_REASON_MAX} characters` })
  reason: string;
}

export class ListExpensesQuery {
  @ApiPropertyOptional({ enum: EXPENSE_STATUSES, enumName: 'ExpenseStatus' })
  @IsOptional()
  @IsIn(EXPENSE_STATUSES, { message: `status must be one of: ${EXPENSE_STATUSES.join(', ')}` })
  status?: ExpenseStatus;

  @ApiPropertyOptional({ enum: EXPENSE_CATEGORIES, enumName: 'ExpenseCategory' })
  @IsOptional()
  @IsIn(EXPENSE_CATEGORIES, { message: `category must be one of: ${EXPENSE_CATEGORIES.join(', ')}` })
  category?: ExpenseCategory;

  @ApiPropertyOptional({ format: 'date', description: 'Only expenses incurred on or after this day.' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be a date, YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Only expenses incurred on or before this day.' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be a date, YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class CsvRangeQuery {
  @ApiPropertyOptional({ format: 'date', description: 'First day (expenses by the day incurred, payments by the day paid); no limit when absent.' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be a date, YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day, included; no limit when absent.' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be a date, YYYY-MM-DD' })
  to?: string;
}

// Responses

export class ReceiptDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: RECEIPT_MEDIA_TYPES, enumName: 'ReceiptMediaType', description: 'Recognised from the content, not the name.' })
  mediaType: ReceiptMediaType;

  @ApiProperty({ type: 'integer', description: 'Bytes as stored (location and device metadata removed from images).' })
  sizeBytes: number;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the stored bytes, as in the ledger entry.' })
  sha256: string;

  @ApiProperty({ format: 'uuid' })
  uploadedBy: string;

  @ApiProperty({ format: 'date-time' })
  uploadedAt: string;
}

export class ExpenseShareDto {
  @ApiProperty({ format: 'uuid' })
  parentId: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 10000 })
  basisPoints: number;

  @ApiProperty({ type: 'integer', description: "This parent's part in minor units; the two parts always add up to amountMinor." })
  amountMinor: number;
}

export class ExpenseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The parent who paid and logged it.' })
  loggedBy: string;

  @ApiProperty({ enum: EXPENSE_CATEGORIES, enumName: 'ExpenseCategory' })
  category: ExpenseCategory;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'date' })
  incurredOn: string;

  @ApiProperty({ type: 'integer' })
  amountMinor: number;

  @ApiProperty({ example: 'GBP' })
  currency: string;

  @ApiProperty({ type: 'integer', enum: [0, 2, 3], description: 'Decimals of the currency’s minor unit (GBP 2, JPY 0, KWD 3): amountMinor / 10^minorDigits is the amount.' })
  minorDigits: number;

  @ApiProperty({ enum: ['case', 'override'], description: "case: the case's split when it was logged; override: a split for this expense only." })
  splitSource: 'case' | 'override';

  @ApiProperty({ type: [ExpenseShareDto], description: 'Both parents, the case’s first parent first.' })
  shares: ExpenseShareDto[];

  @ApiProperty({ enum: EXPENSE_STATUSES, enumName: 'ExpenseStatus', description: 'Only approved expenses count in the balance.' })
  status: ExpenseStatus;

  @ApiProperty({ format: 'date-time' })
  loggedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was approved or disputed (or withdrawn while pending).' })
  decidedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  decidedBy: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The reason given with a dispute.' })
  disputeReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the logger withdrew or resubmitted it after a dispute.' })
  closedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The disputed expense this one corrects.' })
  replacesExpenseId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The corrected expense that replaced this one (status resubmitted).' })
  replacedByExpenseId: string | null;

  @ApiProperty({ type: [ReceiptDto], description: 'Oldest first.' })
  receipts: ReceiptDto[];
}

export class ExpensePageDto {
  @ApiProperty({ type: [ExpenseDto], description: 'Newest logged first.' })
  items: ExpenseDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export function toReceiptDto(row: ReceiptEntity): ReceiptDto {
  return { id: row.id, mediaType: row.mediaType, sizeBytes: row.sizeBytes, sha256: row.sha256, uploadedBy: row.uploadedBy, uploadedAt: row.uploadedAt.toISOString() };
}

export function toExpenseDto(
  row: ExpenseEntity,
  parents: { firstParentId: string; secondParentId: string },
  receipts: readonly ReceiptEntity[],
  replacedByExpenseId: string | null,
): ExpenseDto {
  return {
    id: row.id,
    loggedBy: row.loggedBy,
    category: row.category,
    description: row.description,
    incurredOn: row.incurredOn,
    amountMinor: row.amountMinor,
    currency: row.currency,
    minorDigits: currencyMinorDigits(row.currency),
    splitSource: row.splitSource,
    shares: expenseShares(row.amountMinor, { firstParentBasisPoints: row.firstParentBasisPoints }, parents),
    status: row.status,
    loggedAt: row.loggedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy,
    disputeReason: row.disputeReason,
    closedAt: row.closedAt?.toISOString() ?? null,
    replacesExpenseId: row.replacesExpenseId,
    replacedByExpenseId,
    receipts: receipts.map(toReceiptDto),
  };
}
