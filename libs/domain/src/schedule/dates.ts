import { DAY_MS, MINUTE_MS, parseWallClockTime, requireZone } from '../time';
import { tableWallTimeToInstant } from './zone-offsets';
import type { IANAZone } from 'luxon';

/** `YYYY-MM-DD`, exactly: the one spelling of a calendar date in the schedule's data. */
export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date as the epoch milliseconds of its UTC midnight, or null when `value` is not
 * a real date (`2026-02-30`, `2026-13-01`, `2025-02-29` are refused, not rolled over).
 */
export function parseDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms;
}

export function isDate(value: unknown): value is string {
  return parseDate(value) !== null;
}

/** The `YYYY-MM-DD` of a UTC-midnight date. */
export function formatDate(dateMs: number): string {
  return new Date(dateMs).toISOString().slice(0, 10);
}

export function addDays(dateMs: number, days: number): number {
  return dateMs + days * DAY_MS;
}

/** The instant of `date` at `time` (wall clock) in `zone`; times in a DST gap move forward by the gap. */
export function instantOf(zone: IANAZone, dateMs: number, time: string): number {
  let minutes = MINUTES_OF.get(time);
  if (minutes === undefined) {
    const parsed = parseWallClockTime(time);
    if (!parsed) throw new RangeError(`Not a wall-clock time: "${time}"`);
    minutes = parsed.minutesIntoDay;
    MINUTES_OF.set(time, minutes);
  }
  return tableWallTimeToInstant(zone, dateMs + minutes * MINUTE_MS);
}
/** `HH:MM` to minutes, read once per distinct time (there are at most 1440). */
const MINUTES_OF = new Map<string, number>();

/** The first instant of `date` in `zone`. */
export function dayStart(zone: IANAZone, dateMs: number): number {
  return tableWallTimeToInstant(zone, dateMs);
}

export function zoneOf(timeZone: string): IANAZone {
  return requireZone(timeZone);
}

/** `YYYYMMDDTHHMMZ` of an instant in UTC: an exchange's stable id. */
export function exchangeIdOf(instantMs: number): string {
  const iso = new Date(instantMs).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}

export const EXCHANGE_ID_PATTERN = /^\d{8}T\d{4}Z$/;

/** The instant an exchange id names, or null. */
export function exchangeInstantOf(id: string): number | null {
  if (!EXCHANGE_ID_PATTERN.test(id)) return null;
  const date = parseDate(`${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}`);
  const hour = Number(id.slice(9, 11));
  const minute = Number(id.slice(11, 13));
  if (date === null || hour > 23 || minute > 59) return null;
  return date + hour * 3_600_000 + minute * MINUTE_MS;
}
