import { ApiProperty } from '@nestjs/swagger';
import { currencyMinorDigits, type Balance } from '@parallel/domain';

export class BalanceItemDto {
  @ApiProperty({ example: 'GBP' })
  currency: string;

  @ApiProperty({ type: 'integer', enum: [0, 2, 3], description: 'Decimals of the currency’s minor unit.' })
  minorDigits: number;

  @ApiProperty({ format: 'uuid', description: 'The parent who owes.' })
  fromParentId: string;

  @ApiProperty({ format: 'uuid', description: 'The parent who is owed.' })
  toParentId: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'What is owed, in minor units; always above zero.' })
  amountMinor: number;
}

export class BalanceDto {
  @ApiProperty({
    type: [BalanceItemDto],
    description: 'One per currency in which someone owes something, sorted by currency; empty when nobody owes anything. From approved expenses and confirmed payments only.',
  })
  balances: BalanceItemDto[];
}

export function toBalanceDto(balances: readonly Balance[]): BalanceDto {
  return { balances: balances.map((b) => ({ currency: b.currency, minorDigits: currencyMinorDigits(b.currency), fromParentId: b.fromParentId, toParentId: b.toParentId, amountMinor: b.amountMinor })) };
}
