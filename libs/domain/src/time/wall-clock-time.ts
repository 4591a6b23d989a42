/**
 * A wall-clock time of day, written `HH:MM` on a 24-hour clock from `00:00` to `23:59`:
 * the one spelling of a time in the product's data (delivery windows, exchange times).
 * Exactly two digits each, so equal times are equal strings and strings sort in time
 * order; `24:00`, `7:00`, `07:00:00` and `7pm` are refused rather than guessed at.
 */
export const WALL_CLOCK_TIME_PATTERN = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

/** A parsed wall-clock time; `minutesIntoDay` counts from midnight (0 .. 1439). */
export interface WallClockTime {
  hour: number;
  minute: number;
  minutesIntoDay: number;
}

export function isWallClockTime(value: unknown): value is string {
  return typeof value === 'string' && WALL_CLOCK_TIME_PATTERN.test(value);
}

/** The hour and minute of an `HH:MM` time, or null when `value` is not one. */
export function parseWallClockTime(value: unknown): WallClockTime | null {
  if (typeof value !== 'string') return null;
  const match = WALL_CLOCK_TIME_PATTERN.exec(value);
  if (match === null) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return { hour, minute, minutesIntoDay: hour * 60 + minute };
}
