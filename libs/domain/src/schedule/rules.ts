import type { IANAZone } from 'luxon';
import { DAY_MS, localDateOf, parseWallClockTime } from '../time';
import { dayStart, instantOf, parseDate } from './dates';
import { overrideOccurrences } from './timeline';
import { CHECK_IN_STATUSES, OVERRIDE_KINDS, type CheckInStatus, type Checked, type OverrideSpec, type ScheduleProblem, type SwapSpec } from './types';

/** A proposal left unanswered this long may be applied by its proposer as court-ordered. */
export const UNANSWERED_PLAN_DAYS = 14;
export const OVERRIDE_REASON_MAX = 200;
export const PLACE_MAX = 120;
export const CHECK_IN_NOTE_MAX = 280;
export const CHECK_IN_LATE_MAX_MINUTES = 1440;
export const SWAP_DATES_MAX = 31;
export const SWAP_REASON_MAX = 280;
/** How far ahead a swap may reach: a year is enough for any holiday arranged in advance. */
export const SWAP_HORIZON_DAYS = 366;
/** A check-in may be recorded from a little before its exchange until a week after it. */
export const CHECK_IN_OPENS_BEFORE_MS = 60 * 60_000;
export const CHECK_IN_CLOSES_AFTER_MS = 7 * DAY_MS;

type Problems = ScheduleProblem[];

/**
 * An override's own rules: real dates and times, an end after the start, a parent of the
 * case, a start in the future (the past never changes), and no overlap with another
 * override (each occurrence of a yearly one counts) — which would leave precedence unclear.
 */
export function checkOverrideSpec(
  spec: OverrideSpec,
  context: { parents: readonly [string, string]; zone: IANAZone; now: number; existing: readonly { id: string; spec: OverrideSpec }[] },
): Checked<OverrideSpec> & { overlapsWith?: string } {
  const problems: Problems = [];
  const problem = (field: string, rule: string, message: string) => problems.push({ field, rule, message });
  if (!(OVERRIDE_KINDS as readonly string[]).includes(spec.kind)) problem('kind', 'isIn', `kind must be one of ${OVERRIDE_KINDS.join(', ')}`);
  if (spec.reason.trim().length === 0) problem('reason', 'required', 'reason must say why, in a few words');
  if (spec.reason.length > OVERRIDE_REASON_MAX) problem('reason', 'maxLength', `reason has at most ${OVERRIDE_REASON_MAX} characters`);
  if (spec.place.length > PLACE_MAX) problem('place', 'maxLength', `place has at most ${PLACE_MAX} characters`);
  if (!context.parents.includes(spec.parentId)) problem('parentId', 'isParent', 'parentId must be one of the two parents of the case');
  const start = parseDate(spec.startDate);
  const end = parseDate(spec.endDate);
  if (start === null) problem('startDate', 'isDate', 'startDate must be a real calendar date written YYYY-MM-DD');
  if (end === null) problem('endDate', 'isDate', 'endDate must be a real calendar date written YYYY-MM-DD');
  if (!parseWallClockTime(spec.startTime)) problem('startTime', 'isTime', 'startTime must be a time written HH:MM');
  if (!parseWallClockTime(spec.endTime)) problem('endTime', 'isTime', 'endTime must be a time written HH:MM');
  if (problems.length) return { ok: false, problems };
  const from = instantOf(context.zone, start ?? 0, spec.startTime);
  const to = instantOf(context.zone, end ?? 0, spec.endTime);
  if (to <= from) problem('endDate', 'afterStart', 'the override must end after it starts');
  else if (from <= context.now) problem('startDate', 'future', 'an override starts in the future: the past never changes');
  if (spec.alternateYears) {
    if (spec.startDate.slice(5) === '02-29' || spec.endDate.slice(5) === '02-29') problem('startDate', 'notLeapDay', 'a holiday that repeats every year cannot start or end on 29 February');
    if (to - from >= 365 * DAY_MS) problem('endDate', 'withinAYear', 'a holiday that repeats every year lasts less than a year');
  }
  if (problems.length) return { ok: false, problems };
  // Compare every occurrence over the coming decades: enough for any child to grow up.
  const horizonTo = from + 40 * 366 * DAY_MS;
  const mine = overrideOccurrences(context.zone, spec, context.parents, from, horizonTo);
  for (const other of context.existing) {
    const theirs = overrideOccurrences(context.zone, other.spec, context.parents, from, horizonTo);
    if (mine.some((a) => theirs.some((b) => a.from < b.to && b.from < a.to))) {
      return {
        ok: false,
        problems: [{ field: 'startDate', rule: 'noOverlap', message: 'this override overlaps another one; change or end that one first, so it is always clear which applies' }],
        overlapsWith: other.id,
      };
    }
  }
  return { ok: true, value: spec };
}

/**
 * A swap's own rules: real, distinct dates, all after today (a request expires at the start
 * of its first day, and the past never changes), within a year, each given day the
 * requester's and each taken day the other parent's in the calendar as it stands.
 */
export function checkSwapSpec(
  spec: SwapSpec,
  context: { zone: IANAZone; now: number; holderOf: (dates: string[]) => Map<string, string | null> },
): Checked<SwapSpec> {
  const problems: Problems = [];
  const problem = (field: string, rule: string, message: string) => problems.push({ field, rule, message });
  if (spec.kind === 'give' && spec.takeDates.length > 0) problem('takeDates', 'onlyTrade', 'a give request takes no days in return; use kind trade');
  if (spec.kind === 'trade' && spec.takeDates.length === 0) problem('takeDates', 'minItems', 'a trade names the days taken in return');
  if (spec.giveDates.length === 0) problem('giveDates', 'minItems', 'name at least one day');
  if (spec.giveDates.length + spec.takeDates.length > SWAP_DATES_MAX) problem('giveDates', 'maxItems', `a request names at most ${SWAP_DATES_MAX} days`);
  const all = [...spec.giveDates.map((date, i) => ['giveDates', i, date] as const), ...spec.takeDates.map((date, i) => ['takeDates', i, date] as const)];
  const seen = new Set<string>();
  const today = localDateOf(context.zone, context.now);
  for (const [field, index, date] of all) {
    const ms = parseDate(date);
    if (ms === null) problem(`${field}[${index}]`, 'isDate', `${field}[${index}] must be a real calendar date written YYYY-MM-DD`);
    else if (ms <= today) problem(`${field}[${index}]`, 'future', 'days of a swap must be after today: the past never changes');
    else if (ms > today + SWAP_HORIZON_DAYS * DAY_MS) problem(`${field}[${index}]`, 'withinAYear', 'days of a swap are within the coming year');
    if (seen.has(date)) problem(`${field}[${index}]`, 'unique', 'each day is named once');
    seen.add(date);
  }
  if (problems.length) return { ok: false, problems };
  const holders = context.holderOf(all.map(([, , date]) => date));
  for (const [field, index, date] of all) {
    const expected = field === 'giveDates' ? spec.requestedBy : spec.otherParentId;
    if (holders.get(date) !== expected) {
      problem(
        `${field}[${index}]`,
        field === 'giveDates' ? 'yourDay' : 'theirDay',
        field === 'giveDates' ? `${date} is not one of your days in the schedule` : `${date} is not one of the other parent's days in the schedule`,
      );
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: spec };
}


/** A swap request expires at the start of the first day it concerns. */
export function swapExpiresAt(zone: IANAZone, spec: Pick<SwapSpec, 'giveDates' | 'takeDates'>): number {
  const first = [...spec.giveDates, ...spec.takeDates].sort()[0];
  const ms = first === undefined ? null : parseDate(first);
  if (ms === null) throw new RangeError('swapExpiresAt needs a checked swap');
  return dayStart(zone, ms);
}

/** Whether a proposal that waits for an answer may be applied by its proposer as court-ordered, and from when. */
export function decideCourtOrderedApplication(
  plan: { status: string; proposedBy: string; createdAt: number },
  actorId: string,
  now: number,
): { ok: true } | { ok: false; reason: 'not_pending' | 'not_proposer' | 'too_soon'; availableAt?: number } {
  if (plan.status !== 'pending') return { ok: false, reason: 'not_pending' };
  // Only the proposer: it is their court order, and the other parent can simply answer.
  if (plan.proposedBy !== actorId) return { ok: false, reason: 'not_proposer' };
  const availableAt = plan.createdAt + UNANSWERED_PLAN_DAYS * DAY_MS;
  if (now < availableAt) return { ok: false, reason: 'too_soon', availableAt };
  return { ok: true };
}

export interface CheckInInput {
  status: CheckInStatus;
  lateMinutes: number | null;
  note: string | null;
}

/** A check-in: on time, late by N minutes, or missed, with a short factual note; within its window around the exchange. */
export function checkCheckIn(input: CheckInInput, context: { exchangeAt: number; now: number }): Checked<CheckInInput> {
  const problems: Problems = [];
  const problem = (field: string, rule: string, message: string) => problems.push({ field, rule, message });
  if (!(CHECK_IN_STATUSES as readonly string[]).includes(input.status)) problem('status', 'isIn', `status must be one of ${CHECK_IN_STATUSES.join(', ')}`);
  if (input.status === 'late') {
    if (input.lateMinutes === null) problem('lateMinutes', 'required', 'say how many minutes late');
    else if (!Number.isInteger(input.lateMinutes) || input.lateMinutes < 1 || input.lateMinutes > CHECK_IN_LATE_MAX_MINUTES)
      problem('lateMinutes', 'range', `lateMinutes is a whole number from 1 to ${CHECK_IN_LATE_MAX_MINUTES}`);
  } else if (input.lateMinutes !== null) problem('lateMinutes', 'onlyLate', 'lateMinutes is given only with status late');
  if (input.note !== null && input.note.length > CHECK_IN_NOTE_MAX) problem('note', 'maxLength', `note has at most ${CHECK_IN_NOTE_MAX} characters`);
  if (context.now < context.exchangeAt - CHECK_IN_OPENS_BEFORE_MS) problem('exchangeId', 'notYet', 'a check-in is recorded from an hour before the exchange');
  else if (context.now > context.exchangeAt + CHECK_IN_CLOSES_AFTER_MS) problem('exchangeId', 'tooLate', 'a check-in is recorded within a week of the exchange');
  return problems.length ? { ok: false, problems } : { ok: true, value: input };
}

/** The instant an override (its first occurrence) begins. */
export function overrideStartsAt(zone: IANAZone, spec: Pick<OverrideSpec, 'startDate' | 'startTime'>): number {
  const date = parseDate(spec.startDate);
  if (date === null) throw new RangeError(`Not a date: ${spec.startDate}`);
  return instantOf(zone, date, spec.startTime);
}
