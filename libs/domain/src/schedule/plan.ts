import type { IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS, isoWeekdayOf, parseWallClockTime } from '../time';
import { addDays, instantOf, parseDate } from './dates';
import { tableWallTimeToInstant } from './zone-offsets';
import { PLAN_PATTERNS, type Checked, type PlanSpec, type ScheduleProblem } from './types';

/** The stretches of each day-count pattern, in days, alternating parents from the first. */
export const PATTERN_STRETCHES: Readonly<Record<Exclude<PlanSpec['pattern'], 'custom' | 'every-other-weekend'>, readonly number[]>> = {
  'alternating-weeks': [7, 7],
  // 2-2-3 over two weeks: Mon-Tue A, Wed-Thu B, Fri-Sun A, then the mirror week.
  '2-2-3': [2, 2, 3, 2, 2, 3],
  '2-2-5-5': [2, 2, 5, 5],
  '3-4-4-3': [3, 4, 4, 3],
  '5-2-2-5': [5, 2, 2, 5],
};

export const CUSTOM_ROTATION_MAX_STRETCHES = 28;
export const CUSTOM_STRETCH_MAX_DAYS = 365;

/** A handover inside a plan's cycle: at `offsetMinutes` wall-clock minutes after the anchor date's midnight, the children go to `parent`. */
interface Turn {
  offsetMinutes: number;
  parent: 0 | 1;
}

/** A plan reduced to a repeating cycle of turns from an anchor date. */
export interface CompiledPlan {
  anchorDateMs: number;
  cycleDays: number;
  turns: readonly Turn[];
  parents: readonly [string, string];
  place: string;
  exchangeTime: string;
}

export function compilePlan(spec: PlanSpec): CompiledPlan {
  const start = parseDate(spec.startDate);
  const exchange = parseWallClockTime(spec.exchangeTime);
  if (start === null || exchange === null) throw new RangeError('compilePlan needs a checked plan');
  const parents = [spec.firstParentId, spec.secondParentId] as const;
  if (spec.pattern === 'every-other-weekend') {
    // The cycle starts on the Monday of the start date's ISO week; the weekend parent's weekend is in its first week.
    const anchor = addDays(start, -(isoWeekdayOf(start) - 1));
    const weekendEnd = parseWallClockTime(spec.weekendEndTime ?? spec.exchangeTime) ?? exchange;
    const turns: Turn[] = [
      { offsetMinutes: 4 * 1440 + exchange.minutesIntoDay, parent: 0 },
      { offsetMinutes: 6 * 1440 + weekendEnd.minutesIntoDay, parent: 1 },
    ];
    const visit = spec.midweekVisit;
    if (visit) {
      const from = parseWallClockTime(visit.from)?.minutesIntoDay ?? 0;
      const to = parseWallClockTime(visit.to)?.minutesIntoDay ?? 0;
      for (const week of [0, 7]) {
        const day = week + visit.weekday - 1;
        turns.push({ offsetMinutes: day * 1440 + from, parent: 0 }, { offsetMinutes: day * 1440 + to, parent: 1 });
      }
    }
    turns.sort((a, b) => a.offsetMinutes - b.offsetMinutes);
    return { anchorDateMs: anchor, cycleDays: 14, turns, parents, place: spec.place, exchangeTime: spec.exchangeTime };
  }
  let stretches = spec.pattern === 'custom' ? (spec.rotation ?? []) : PATTERN_STRETCHES[spec.pattern];
  // An odd number of stretches would give the same parent two in a row at the wrap: run it twice, alternating on.
  if (stretches.length % 2 === 1) stretches = [...stretches, ...stretches];
  const turns: Turn[] = [];
  let day = 0;
  stretches.forEach((length, index) => {
    turns.push({ offsetMinutes: day * 1440 + exchange.minutesIntoDay, parent: index % 2 === 0 ? 0 : 1 });
    day += length;
  });
  return { anchorDateMs: start, cycleDays: day, turns, parents, place: spec.place, exchangeTime: spec.exchangeTime };
}

/** The instant a plan applies from: its start date at its exchange time. */
export function planEffectiveFrom(zone: IANAZone, spec: Pick<PlanSpec, 'startDate' | 'exchangeTime'>): number {
  const start = parseDate(spec.startDate);
  if (start === null) throw new RangeError(`Not a date: ${spec.startDate}`);
  return instantOf(zone, start, spec.exchangeTime);
}

/**
 * The handovers of a compiled plan whose instants fall in `[from, to)`, plus the last one
 * before `from` (who holds the children as the range begins). Each as `[instant, parent index]`.
 */
export function planTurnsBetween(zone: IANAZone, plan: CompiledPlan, from: number, to: number): [number, 0 | 1][] {
  const cycleMs = plan.cycleDays * DAY_MS;
  // Wall time and instants differ by at most a day either way: start a cycle early, end one late.
  const firstCycle = Math.floor((from - DAY_MS - plan.anchorDateMs) / cycleMs) - 1;
  const lastCycle = Math.floor((to + DAY_MS - plan.anchorDateMs) / cycleMs) + 1;
  const out: [number, 0 | 1][] = [];
  let before: [number, 0 | 1] | null = null;
  for (let cycle = firstCycle; cycle <= lastCycle; cycle += 1) {
    const base = plan.anchorDateMs + cycle * cycleMs;
    for (const turn of plan.turns) {
      const at = tableWallTimeToInstant(zone, base + turn.offsetMinutes * MINUTE_MS);
      if (at < from) before = [at, turn.parent];
      else if (at < to) out.push([at, turn.parent]);
    }
  }
  if (before) out.unshift(before);
  return out;
}

/**
 * The plan's own rules, beyond the shape the API checks: real dates and times, the pattern's
 * options, parents of the case, and a start in the future (the past never changes).
 */
export function checkPlanSpec(spec: PlanSpec, context: { parents: readonly string[]; zone: IANAZone; now: number }): Checked<PlanSpec> {
  const problems: ScheduleProblem[] = [];
  const problem = (field: string, rule: string, message: string) => problems.push({ field, rule, message });
  if (!(PLAN_PATTERNS as readonly string[]).includes(spec.pattern)) problem('pattern', 'isIn', `pattern must be one of ${PLAN_PATTERNS.join(', ')}`);
  const start = parseDate(spec.startDate);
  if (start === null) problem('startDate', 'isDate', 'startDate must be a real calendar date written YYYY-MM-DD');
  const exchange = parseWallClockTime(spec.exchangeTime);
  if (!exchange) problem('exchangeTime', 'isTime', 'exchangeTime must be a time written HH:MM (00:00 to 23:59)');
  if (!context.parents.includes(spec.firstParentId)) problem('firstParentId', 'isParent', 'firstParentId must be one of the two parents of the case');
  if (spec.firstParentId === spec.secondParentId) problem('firstParentId', 'isParent', 'the plan needs both parents of the case');
  if (spec.pattern === 'custom') {
    const rotation = spec.rotation;
    if (!rotation || rotation.length < 2) problem('rotation', 'minItems', 'a custom pattern needs a rotation of at least 2 stretches (days with each parent)');
    else if (rotation.length > CUSTOM_ROTATION_MAX_STRETCHES) problem('rotation', 'maxItems', `a rotation has at most ${CUSTOM_ROTATION_MAX_STRETCHES} stretches`);
    else
      rotation.forEach((days, index) => {
        if (!Number.isInteger(days) || days < 1 || days > CUSTOM_STRETCH_MAX_DAYS) problem(`rotation[${index}]`, 'range', `each stretch is a whole number of days from 1 to ${CUSTOM_STRETCH_MAX_DAYS}`);
      });
  } else if (spec.rotation !== undefined) {
    problem('rotation', 'onlyCustom', 'rotation is given only with the custom pattern');
  }
  if (spec.pattern !== 'every-other-weekend') {
    if (spec.midweekVisit) problem('midweekVisit', 'onlyEveryOtherWeekend', 'a midweek visit is part of the every-other-weekend pattern only');
    if (spec.weekendEndTime !== undefined) problem('weekendEndTime', 'onlyEveryOtherWeekend', 'weekendEndTime is part of the every-other-weekend pattern only');
  } else {
    if (spec.weekendEndTime !== undefined && !parseWallClockTime(spec.weekendEndTime)) problem('weekendEndTime', 'isTime', 'weekendEndTime must be a time written HH:MM');
    const visit = spec.midweekVisit;
    if (visit) {
      if (!Number.isInteger(visit.weekday) || visit.weekday < 1 || visit.weekday > 4) problem('midweekVisit.weekday', 'range', 'the midweek visit is on a weekday from Monday (1) to Thursday (4)');
      const from = parseWallClockTime(visit.from);
      const to = parseWallClockTime(visit.to);
      if (!from) problem('midweekVisit.from', 'isTime', 'midweekVisit.from must be a time written HH:MM');
      if (!to) problem('midweekVisit.to', 'isTime', 'midweekVisit.to must be a time written HH:MM');
      if (from && to && to.minutesIntoDay <= from.minutesIntoDay) problem('midweekVisit.to', 'afterFrom', 'the midweek visit must end after it begins, on the same day');
    }
  }
  if (start !== null && exchange && problems.length === 0) {
    const effectiveFrom = instantOf(context.zone, start, spec.exchangeTime);
    if (effectiveFrom <= context.now) problem('startDate', 'future', 'a plan applies from a date in the future: the past never changes');
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: spec };
}
