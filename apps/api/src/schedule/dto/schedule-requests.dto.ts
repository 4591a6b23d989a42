import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHECK_IN_LATE_MAX_MINUTES,
  CHECK_IN_NOTE_MAX,
  CHECK_IN_STATUSES,
  CUSTOM_ROTATION_MAX_STRETCHES,
  CUSTOM_STRETCH_MAX_DAYS,
  DATE_PATTERN,
  OVERRIDE_KINDS,
  OVERRIDE_REASON_MAX,
  PLACE_MAX,
  PLAN_PATTERNS,
  SWAP_DATES_MAX,
  SWAP_KINDS,
  SWAP_REASON_MAX,
  WALL_CLOCK_TIME_PATTERN,
  type CheckInStatus,
  type OverrideKind,
  type PlanPattern,
  type SwapKind,
} from '@parallel/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

const DATE_MESSAGE = (field: string) => `${field} must be a date written YYYY-MM-DD`;
const TIME_MESSAGE = (field: string) => `${field} must be a time written HH:MM (00:00 to 23:59)`;
const IsDateText = (field: string) => Matches(DATE_PATTERN, { message: DATE_MESSAGE(field) });
const IsTimeText = (field: string) => Matches(WALL_CLOCK_TIME_PATTERN, { message: TIME_MESSAGE(field) });

export class MidweekVisitDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4, description: 'ISO weekday of the visit: Monday 1 .. Thursday 4.', example: 3 })
  @IsInt({ message: 'weekday must be a whole number' })
  weekday: number;

  @ApiProperty({ pattern: WALL_CLOCK_TIME_PATTERN.source, example: '16:00' })
  @IsTimeText('from')
  from: string;

  @ApiProperty({ pattern: WALL_CLOCK_TIME_PATTERN.source, example: '19:00' })
  @IsTimeText('to')
  to: string;
}

export class ProposePlanDto {
  @ApiProperty({ enum: PLAN_PATTERNS, enumName: 'PlanPattern' })
  @IsIn(PLAN_PATTERNS, { message: `pattern must be one of: ${PLAN_PATTERNS.join(', ')}` })
  pattern: PlanPattern;

  @ApiProperty({ pattern: DATE_PATTERN.source, example: '2026-12-07', description: "The first day of the plan, in the case's zone; it must be in the future." })
  @IsDateText('startDate')
  startDate: string;

  @ApiProperty({ pattern: WALL_CLOCK_TIME_PATTERN.source, example: '18:00', description: "When exchanges happen, in the case's zone." })
  @IsTimeText('exchangeTime')
  exchangeTime: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The parent with the children for the first stretch (every other weekend: the parent whose weekends they are).',
  })
  @IsUUID('all', { message: 'firstParentId must be a UUID' })
  firstParentId: string;

  @ApiPropertyOptional({ type: [Number], description: 'Custom pattern only: stretch lengths in days, alternating parents, the first parent first.', example: [3, 4] })
  @IsOptional()
  @IsArray({ message: 'rotation must be a list of day counts' })
  @ArrayMaxSize(CUSTOM_ROTATION_MAX_STRETCHES, { message: `rotation has at most ${CUSTOM_ROTATION_MAX_STRETCHES} stretches` })
  @IsInt({ each: true, message: 'each stretch of rotation is a whole number of days' })
  @Min(1, { each: true, message: 'each stretch of rotation is at least 1 day' })
  @Max(CUSTOM_STRETCH_MAX_DAYS, { each: true, message: `each stretch of rotation is at most ${CUSTOM_STRETCH_MAX_DAYS} days` })
  rotation?: number[];

  @ApiPropertyOptional({ pattern: WALL_CLOCK_TIME_PATTERN.source, description: 'Every other weekend only: when the weekend ends on Sunday (default: exchangeTime).' })
  @IsOptional()
  @IsTimeText('weekendEndTime')
  weekendEndTime?: string;

  @ApiPropertyOptional({ type: MidweekVisitDto, description: "Every other weekend only: the weekend parent's weekly visit." })
  @IsOptional()
  @ValidateNested()
  @Type(() => MidweekVisitDto)
  midweekVisit?: MidweekVisitDto;

  @ApiPropertyOptional({ maxLength: PLACE_MAX, description: 'Where exchanges happen, in a few words.', example: 'School gate' })
  @IsOptional()
  @IsString({ message: 'place must be text' })
  @MaxLength(PLACE_MAX, { message: `place has at most ${PLACE_MAX} characters` })
  place?: string;
}

export class CourtOrderDto {
  @ApiProperty({ maxLength: 100, description: "The court order's reference, as written on it.", example: 'FD26P00123' })
  @IsString({ message: 'orderReference must be text' })
  @IsNotEmpty({ message: 'orderReference must name the order' })
  @MaxLength(100, { message: 'orderReference has at most 100 characters' })
  orderReference: string;

  @ApiProperty({ pattern: DATE_PATTERN.source, description: 'The date of the order (not in the future).', example: '2026-11-20' })
  @IsDateText('orderDate')
  orderDate: string;
}

export class DisputeDto {
  @ApiProperty({ maxLength: SWAP_REASON_MAX, description: 'Why, in a few factual words.' })
  @IsString({ message: 'reason must be text' })
  @IsNotEmpty({ message: 'reason must say why' })
  @MaxLength(SWAP_REASON_MAX, { message: `reason has at most ${SWAP_REASON_MAX} characters` })
  reason: string;
}

export class CreateOverrideDto {
  @ApiProperty({ enum: OVERRIDE_KINDS, enumName: 'OverrideKind' })
  @IsIn(OVERRIDE_KINDS, { message: `kind must be one of: ${OVERRIDE_KINDS.join(', ')}` })
  kind: OverrideKind;

  @ApiProperty({ maxLength: OVERRIDE_REASON_MAX, example: 'Christmas' })
  @IsString({ message: 'reason must be text' })
  @IsNotEmpty({ message: 'reason must say why' })
  @MaxLength(OVERRIDE_REASON_MAX, { message: `reason has at most ${OVERRIDE_REASON_MAX} characters` })
  reason: string;

  @ApiProperty({ pattern: DATE_PATTERN.source, example: '2026-12-24' })
  @IsDateText('startDate')
  startDate: string;

  @ApiProperty({ pattern: WALL_CLOCK_TIME_PATTERN.source, example: '10:00' })
  @IsTimeText('startTime')
  startTime: string;

  @ApiProperty({ pattern: DATE_PATTERN.source, example: '2026-12-26', description: 'The day it ends, at endTime (exclusive).' })
  @IsDateText('endDate')
  endDate: string;

  @ApiProperty({ pattern: WALL_CLOCK_TIME_PATTERN.source, example: '10:00' })
  @IsTimeText('endTime')
  endTime: string;

  @ApiProperty({ format: 'uuid', description: 'Who has the children (with alternateYears: in the start year and every other year after).' })
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId: string;

  @ApiPropertyOptional({ default: false, description: 'Repeat every year on the same dates, the parents alternating years.' })
  @IsOptional()
  @IsBoolean({ message: 'alternateYears must be true or false' })
  alternateYears?: boolean;

  @ApiPropertyOptional({ maxLength: PLACE_MAX, description: 'Where the exchanges at its start and end happen, if not the usual place.' })
  @IsOptional()
  @IsString({ message: 'place must be text' })
  @MaxLength(PLACE_MAX, { message: `place has at most ${PLACE_MAX} characters` })
  place?: string;
}

export class CreateSwapDto {
  @ApiProperty({ enum: SWAP_KINDS, enumName: 'SwapKind', description: 'give: hand days to the other parent; trade: and take some of theirs in return.' })
  @IsIn(SWAP_KINDS, { message: `kind must be one of: ${SWAP_KINDS.join(', ')}` })
  kind: SwapKind;

  @ApiProperty({ type: [String], maxItems: SWAP_DATES_MAX, description: 'Your days (YYYY-MM-DD) that go to the other parent; each after today.', example: ['2026-12-12'] })
  @IsArray({ message: 'giveDates must be a list of dates' })
  @ArrayMaxSize(SWAP_DATES_MAX, { message: `giveDates has at most ${SWAP_DATES_MAX} days` })
  @Matches(DATE_PATTERN, { each: true, message: DATE_MESSAGE('each of giveDates') })
  giveDates: string[];

  @ApiPropertyOptional({ type: [String], maxItems: SWAP_DATES_MAX, description: "Trade only: the other parent's days (YYYY-MM-DD) you take in return." })
  @IsOptional()
  @IsArray({ message: 'takeDates must be a list of dates' })
  @ArrayMaxSize(SWAP_DATES_MAX, { message: `takeDates has at most ${SWAP_DATES_MAX} days` })
  @Matches(DATE_PATTERN, { each: true, message: DATE_MESSAGE('each of takeDates') })
  takeDates?: string[];

  @ApiPropertyOptional({ maxLength: SWAP_REASON_MAX, description: 'A short factual note.' })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(SWAP_REASON_MAX, { message: `note has at most ${SWAP_REASON_MAX} characters` })
  note?: string;
}

export class AnswerSwapDto {
  @ApiPropertyOptional({ maxLength: SWAP_REASON_MAX, description: 'An optional reason, recorded with the answer.' })
  @IsOptional()
  @IsString({ message: 'reason must be text' })
  @MaxLength(SWAP_REASON_MAX, { message: `reason has at most ${SWAP_REASON_MAX} characters` })
  reason?: string;
}

export class CreateCheckInDto {
  @ApiProperty({ enum: CHECK_IN_STATUSES, enumName: 'CheckInStatus' })
  @IsIn(CHECK_IN_STATUSES, { message: `status must be one of: ${CHECK_IN_STATUSES.join(', ')}` })
  status: CheckInStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: CHECK_IN_LATE_MAX_MINUTES, description: 'With status late: by how many minutes.' })
  @IsOptional()
  @IsInt({ message: 'lateMinutes must be a whole number' })
  lateMinutes?: number;

  @ApiPropertyOptional({ maxLength: CHECK_IN_NOTE_MAX, description: 'A short factual note.' })
  @IsOptional()
  @IsString({ message: 'note must be text' })
  @MaxLength(CHECK_IN_NOTE_MAX, { message: `note has at most ${CHECK_IN_NOTE_MAX} characters` })
  note?: string;
}

export class ScheduleRangeQuery {
  @ApiProperty({ pattern: DATE_PATTERN.source, example: '2026-12-01', description: "First day, in the case's zone." })
  @IsDateText('from')
  from: string;

  @ApiProperty({ pattern: DATE_PATTERN.source, example: '2026-12-31', description: 'Last day (included).' })
  @IsDateText('to')
  to: string;
}
