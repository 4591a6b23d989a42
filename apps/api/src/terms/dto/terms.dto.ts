import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import {
  INBOX_DAILY_QUOTA_MIN,
  INBOX_WINDOWS_PER_WEEK_MIN,
  SPLIT_BASIS_POINTS_MAX,
  SPLIT_BASIS_POINTS_MIN,
  TERMS_DAILY_QUOTA_MAX,
  TERMS_DAILY_QUOTA_MIN,
  TERMS_URGENT_PER_30_DAYS_MAX,
  TERMS_WINDOWS_MAX,
  WALL_CLOCK_TIME_PATTERN,
  type Cadence,
  type CadenceWeekday,
  type InboxTerms,
  type InboxTermsChange,
  type SharedTerms,
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

/** The terms both parents agreed on; they change only by accepted proposal. */
export class SharedTermsDto implements SharedTerms {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: TERMS_URGENT_PER_30_DAYS_MAX, description: 'Urgent messages per sender in any rolling 30 days; 0 turns urgent off.' })
  urgentPer30Days: number;

  @ApiProperty({ description: 'Whether a sender sees when the recipient first read a message.' })
  showReadTimes: boolean;

  @ApiProperty({ type: SplitDto })
  split: SplitDto;
}

/** The terms of one parent's inbox, set by that parent alone. */
export class InboxTermsDto implements InboxTerms {
  @ApiProperty(CADENCE_PROPERTY)
  cadence: ImmediateCadenceDto | WindowsCadenceDto;

  @ApiProperty({
    type: 'integer',
    minimum: INBOX_DAILY_QUOTA_MIN,
    maximum: TERMS_DAILY_QUOTA_MAX,
    description: "Messages this inbox takes from the other parent per calendar day in the case's zone, urgent ones included.",
  })
  dailyQuota: number;
}

/**
 * A proposal's changes as recorded. New proposals name shared terms only; proposals made
 * before inbox terms existed may also name the cadence and the daily quota.
 */
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

/** What a new proposal may change: the shared terms (the cadence and quota are each parent's inbox terms). */
export class SharedTermsChangesDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: TERMS_URGENT_PER_30_DAYS_MAX })
  urgentPer30Days?: number;

  @ApiPropertyOptional()
  showReadTimes?: boolean;

  @ApiPropertyOptional({ type: SplitDto })
  split?: SplitDto;
}

/** `PUT /cases/:caseId/inbox-terms`: checked by the domain's rules (`validateInboxTerms`), which name field and rule. */
export class SetInboxTermsDto {
  @ApiProperty({
    ...CADENCE_PROPERTY,
    description: `When messages reach the caller's inbox: immediately, or at weekly delivery windows (at least ${INBOX_WINDOWS_PER_WEEK_MIN} a week).`,
  })
  @Allow()
  cadence: unknown;

  @ApiProperty({ type: 'integer', minimum: INBOX_DAILY_QUOTA_MIN, maximum: TERMS_DAILY_QUOTA_MAX, description: 'Messages the caller takes from the other parent per day.' })
  @Allow()
  dailyQuota: unknown;
}

export class PendingInboxTermsDto {
  @ApiProperty({ type: InboxTermsDto })
  terms: InboxTermsDto;

  @ApiProperty({ format: 'date-time', description: 'When it was set (and announced to the other parent).' })
  requestedAt: string;

  @ApiProperty({ format: 'date-time', description: 'When it takes effect: 24 hours after it was set, unless a newer change replaces it first.' })
  effectiveAt: string;
}

/** One parent's inbox: the terms in force now, and a change waiting for its effective time. */
export class InboxDto {
  @ApiProperty({ format: 'uuid', description: 'Whose inbox.' })
  userId: string;

  @ApiProperty({ type: InboxTermsDto })
  inForce: InboxTermsDto;

  @ApiProperty({ format: 'date-time', description: 'Since when these terms are in force.' })
  inForceSince: string;

  @ApiProperty({ type: PendingInboxTermsDto, nullable: true })
  pending: PendingInboxTermsDto | null;
}

/** The answer to `PUT .../inbox-terms`: the change, pending until `effectiveAt`. */
export class InboxTermsChangeDto extends PendingInboxTermsDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ description: 'Whether it replaced a change that was still pending (that one will never take effect).' })
  replacedPending: boolean;
}

function copyCadence(cadence: Cadence): ImmediateCadenceDto | WindowsCadenceDto {
  return cadence.mode === 'immediate' ? { mode: 'immediate' } : { mode: 'windows', windows: cadence.windows.map((w) => ({ weekday: w.weekday, time: w.time })) };
}

/** Copies, so that a response never shares (or freezes) the objects it was built from. */
export function toSharedTermsDto(terms: SharedTerms): SharedTermsDto {
  return { urgentPer30Days: terms.urgentPer30Days, showReadTimes: terms.showReadTimes, split: { firstParentBasisPoints: terms.split.firstParentBasisPoints } };
}

export function toInboxTermsDto(terms: InboxTerms): InboxTermsDto {
  return { cadence: copyCadence(terms.cadence), dailyQuota: terms.dailyQuota };
}

export function toPendingInboxTermsDto(change: InboxTermsChange): PendingInboxTermsDto {
  return { terms: toInboxTermsDto(change.terms), requestedAt: change.requestedAt.toISOString(), effectiveAt: change.effectiveAt.toISOString() };
}

export function toInboxDto(userId: string, inForce: InboxTermsChange, pending: InboxTermsChange | null): InboxDto {
  return {
    userId,
    inForce: toInboxTermsDto(inForce.terms),
    inForceSince: inForce.effectiveAt.toISOString(),
    pending: pending ? toPendingInboxTermsDto(pending) : null,
  };
}
