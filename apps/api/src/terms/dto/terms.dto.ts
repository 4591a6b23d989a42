import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  SPLIT_BASIS_POINTS_MAX,
  SPLIT_BASIS_POINTS_MIN,
  TERMS_DAILY_QUOTA_MAX,
  TERMS_DAILY_QUOTA_MIN,
  TERMS_URGENT_PER_30_DAYS_MAX,
  TERMS_WINDOWS_MAX,
  WALL_CLOCK_TIME_PATTERN,
  type CadenceWeekday,
  type CaseTerms,
  type TermsChanges,
} from '@parallel/domain';

// Responses: a case's agreed terms (CaseTerms in @parallel/domain), as the API shows them.

export class DeliveryWindowDto {
  @ApiProperty({ type: 'integer', enum: [1, 2, 3, 4, 5, 6, 7], description: 'ISO weekday: Monday 1 .. Sunday 7.' })
  weekday: CadenceWeekday;

  @ApiProperty({ pattern: WALL_CLOCK_TIME_PATTERN.source, example: '18:00', description: "24-hour HH:MM wall-clock time in the case's time zone." })
  time: string;
}

export class ImmediateCadenceDto {
  @ApiProperty({ enum: ['immediate'], description: 'Messages are delivered when sent.' })
  mode: 'immediate';
}

export class WindowsCadenceDto {
  @ApiProperty({ enum: ['windows'], description: 'Messages are held until the next delivery window.' })
  mode: 'windows';

  @ApiProperty({ type: [DeliveryWindowDto], minItems: 1, maxItems: TERMS_WINDOWS_MAX })
  windows: DeliveryWindowDto[];
}

/** Every model of the cadence union: registered once with the document (see CADENCE_PROPERTY). */
export const CADENCE_MODELS = [ImmediateCadenceDto, WindowsCadenceDto];

const CADENCE_PROPERTY = {
  oneOf: [{ $ref: getSchemaPath(ImmediateCadenceDto) }, { $ref: getSchemaPath(WindowsCadenceDto) }],
  discriminator: {
    propertyName: 'mode',
    mapping: { immediate: getSchemaPath(ImmediateCadenceDto), windows: getSchemaPath(WindowsCadenceDto) },
  },
  description: 'When messages reach the recipient.',
};

export class SplitDto {
  @ApiProperty({ type: 'integer', minimum: SPLIT_BASIS_POINTS_MIN, maximum: SPLIT_BASIS_POINTS_MAX, example: 5000, description: "The first parent's share of shared expenses, in basis points (5000 = half)." })
  firstParentBasisPoints: number;
}

export class CaseTermsDto implements CaseTerms {
  @ApiProperty(CADENCE_PROPERTY)
  cadence: ImmediateCadenceDto | WindowsCadenceDto;

  @ApiProperty({ type: 'integer', minimum: TERMS_DAILY_QUOTA_MIN, maximum: TERMS_DAILY_QUOTA_MAX, description: "Messages per sender per calendar day in the case's zone, urgent ones included." })
  dailyQuota: number;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: TERMS_URGENT_PER_30_DAYS_MAX, description: 'Urgent messages per sender in any rolling 30 days; 0 turns urgent off.' })
  urgentPer30Days: number;

  @ApiProperty({ description: 'Whether a sender sees when the recipient first read a message.' })
  showReadTimes: boolean;

  @ApiProperty({ type: SplitDto })
  split: SplitDto;
}

/** A proposed change: any of the terms, each replacing the one in force once accepted. */
export class TermsChangesDto implements TermsChanges {
  @ApiPropertyOptional(CADENCE_PROPERTY)
  cadence?: ImmediateCadenceDto | WindowsCadenceDto;

  @ApiPropertyOptional({ type: 'integer', minimum: TERMS_DAILY_QUOTA_MIN, maximum: TERMS_DAILY_QUOTA_MAX })
  dailyQuota?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: TERMS_URGENT_PER_30_DAYS_MAX })
  urgentPer30Days?: number;

  @ApiPropertyOptional()
  showReadTimes?: boolean;

  @ApiPropertyOptional({ type: SplitDto })
  split?: SplitDto;
}

/** A copy, so that a response never shares (or freezes) the objects it was built from. */
export function toCaseTermsDto(terms: CaseTerms): CaseTermsDto {
  return {
    cadence: terms.cadence.mode === 'immediate' ? { mode: 'immediate' } : { mode: 'windows', windows: terms.cadence.windows.map((w) => ({ weekday: w.weekday, time: w.time })) },
    dailyQuota: terms.dailyQuota,
    urgentPer30Days: terms.urgentPer30Days,
    showReadTimes: terms.showReadTimes,
    split: { firstParentBasisPoints: terms.split.firstParentBasisPoints },
  };
}
