export * from './types';
export { DATE_PATTERN, EXCHANGE_ID_PATTERN, exchangeIdOf, exchangeInstantOf, formatDate, isDate, parseDate, zoneOf } from './dates';
export { CUSTOM_ROTATION_MAX_STRETCHES, CUSTOM_STRETCH_MAX_DAYS, PATTERN_STRETCHES, checkPlanSpec, compilePlan, planEffectiveFrom, type CompiledPlan } from './plan';
export { custodyIntervals, dayHolders, expandSchedule, overrideOccurrences, rangeInstants, timeShare, type ScheduleInputs, type ScheduleRange } from './timeline';
export {
  CHECK_IN_CLOSES_AFTER_MS,
  CHECK_IN_LATE_MAX_MINUTES,
  CHECK_IN_NOTE_MAX,
  CHECK_IN_OPENS_BEFORE_MS,
  OVERRIDE_REASON_MAX,
  PLACE_MAX,
  SWAP_DATES_MAX,
  SWAP_HORIZON_DAYS,
  SWAP_REASON_MAX,
  UNANSWERED_PLAN_DAYS,
  checkCheckIn,
  checkOverrideSpec,
  checkSwapSpec,
  decideCourtOrderedApplication,
  overrideStartsAt,
  swapExpiresAt,
  type CheckInInput,
} from './rules';
