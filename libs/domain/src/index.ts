// The one public face of @parallel/domain: the product's rules, pure and framework-free.
export * from './ledger';
export * from './access';
export * from './export';
export * from './cadence';
export {
  WALL_CLOCK_TIME_PATTERN,
  isValidCaseTimeZone,
  isWallClockTime,
  localDateOf,
  parseWallClockTime,
  type WallClockTime,
} from './time';
export * from './messages';
export * from './money';
export * from './proposals';
export * from './tone';
export * from './schedule';
