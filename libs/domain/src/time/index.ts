export {
  WALL_CLOCK_TIME_PATTERN,
  isWallClockTime,
  parseWallClockTime,
  type WallClockTime,
} from './wall-clock-time';
export {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  isValidCaseTimeZone,
  isoWeekdayOf,
  localDateOf,
  requireInstant,
  requireZone,
  startOfLocalDate,
  wallTimeToInstant,
} from './zoned-time';
