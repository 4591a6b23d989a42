import { ApiProperty } from '@nestjs/swagger';
import {
  CHECK_IN_STATUSES,
  OVERRIDE_KINDS,
  PLAN_PATTERNS,
  SWAP_KINDS,
  UNANSWERED_PLAN_DAYS,
  type CheckInStatus,
  type CustodySource,
  type OverrideKind,
  type PlanPattern,
  type SwapKind,
} from '@parallel/domain';
import type { ScheduleCheckInEntity } from '../entities/schedule-check-in.entity';
import type { ScheduleOverrideEntity } from '../entities/schedule-override.entity';
import type { SchedulePlanDisputeEntity } from '../entities/schedule-plan-dispute.entity';
import type { PlanStatus, SchedulePlanEntity } from '../entities/schedule-plan.entity';
import type { ScheduleSwapEntity } from '../entities/schedule-swap.entity';
import { MidweekVisitDto } from './schedule-requests.dto';

export const PLAN_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'court_ordered'] as const satisfies readonly PlanStatus[];
export const AGREEMENT_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export const SWAP_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];
export const CUSTODY_SOURCES = ['plan', 'override', 'swap'] as const satisfies readonly CustodySource[];

export class PlanDisputeDto {
  @ApiProperty({ format: 'uuid' }) disputedBy: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class CourtOrderInfoDto {
  @ApiProperty() reference: string;
  @ApiProperty({ format: 'date', description: 'YYYY-MM-DD' }) date: string;
}

export class PlanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) proposedBy: string;
  @ApiProperty({ enum: PLAN_PATTERNS, enumName: 'PlanPattern' }) pattern: PlanPattern;
  @ApiProperty({ description: 'YYYY-MM-DD' }) startDate: string;
  @ApiProperty({ example: '18:00' }) exchangeTime: string;
  @ApiProperty({ format: 'uuid' }) firstParentId: string;
  @ApiProperty({ format: 'uuid' }) secondParentId: string;
  @ApiProperty({ type: [Number], nullable: true, description: 'Custom pattern: stretch lengths in days.' }) rotation: number[] | null;
  @ApiProperty({ type: String, nullable: true }) weekendEndTime: string | null;
  @ApiProperty({ type: MidweekVisitDto, nullable: true }) midweekVisit: MidweekVisitDto | null;
  @ApiProperty({ description: 'Where exchanges happen; may be empty.' }) place: string;
  @ApiProperty({ enum: PLAN_STATUSES, enumName: 'PlanStatus' }) status: PlanStatus;
  @ApiProperty({ format: 'date-time', description: 'startDate at exchangeTime in the case zone: the plan applies from then on.' }) effectiveFrom: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy: string | null;
  @ApiProperty({
    format: 'date-time',
    description: `While pending: from when its proposer may apply it as court-ordered (${UNANSWERED_PLAN_DAYS} days unanswered).`,
  })
  courtOrderAvailableAt: string;
  @ApiProperty({ type: CourtOrderInfoDto, nullable: true }) courtOrder: CourtOrderInfoDto | null;
  @ApiProperty({ type: [PlanDisputeDto] }) disputes: PlanDisputeDto[];
}

export class PlanListDto {
  @ApiProperty({ type: [PlanDto], description: 'Newest first.' }) items: PlanDto[];
}

export class OverrideDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) proposedBy: string;
  @ApiProperty({ enum: OVERRIDE_KINDS, enumName: 'OverrideKind' }) kind: OverrideKind;
  @ApiProperty() reason: string;
  @ApiProperty() startDate: string;
  @ApiProperty() startTime: string;
  @ApiProperty() endDate: string;
  @ApiProperty() endTime: string;
  @ApiProperty({ format: 'uuid' }) parentId: string;
  @ApiProperty() alternateYears: boolean;
  @ApiProperty() place: string;
  @ApiProperty({ enum: AGREEMENT_STATUSES, enumName: 'AgreementStatus' }) status: (typeof AGREEMENT_STATUSES)[number];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy: string | null;
}

export class OverrideListDto {
  @ApiProperty({ type: [OverrideDto], description: 'Newest first.' }) items: OverrideDto[];
}

export class SwapDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty({ enum: SWAP_KINDS, enumName: 'SwapKind' }) kind: SwapKind;
  @ApiProperty({ type: [String] }) giveDates: string[];
  @ApiProperty({ type: [String] }) takeDates: string[];
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ enum: SWAP_STATUSES, enumName: 'SwapStatus', description: 'expired: unanswered at the start of its first day.' }) status: SwapStatus;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The reason given with the answer, if any.' }) reason: string | null;
}

export class SwapListDto {
  @ApiProperty({ type: [SwapDto], description: 'Newest first.' }) items: SwapDto[];
}

export class CheckInDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '20261211T1800Z' }) exchangeId: string;
  @ApiProperty({ format: 'date-time' }) exchangeAt: string;
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ enum: CHECK_IN_STATUSES, enumName: 'CheckInStatus' }) status: CheckInStatus;
  @ApiProperty({ type: 'integer', nullable: true }) lateMinutes: number | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ScheduleDayDto {
  @ApiProperty({ description: 'YYYY-MM-DD' }) date: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "Who has the children for the day's night; null where no plan applies." })
  parentId: string | null;
  @ApiProperty({ enum: CUSTODY_SOURCES, enumName: 'CustodySource' }) source: CustodySource;
  @ApiProperty({ type: String, nullable: true, description: 'The plan, override or swap behind it.' }) sourceId: string | null;
}

export class ExchangeDto {
  @ApiProperty({ example: '20261211T1800Z', description: 'Stable while the schedule keeps an exchange at that instant.' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid', description: 'Who hands the children over.' }) fromParentId: string;
  @ApiProperty({ format: 'uuid' }) toParentId: string;
  @ApiProperty() place: string;
  @ApiProperty({ enum: CUSTODY_SOURCES, enumName: 'CustodySource' }) source: CustodySource;
  @ApiProperty({ type: String, nullable: true }) sourceId: string | null;
  @ApiProperty({ type: [CheckInDto] }) checkIns: CheckInDto[];
}

export class CustodyIntervalDto {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive.' }) to: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ enum: CUSTODY_SOURCES, enumName: 'CustodySource' }) source: CustodySource;
  @ApiProperty({ type: String, nullable: true }) sourceId: string | null;
}

export class ScheduleDto {
  @ApiProperty() timeZone: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [ScheduleDayDto] }) days: ScheduleDayDto[];
  @ApiProperty({ type: [ExchangeDto] }) exchanges: ExchangeDto[];
  @ApiProperty({ type: [CustodyIntervalDto], description: 'The exact custody intervals over the range.' }) intervals: CustodyIntervalDto[];
  @ApiProperty({ type: [OverrideDto], description: 'Overrides (accepted and pending) that touch the range.' }) overrides: OverrideDto[];
  @ApiProperty({ type: [SwapDto], description: 'Swaps (accepted and pending) with a day in the range.' }) swaps: SwapDto[];
  @ApiProperty({ type: [PlanDto], description: 'The plans in force over the range, in order.' }) plans: PlanDto[];
  @ApiProperty({ type: PlanDto, nullable: true, description: 'The plan waiting for an answer, if any.' }) pendingPlan: PlanDto | null;
}

export class TimeShareEntryDto {
  @ApiProperty({ format: 'uuid' }) parentId: string;
  @ApiProperty({ type: 'integer' }) overnights: number;
  @ApiProperty({ description: 'Hours with the children (two decimals).' }) hours: number;
  @ApiProperty({ description: 'Share of the overnights in percent (two decimals); the two sum to 100.' }) percent: number;
}

export class TimeSharePartDto {
  @ApiProperty({ type: [TimeShareEntryDto] }) parents: TimeShareEntryDto[];
  @ApiProperty({ type: 'integer', description: 'Days with no plan.' }) unscheduledDays: number;
}

export class TimeShareDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [TimeShareEntryDto], description: 'As lived: the plans with overrides and swaps.' }) parents: TimeShareEntryDto[];
  @ApiProperty({ type: 'integer' }) unscheduledDays: number;
  @ApiProperty({ type: TimeSharePartDto, description: 'As planned: the plans alone.' }) planned: TimeSharePartDto;
}

export class CalendarFeedDto {
  @ApiProperty({ description: "The caller's secret feed address (RFC 5545) for calendar apps; rotate to revoke it." }) url: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export function toPlanDto(row: SchedulePlanEntity, disputes: readonly SchedulePlanDisputeEntity[] = []): PlanDto {
  const spec = row.spec;
  return {
    id: row.id,
    proposedBy: row.proposedBy,
    pattern: spec.pattern,
    startDate: spec.startDate,
    exchangeTime: spec.exchangeTime,
    firstParentId: spec.firstParentId,
    secondParentId: spec.secondParentId,
    rotation: spec.rotation ?? null,
    weekendEndTime: spec.weekendEndTime ?? null,
    midweekVisit: spec.midweekVisit ?? null,
    place: spec.place,
    status: row.status,
    effectiveFrom: row.effectiveFrom.toISOString(),
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy,
    courtOrderAvailableAt: new Date(row.createdAt.getTime() + UNANSWERED_PLAN_DAYS * 86_400_000).toISOString(),
    courtOrder: row.orderReference !== null && row.orderDate !== null ? { reference: row.orderReference, date: row.orderDate } : null,
    disputes: disputes.filter((d) => d.planId === row.id).map((d) => ({ disputedBy: d.disputedBy, reason: d.reason, at: d.createdAt.toISOString() })),
  };
}

export function toOverrideDto(row: ScheduleOverrideEntity): OverrideDto {
  return {
    id: row.id,
    proposedBy: row.proposedBy,
    ...row.spec,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy,
  };
}

export function swapStatusAt(row: ScheduleSwapEntity, now: Date): SwapStatus {
  return row.status === 'pending' && row.expiresAt.getTime() <= now.getTime() ? 'expired' : row.status;
}

export function toSwapDto(row: ScheduleSwapEntity, now: Date): SwapDto {
  return {
    id: row.id,
    requestedBy: row.requestedBy,
    kind: row.kind,
    giveDates: row.giveDates,
    takeDates: row.takeDates,
    note: row.note,
    status: swapStatusAt(row, now),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy,
    reason: row.reason,
  };
}

export function toCheckInDto(row: ScheduleCheckInEntity): CheckInDto {
  return {
    id: row.id,
    exchangeId: row.exchangeId,
    exchangeAt: row.exchangeAt.toISOString(),
    recordedBy: row.recordedBy,
    status: row.status,
    lateMinutes: row.lateMinutes,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}
