import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AMOUNT_MINOR_MAX, CURRENCY_CODES, PAYMENT_METHODS, PAYMENT_STATUSES, currencyMinorDigits, type PaymentMethod, type PaymentStatus } from '@parallel/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { PaymentEntity } from '../entities/payment.entity';
import type { ReceiptEntity } from '../entities/receipt.entity';
import { ISO_DATE, ReceiptDto, toReceiptDto } from './expense.dto';

export const PAYMENT_REFERENCE_MAX = 200;

/** `POST /cases/:caseId/payments`: the caller paid the other parent. */
export class RecordPaymentDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: AMOUNT_MINOR_MAX, example: 2275, description: 'In minor units; a part of what is owed is fine.' })
  @IsInt({ message: 'amountMinor must be a whole number of minor units (2275 for 22.75)' })
  @Min(1, { message: 'amountMinor must be more than zero' })
  @Max(AMOUNT_MINOR_MAX, { message: `amountMinor must be at most ${AMOUNT_MINOR_MAX}` })
  amountMinor: number;

  @ApiProperty({ example: 'GBP', pattern: '^[A-Z]{3}$' })
  @IsIn(CURRENCY_CODES, { message: 'currency must be an ISO 4217 currency code such as GBP, EUR or USD' })
  currency: string;

  @ApiProperty({ format: 'date', example: '2026-03-10', description: "The day it was paid, in the case's time zone; not in the future." })
  @IsString({ message: 'paidOn must be a date, YYYY-MM-DD' })
  @Matches(ISO_DATE, { message: 'paidOn must be a date, YYYY-MM-DD' })
  paidOn: string;

  @ApiProperty({ enum: PAYMENT_METHODS, enumName: 'PaymentMethod' })
  @IsIn(PAYMENT_METHODS, { message: `method must be one of: ${PAYMENT_METHODS.join(', ')}` })
  method: PaymentMethod;

  @ApiPropertyOptional({ maxLength: PAYMENT_REFERENCE_MAX, description: 'A bank reference or note that helps the other parent find it. A file as proof: POST .../payments/:id/proofs.' })
  @IsOptional()
  @IsString({ message: 'reference must be a string' })
  @Length(1, PAYMENT_REFERENCE_MAX, { message: `reference must be 1 to ${PAYMENT_REFERENCE_MAX} characters` })
  reference?: string;
}

export class ListPaymentsQuery {
  @ApiPropertyOptional({ enum: PAYMENT_STATUSES, enumName: 'PaymentStatus' })
  @IsOptional()
  @IsIn(PAYMENT_STATUSES, { message: `status must be one of: ${PAYMENT_STATUSES.join(', ')}` })
  status?: PaymentStatus;

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

export class PaymentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  paidBy: string;

  @ApiProperty({ format: 'uuid' })
  paidTo: string;

  @ApiProperty({ type: 'integer' })
  amountMinor: number;

  @ApiProperty({ example: 'GBP' })
  currency: string;

  @ApiProperty({ type: 'integer', enum: [0, 2, 3], description: 'Decimals of the currency’s minor unit.' })
  minorDigits: number;

  @ApiProperty({ format: 'date' })
  paidOn: string;

  @ApiProperty({ enum: PAYMENT_METHODS, enumName: 'PaymentMethod' })
  method: PaymentMethod;

  @ApiProperty({ type: String, nullable: true })
  reference: string | null;

  @ApiProperty({ enum: PAYMENT_STATUSES, enumName: 'PaymentStatus', description: 'Counts in the balance once confirmed by the parent paid.' })
  status: PaymentStatus;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt: string | null;

  @ApiProperty({ type: [ReceiptDto], description: 'Proofs of payment, oldest first.' })
  proofs: ReceiptDto[];
}

export class PaymentPageDto {
  @ApiProperty({ type: [PaymentDto], description: 'Newest recorded first.' })
  items: PaymentDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export function toPaymentDto(row: PaymentEntity, proofs: readonly ReceiptEntity[]): PaymentDto {
  return {
    id: row.id,
    paidBy: row.paidBy,
    paidTo: row.paidTo,
    amountMinor: row.amountMinor,
    currency: row.currency,
    minorDigits: currencyMinorDigits(row.currency),
    paidOn: row.paidOn,
    method: row.method,
    reference: row.reference,
    status: row.status,
    recordedAt: row.recordedAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    proofs: proofs.map(toReceiptDto),
  };
}
