import type { IANAZone } from 'luxon';
import { DAY_MS, requireZone } from '../time';
import { addDays, dayStart, exchangeIdOf, formatDate, instantOf, parseDate } from './dates';
import { compilePlan, planTurnsBetween, type CompiledPlan } from './plan';
import type { CustodyDay, CustodyInterval, Exchange, OverrideSpec, PlanInForce, ScheduleLayer, TimeShareEntry } from './types';

/**
 * What the schedule is built from: the accepted plans in the order they were agreed (each
 * applies from its start on, replacing earlier ones from then, never before), and the
 * accepted overrides and swaps, applied over the plans in the order they were agreed.
 */
export interface ScheduleInputs {
  timeZone: string;
  /** The two parents, the case's creator first. */
  parents: readonly [string, string];
  plans: readonly PlanInForce[];
  layers: readonly ScheduleLayer[];
}

interface PlanSegment {
  plan: PlanInForce;
  compiled: CompiledPlan;
  from: number;
  to: number;
}

/** The stretch of time each plan governs: a plan agreed later takes over from its start. */
export function planSegments(plans: readonly PlanInForce[]): PlanSegment[] {
  let segments: PlanSegment[] = [];
  for (const plan of plans) {
    segments = segments.filter((segment) => segment.from < plan.effectiveFrom).map((segment) => ({ ...segment, to: Math.min(segment.to, plan.effectiveFrom) }));
    segments.push({ plan, compiled: compilePlan(plan.spec), from: plan.effectiveFrom, to: Number.POSITIVE_INFINITY });
  }
  return segments.sort((a, b) => a.from - b.from);
}

/** The plans' custody over `[from, to)`, with gaps (parentId null) where no plan applies. */
function plannedIntervals(zone: IANAZone, segments: readonly PlanSegment[], from: number, to: number): CustodyInterval[] {
  const out: CustodyInterval[] = [];
  let cursor = from;
  for (const segment of segments) {
    const start = Math.max(segment.from, from);
    const end = Math.min(segment.to, to);
    if (start >= end) continue;
    if (start > cursor) out.push({ from: cursor, to: start, parentId: null, source: 'plan', sourceId: null, place: '' });
    const turns = planTurnsBetween(zone, segment.compiled, start, end);
    turns.forEach(([at, parent], index) => {
      const pieceFrom = Math.max(at, start);
      const next = turns[index + 1];
      const pieceTo = next ? next[0] : end;
      if (pieceFrom < pieceTo) out.push({ from: pieceFrom, to: pieceTo, parentId: segment.compiled.parents[parent], source: 'plan', sourceId: segment.plan.id, place: segment.compiled.place });
    });
    cursor = end;
  }
  if (cursor < to) out.push({ from: cursor, to, parentId: null, source: 'plan', sourceId: null, place: '' });
  return out;
}

/**
 * Puts `[from, to)` with `parentId`, cutting what was there. `place` null keeps the place of
 * each piece covered (a swap moves days, not the place of exchange).
 */
function paint(intervals: CustodyInterval[], piece: Omit<CustodyInterval, 'place'> & { place: string | null }): CustodyInterval[] {
  if (piece.from >= piece.to) return intervals;
  // The intervals are sorted and touch end to end: find the ones the piece covers by bisection
  // and replace only those, so a thousand swaps over ten years stay cheap.
  let low = 0;
  let high = intervals.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((intervals[middle]?.to ?? 0) <= piece.from) low = middle + 1;
    else high = middle;
  }
  const first = low;
  let last = first;
  while (last < intervals.length && (intervals[last]?.from ?? 0) < piece.to) last += 1;
  const replaced: CustodyInterval[] = [];
  for (let index = first; index < last; index += 1) {
    const interval = intervals[index];
    if (!interval) continue;
    if (interval.from < piece.from) replaced.push({ ...interval, to: piece.from });
    replaced.push({ ...piece, from: Math.max(interval.from, piece.from), to: Math.min(interval.to, piece.to), place: piece.place ?? interval.place });
    if (interval.to > piece.to) replaced.push({ ...interval, from: piece.to });
  }
  intervals.splice(first, last - first, ...replaced);
  return intervals;
}

/** Each time an override applies: once, or every year for an alternating-years holiday. */
export function overrideOccurrences(
  zone: IANAZone,
  spec: OverrideSpec,
  parents: readonly [string, string],
  from: number,
  to: number,
): { from: number; to: number; parentId: string }[] {
  const start = parseDate(spec.startDate);
  const end = parseDate(spec.endDate);
  if (start === null || end === null) return [];
  const once = { from: instantOf(zone, start, spec.startTime), to: instantOf(zone, end, spec.endTime), parentId: spec.parentId };
  if (!spec.alternateYears) return once.from < to && once.to > from ? [once] : [];
  const other = spec.parentId === parents[0] ? parents[1] : parents[0];
  const startYear = new Date(start).getUTCFullYear();
  const spanYears = new Date(end).getUTCFullYear() - startYear;
  const firstYear = Math.max(startYear, new Date(from - 2 * DAY_MS).getUTCFullYear() - 1);
  const lastYear = new Date(to + 2 * DAY_MS).getUTCFullYear();
  const out: { from: number; to: number; parentId: string }[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    const yearStart = parseDate(`${year}${spec.startDate.slice(4)}`);
    const yearEnd = parseDate(`${year + spanYears}${spec.endDate.slice(4)}`);
    if (yearStart === null || yearEnd === null) continue;
    const occurrence = {
      from: instantOf(zone, yearStart, spec.startTime),
      to: instantOf(zone, yearEnd, spec.endTime),
      parentId: (year - startYear) % 2 === 0 ? spec.parentId : other,
    };
    if (occurrence.from < to && occurrence.to > from) out.push(occurrence);
  }
  return out;
}

/** The exchange time of the plan in force on `dateMs`, or null where no plan applies. */
function exchangeTimeOn(zone: IANAZone, segments: readonly PlanSegment[], dateMs: number): string | null {
  for (const segment of segments) {
    const at = instantOf(zone, dateMs, segment.compiled.exchangeTime);
    if (at >= segment.from && at < segment.to) return segment.compiled.exchangeTime;
  }
  return null;
}

/** A swapped custody day: from the exchange time of `date` to that of the next day. */
export function swapDaySpan(zone: IANAZone, segments: readonly PlanSegment[], dateMs: number): { from: number; to: number } | null {
  const time = exchangeTimeOn(zone, segments, dateMs);
  if (time === null) return null;
  const nextTime = exchangeTimeOn(zone, segments, addDays(dateMs, 1)) ?? time;
  return { from: instantOf(zone, dateMs, time), to: instantOf(zone, addDays(dateMs, 1), nextTime) };
}

function merge(intervals: CustodyInterval[]): CustodyInterval[] {
  const out: CustodyInterval[] = [];
  for (const interval of intervals) {
    const last = out[out.length - 1];
    if (last && last.to === interval.from && last.parentId === interval.parentId && last.source === interval.source && last.sourceId === interval.sourceId && last.place === interval.place) {
      out[out.length - 1] = { ...last, to: interval.to };
    } else out.push(interval);
  }
  return out;
}

/**
 * The exact custody intervals over `[from, to)` (instants, epoch ms): the plans, then each
 * override and swap in the order agreed. `planned` leaves out overrides and swaps.
 */
export function custodyIntervals(inputs: ScheduleInputs, from: number, to: number, options: { planned?: boolean } = {}): CustodyInterval[] {
  const zone = zoneFor(inputs.timeZone);
  const segments = planSegments(inputs.plans);
  let intervals = plannedIntervals(zone, segments, from, to);
  if (!options.planned) {
    const layers = [...inputs.layers].sort((a, b) => a.agreedAt - b.agreedAt);
    for (const layer of layers) {
      if (layer.type === 'override') {
        for (const occurrence of overrideOccurrences(zone, layer.spec, inputs.parents, from, to)) {
          intervals = paint(intervals, {
            from: Math.max(occurrence.from, from),
            to: Math.min(occurrence.to, to),
            parentId: occurrence.parentId,
            source: 'override',
            sourceId: layer.id,
            place: layer.spec.place || null,
          });
        }
      } else {
        const { requestedBy, otherParentId, giveDates, takeDates } = layer.spec;
        const days: [string, string][] = [...giveDates.map((date): [string, string] => [date, otherParentId]), ...takeDates.map((date): [string, string] => [date, requestedBy])];
        for (const [date, parentId] of days) {
          const dateMs = parseDate(date);
          const span = dateMs === null ? null : swapDaySpan(zone, segments, dateMs);
          if (!span || span.to <= from || span.from >= to) continue;
          intervals = paint(intervals, { from: Math.max(span.from, from), to: Math.min(span.to, to), parentId, source: 'swap', sourceId: layer.id, place: null });
        }
      }
    }
  }
  return merge(intervals);
}

const zones = new Map<string, IANAZone>();
/** One zone object per name: Luxon caches offsets per object. */
function zoneFor(timeZone: string): IANAZone {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = requireZone(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

/** The schedule over calendar dates `fromDate..toDate` (inclusive), in the case's zone. */
export interface ScheduleRange {
  days: CustodyDay[];
  exchanges: Exchange[];
  intervals: CustodyInterval[];
}

/** Instants of the first moment of `fromDate` and of the day after `toDate`. */
export function rangeInstants(timeZone: string, fromDate: string, toDate: string): { from: number; to: number } {
  const zone = zoneFor(timeZone);
  const start = parseDate(fromDate);
  const end = parseDate(toDate);
  if (start === null || end === null) throw new RangeError('rangeInstants needs real dates');
  return { from: dayStart(zone, start), to: dayStart(zone, addDays(end, 1)) };
}

/**
 * Days (who has each night: the holder at the day's last moment), exchanges (each change of
 * holder between two parents) and the exact intervals, for the dates `fromDate..toDate`.
 */
export function expandSchedule(inputs: ScheduleInputs, fromDate: string, toDate: string, options: { planned?: boolean } = {}): ScheduleRange {
  const zone = zoneFor(inputs.timeZone);
  const { from, to } = rangeInstants(inputs.timeZone, fromDate, toDate);
  // A margin either side, so that an exchange at the range's first instant is seen as one.
  const all = custodyIntervals(inputs, from - DAY_MS, to + DAY_MS, options);
  const days: CustodyDay[] = [];
  const startDate = parseDate(fromDate) ?? 0;
  const endDate = parseDate(toDate) ?? 0;
  let index = 0;
  for (let date = startDate; date <= endDate; date = addDays(date, 1)) {
    const lastMoment = dayStart(zone, addDays(date, 1)) - 1;
    while (index < all.length - 1 && (all[index]?.to ?? 0) <= lastMoment) index += 1;
    const interval = all[index];
    days.push({ date: formatDate(date), parentId: interval?.parentId ?? null, source: interval?.source ?? 'plan', sourceId: interval?.sourceId ?? null });
  }
  const exchanges: Exchange[] = [];
  for (let i = 1; i < all.length; i += 1) {
    const left = all[i - 1];
    const entered = all[i];
    if (!left || !entered || entered.from < from || entered.from >= to) continue;
    if (left.parentId === null || entered.parentId === null || left.parentId === entered.parentId) continue;
    const place = entered.source === 'override' && entered.place ? entered.place : left.source === 'override' && left.place ? left.place : entered.place || left.place;
    exchanges.push({
      id: exchangeIdOf(entered.from),
      at: entered.from,
      fromParentId: left.parentId,
      toParentId: entered.parentId,
      place,
      source: entered.source === 'plan' && left.source !== 'plan' ? left.source : entered.source,
      sourceId: entered.source === 'plan' && left.source !== 'plan' ? left.sourceId : entered.sourceId,
    });
  }
  const intervals = all
    .filter((interval) => interval.to > from && interval.from < to)
    .map((interval) => ({ ...interval, from: Math.max(interval.from, from), to: Math.min(interval.to, to) }));
  return { days, exchanges, intervals };
}

/**
 * Each parent's share of `fromDate..toDate`: nights (the figure child-support worksheets
 * use), hours, and the nights as a percentage (largest remainder in basis points, so the
 * two always sum to 100 when any night is scheduled).
 */
export function timeShare(range: ScheduleRange, parents: readonly [string, string]): { parents: TimeShareEntry[]; unscheduledDays: number } {
  const nights = new Map<string, number>(parents.map((id) => [id, 0]));
  const ms = new Map<string, number>(parents.map((id) => [id, 0]));
  let unscheduled = 0;
  for (const day of range.days) {
    if (day.parentId === null || !nights.has(day.parentId)) unscheduled += 1;
    else nights.set(day.parentId, (nights.get(day.parentId) ?? 0) + 1);
  }
  for (const interval of range.intervals) {
    if (interval.parentId !== null && ms.has(interval.parentId)) ms.set(interval.parentId, (ms.get(interval.parentId) ?? 0) + interval.to - interval.from);
  }
  const total = (nights.get(parents[0]) ?? 0) + (nights.get(parents[1]) ?? 0);
  const firstBp = total === 0 ? 0 : Math.round(((nights.get(parents[0]) ?? 0) * 10_000) / total);
  const bp = [firstBp, total === 0 ? 0 : 10_000 - firstBp];
  return {
    parents: parents.map((parentId, index) => ({
      parentId,
      overnights: nights.get(parentId) ?? 0,
      hours: Math.round(((ms.get(parentId) ?? 0) / 3_600_000) * 100) / 100,
      percent: (bp[index] ?? 0) / 100,
    })),
    unscheduledDays: unscheduled,
  };
}

/** The plan segments' helper for callers that check swap days (who holds a given day). */
export function dayHolders(inputs: ScheduleInputs, dates: readonly string[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  if (dates.length === 0) return out;
  const sorted = [...dates].sort();
  const range = expandSchedule(inputs, sorted[0] ?? '', sorted[sorted.length - 1] ?? '');
  const byDate = new Map(range.days.map((day) => [day.date, day.parentId]));
  for (const date of dates) out.set(date, byDate.get(date) ?? null);
  return out;
}
