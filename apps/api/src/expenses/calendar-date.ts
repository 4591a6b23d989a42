import { DateTime } from 'luxon';
import { InvalidInput } from '../common/errors';

/**
 * Checks a YYYY-MM-DD day given for something that already happened: a real date (no 30
 * February), from 1970 on, and not after today in the case's zone (a parent in Auckland
 * may log today's expense while it is still yesterday in UTC).
 */
export function checkPastDay(field: string, value: string, timeZone: string, now: Date): void {
  const day = DateTime.fromISO(value, { zone: timeZone });
  if (!day.isValid || day.toISODate() !== value) {
    throw new InvalidInput([{ field, rule: 'isDate', message: `${field} must be a real date, YYYY-MM-DD` }]);
  }
  if (value < '1970-01-01') throw new InvalidInput([{ field, rule: 'min', message: `${field} must be in 1970 or later` }]);
  const today = DateTime.fromJSDate(now, { zone: timeZone }).toISODate();
  if (today !== null && value > today) {
    throw new InvalidInput([{ field, rule: 'notFuture', message: `${field} must not be after today (${today} in the case's time zone)` }]);
  }
}

/** Checks an optional range of days: each a real date, `from` not after `to`. */
export function checkRange(range: { from?: string; to?: string }): void {
  for (const field of ['from', 'to'] as const) {
    const value = range[field];
    if (value !== undefined && DateTime.fromISO(value, { zone: 'utc' }).toISODate() !== value) {
      throw new InvalidInput([{ field, rule: 'isDate', message: `${field} must be a real date, YYYY-MM-DD` }]);
    }
  }
  if (range.from !== undefined && range.to !== undefined && range.from > range.to) {
    throw new InvalidInput([{ field: 'to', rule: 'afterFrom', message: 'to must not be before from' }]);
  }
}
