/**
 * The schedule's vocabulary: who has the children when. Calendar dates are `YYYY-MM-DD`
 * and times of day `HH:MM`, both wall-clock in the case's zone; instants are ISO 8601 UTC.
 */

export const PLAN_PATTERNS = ['alternating-weeks', '2-2-3', '2-2-5-5', '3-4-4-3', '5-2-2-5', 'every-other-weekend', 'custom'] as const;
export type PlanPattern = (typeof PLAN_PATTERNS)[number];

/** The other parent's optional weekly visit in an every-other-weekend plan (e.g. Wednesday 16:00 to 19:00). */
export interface MidweekVisit {
  /** ISO weekday, Monday 1 .. Sunday 7 (a weekday of the main parent's stretch: Monday .. Thursday). */
  weekday: number;
  from: string;
  to: string;
}

/**
 * A parenting plan: a pattern anchored at a start date and an exchange time.
 *
 * - Day-count patterns (alternating weeks, 2-2-3, 2-2-5-5, 3-4-4-3, 5-2-2-5, custom):
 *   `firstParentId` has the children from `startDate` at `exchangeTime` for the first
 *   stretch; the parents alternate at each stretch's end, at `exchangeTime`.
 * - `every-other-weekend`: `firstParentId` has the children every other weekend (from
 *   Friday at `exchangeTime` to Sunday at `weekendEndTime`), starting with the weekend of
 *   the ISO week of `startDate`, and at the midweek visit if one is given; the other parent
 *   the rest of the time.
 */
export interface PlanSpec {
  pattern: PlanPattern;
  startDate: string;
  exchangeTime: string;
  firstParentId: string;
  secondParentId: string;
  /** Custom pattern only: the lengths in days of the stretches, alternating parents, first parent first. */
  rotation?: number[];
  /** Every other weekend only: when the weekend ends on Sunday (default: `exchangeTime`). */
  weekendEndTime?: string;
  /** Every other weekend only. */
  midweekVisit?: MidweekVisit | null;
  /** Where exchanges happen, in a few words ("School gate", "Library car park"); may be empty. */
  place: string;
}

export const OVERRIDE_KINDS = ['holiday', 'vacation', 'court-order', 'other'] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];

/**
 * A block that takes precedence over the plan: `parentId` has the children from
 * `startDate startTime` to `endDate endTime` (exclusive). With `alternateYears`, it repeats
 * every year on the same dates from the start year on: `parentId` has it in years of the
 * same parity as the start year, the other parent in the others.
 */
export interface OverrideSpec {
  kind: OverrideKind;
  reason: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  parentId: string;
  alternateYears: boolean;
  place: string;
}

export const SWAP_KINDS = ['give', 'trade'] as const;
export type SwapKind = (typeof SWAP_KINDS)[number];

/**
 * A request to change specific days. `giveDates`: days (custody days, from the exchange time
 * of that date to the next day's) the requester has and hands to the other parent;
 * `takeDates` (trade only): the other parent's days the requester takes in return.
 */
export interface SwapSpec {
  kind: SwapKind;
  requestedBy: string;
  otherParentId: string;
  giveDates: string[];
  takeDates: string[];
}

export const CHECK_IN_STATUSES = ['on_time', 'late', 'missed'] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

/** Where an interval's holder comes from: the plan, an override, or an accepted swap. */
export type CustodySource = 'plan' | 'override' | 'swap';

/** A stretch of time with one parent: `[from, to)` instants in epoch milliseconds. */
export interface CustodyInterval {
  from: number;
  to: number;
  /** Null where no plan applies (before the first plan). */
  parentId: string | null;
  source: CustodySource;
  /** The plan, override or swap that put the children with `parentId` here. */
  sourceId: string | null;
  /** The exchange place in force for this stretch. */
  place: string;
}

/** An accepted plan and the instant it applies from. */
export interface PlanInForce {
  id: string;
  spec: PlanSpec;
  /** `startDate` at `exchangeTime` in the case's zone, epoch ms. */
  effectiveFrom: number;
}

/** An accepted override or swap, applied over the plan in the order they were agreed (the later agreement wins). */
export type ScheduleLayer =
  | { type: 'override'; id: string; agreedAt: number; spec: OverrideSpec }
  | { type: 'swap'; id: string; agreedAt: number; spec: SwapSpec };

/** A custody day: the date and who has the children for its night (at the day's last moment). */
export interface CustodyDay {
  date: string;
  parentId: string | null;
  source: CustodySource;
  sourceId: string | null;
}

/** A change of custody: `fromParentId` hands the children to `toParentId` at `at`. */
export interface Exchange {
  /** Stable while the schedule keeps an exchange at that instant: `YYYYMMDDTHHMMZ` of `at` in UTC. */
  id: string;
  at: number;
  fromParentId: string;
  toParentId: string;
  place: string;
  source: CustodySource;
  sourceId: string | null;
}

export interface TimeShareEntry {
  parentId: string;
  overnights: number;
  /** Hours with the children, to two decimals (a DST day has 23 or 25). */
  hours: number;
  /** Share of the overnights, in percent with two decimals; the parents' shares sum to 100 (when any night is scheduled). */
  percent: number;
}

/** A problem with input, naming the field and the rule, as the API reports it. */
export interface ScheduleProblem {
  field: string;
  rule: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: ScheduleProblem[] };
