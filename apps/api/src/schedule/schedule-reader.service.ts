import { Injectable } from '@nestjs/common';
import {
  expandSchedule,
  parseDate,
  rangeInstants,
  timeShare,
  type OverrideSpec,
  type ScheduleInputs,
  type ScheduleLayer,
  type ScheduleRange,
} from '@parallel/domain';
import { Clock } from '../common/clock';
import { Conflict, InvalidInput, NotFound } from '../common/errors';
import type { Tx } from '../database/transaction';
import { toCheckInDto, toOverrideDto, toPlanDto, toSwapDto, type ScheduleDto, type TimeShareDto } from './dto/schedule-responses.dto';
import type { ScheduleRangeQuery } from './dto/schedule-requests.dto';
import type { ScheduleOverrideEntity } from './entities/schedule-override.entity';
import type { SchedulePlanEntity } from './entities/schedule-plan.entity';
import type { ScheduleSwapEntity } from './entities/schedule-swap.entity';
import { ScheduleRepository } from './schedule.repository';

/** The longest range one schedule request expands (a screen shows a month; a year is plenty). */
export const SCHEDULE_RANGE_MAX_DAYS = 400;
/** The longest range of a time share: ten years and a bit, for a worksheet over a long order. */
export const TIME_SHARE_RANGE_MAX_DAYS = 3700;

export interface LoadedSchedule {
  inputs: ScheduleInputs;
  parents: [string, string];
  plansInForce: SchedulePlanEntity[];
  overrides: ScheduleOverrideEntity[];
  swaps: ScheduleSwapEntity[];
}

/** Reads the schedule: what the plans, overrides and swaps in force make of any range. */
@Injectable()
export class ScheduleReader {
  constructor(
    private readonly repository: ScheduleRepository,
    private readonly clock: Clock,
  ) {}

  /** Everything the schedule is computed from, for a case whose two parents have joined; in `tx` when a command decides on it. */
  async load(caseId: string, timeZone: string, tx?: Tx): Promise<LoadedSchedule | null> {
    const parents = await this.repository.parents(caseId, tx);
    if (!parents) return null;
    const [plansInForce, overrides, swaps] = await Promise.all([
      this.repository.plansInForce(caseId, tx),
      this.repository.listOverrides(caseId, tx),
      this.repository.listSwaps(caseId, tx),
    ]);
    const layers: ScheduleLayer[] = [
      ...overrides
        .filter((row) => row.status === 'accepted')
        .map((row): ScheduleLayer => ({ type: 'override', id: row.id, agreedAt: row.decidedAt?.getTime() ?? 0, spec: row.spec })),
      ...swaps
        .filter((row) => row.status === 'accepted')
        .map(
          (row): ScheduleLayer => ({
            type: 'swap',
            id: row.id,
            agreedAt: row.decidedAt?.getTime() ?? 0,
            spec: { kind: row.kind, requestedBy: row.requestedBy, otherParentId: otherOf(parents, row.requestedBy), giveDates: row.giveDates, takeDates: row.takeDates },
          }),
        ),
    ];
    return {
      parents,
      plansInForce,
      overrides,
      swaps,
      inputs: { timeZone, parents, plans: plansInForce.map((row) => ({ id: row.id, spec: row.spec, effectiveFrom: row.effectiveFrom.getTime() })), layers },
    };
  }

  async view(caseId: string, query: ScheduleRangeQuery): Promise<ScheduleDto> {
    checkRange(query, SCHEDULE_RANGE_MAX_DAYS);
    const found = await this.repository.findCase(caseId);
    if (!found) throw new NotFound('Case not found');
    const now = this.clock.now();
    const [loaded, pending, disputes] = await Promise.all([this.load(caseId, found.timeZone), this.repository.findPendingPlan(caseId), this.repository.disputes(caseId)]);
    const { from, to } = rangeInstants(found.timeZone, query.from, query.to);
    if (!loaded) {
      return { timeZone: found.timeZone, from: query.from, to: query.to, days: emptyDays(query), exchanges: [], intervals: [{ from: new Date(from).toISOString(), to: new Date(to).toISOString(), parentId: null, source: 'plan', sourceId: null }], overrides: [], swaps: [], plans: [], pendingPlan: pending ? toPlanDto(pending, disputes) : null };
    }
    const range: ScheduleRange = expandSchedule(loaded.inputs, query.from, query.to);
    const checkIns = await this.repository.checkInsBetween(caseId, new Date(from), new Date(to));
    const planIds = new Set(range.intervals.map((interval) => (interval.source === 'plan' ? interval.sourceId : null)));
    const touches = (spec: OverrideSpec) => spec.startDate <= query.to && (spec.endDate >= query.from || spec.alternateYears);
    return {
      timeZone: found.timeZone,
      from: query.from,
      to: query.to,
      days: range.days,
      exchanges: range.exchanges.map((exchange) => ({
        id: exchange.id,
        at: new Date(exchange.at).toISOString(),
        fromParentId: exchange.fromParentId,
        toParentId: exchange.toParentId,
        place: exchange.place,
        source: exchange.source,
        sourceId: exchange.sourceId,
        checkIns: checkIns.filter((checkIn) => checkIn.exchangeId === exchange.id).map(toCheckInDto),
      })),
      intervals: range.intervals.map((interval) => ({
        from: new Date(interval.from).toISOString(),
        to: new Date(interval.to).toISOString(),
        parentId: interval.parentId,
        source: interval.source,
        sourceId: interval.sourceId,
      })),
      overrides: loaded.overrides.filter((row) => (row.status === 'accepted' || row.status === 'pending') && touches(row.spec)).map(toOverrideDto),
      swaps: loaded.swaps
        .filter((row) => (row.status === 'accepted' || row.status === 'pending') && [...row.giveDates, ...row.takeDates].some((date) => date >= query.from && date <= query.to))
        .map((row) => toSwapDto(row, now)),
      plans: loaded.plansInForce.filter((row) => planIds.has(row.id)).map((row) => toPlanDto(row, disputes)),
      pendingPlan: pending ? toPlanDto(pending, disputes) : null,
    };
  }

  async timeShare(caseId: string, query: ScheduleRangeQuery): Promise<TimeShareDto> {
    checkRange(query, TIME_SHARE_RANGE_MAX_DAYS);
    const found = await this.repository.findCase(caseId);
    if (!found) throw new NotFound('Case not found');
    const loaded = await this.load(caseId, found.timeZone);
    if (!loaded) throw new Conflict('The time share needs both parents: the other parent has not joined the case yet.');
    const lived = timeShare(expandSchedule(loaded.inputs, query.from, query.to), loaded.parents);
    const planned = timeShare(expandSchedule(loaded.inputs, query.from, query.to, { planned: true }), loaded.parents);
    return { from: query.from, to: query.to, parents: lived.parents, unscheduledDays: lived.unscheduledDays, planned };
  }
}

export function otherOf(parents: readonly [string, string], userId: string): string {
  return parents[0] === userId ? parents[1] : parents[0];
}

/** Real dates, `to` not before `from`, and not longer than `maxDays`: else a 400 naming the field. */
export function checkRange(query: ScheduleRangeQuery, maxDays: number): void {
  const from = parseDate(query.from);
  const to = parseDate(query.to);
  const problems = [];
  if (from === null) problems.push({ field: 'from', rule: 'isDate', message: 'from must be a real calendar date written YYYY-MM-DD' });
  if (to === null) problems.push({ field: 'to', rule: 'isDate', message: 'to must be a real calendar date written YYYY-MM-DD' });
  if (from !== null && to !== null) {
    if (to < from) problems.push({ field: 'to', rule: 'notBeforeFrom', message: 'to must not be before from' });
    else if ((to - from) / 86_400_000 + 1 > maxDays) problems.push({ field: 'to', rule: 'maxRange', message: `a range covers at most ${maxDays} days` });
  }
  if (problems.length) throw new InvalidInput(problems);
}

function emptyDays(query: ScheduleRangeQuery): ScheduleDto['days'] {
  const days: ScheduleDto['days'] = [];
  const end = parseDate(query.to) ?? 0;
  for (let date = parseDate(query.from) ?? 0; date <= end; date += 86_400_000) days.push({ date: new Date(date).toISOString().slice(0, 10), parentId: null, source: 'plan', sourceId: null });
  return days;
}
