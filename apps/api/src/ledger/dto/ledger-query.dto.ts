import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MaxInt4 } from '../../common/validation';

export class LedgerQueryDto {
  @ApiPropertyOptional({ description: 'Return entries after this sequence number (a cursor).', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @MaxInt4()
  afterSeq?: number;

  /** `cursor` is the same as `afterSeq`, for the API's common paging shape. */
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @MaxInt4()
  cursor?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ default: false, description: 'Show the texts of sends held back from the caller (sealed unless asked for).' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'revealHeldBack must be true or false' })
  revealHeldBack?: boolean;
}
