import type { Cadence, DeliveryWindow } from './terms';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  isoWeekdayOf,
  localDateOf,
  requireInstant,
  requireZone,
  parseWallClockTime,
  wallTimeToInstant,
} from '../time';

/** Kiritimati, UTC+14: no zone in use runs further ahead. */
const LARGEST_UTC_OFFSET_MS = 14 * HOUR_MS;
function minutesIntoDay(window: DeliveryWindow): number {
  const time = parseWallClockTime(window.time);
  if (time === null) throw new RangeError(`Delivery window time must be HH:MM, got "${window.time}"`);
  return time.minutesIntoDay;
}

/**
 * When a message sent at `sentAt` reaches the recipient: at once for `immediate`;
 * otherwise at the earliest window instant at or after `sentAt` (a message sent exactly
 * at a window goes out in that window). Windows are wall-clock times in `timeZone`:
 * a time that occurs twice when clocks fall back counts once, at its first occurrence;
 * a time skipped when clocks spring forward moves forward by the gap (02:30 on New
 * York's changeover day delivers at 03:30 EDT). Throws RangeError for an unknown zone,
 * an invalid date or a windows cadence without windows.
 */
export function nextDeliveryAt(cadence: Cadence, timeZone: string, sentAt: Date): Date {
  const zone = requireZone(timeZone);
  const sentMs = requireInstant(sentAt, 'sentAt');
  if (cadence.mode === 'immediate') return new Date(sentMs);
  if (cadence.windows.length === 0) throw new RangeError('A windows cadence needs at least one window');

  const windows = cadence.windows.map((window) => ({
    weekday: window.weekday,
    wallOffsetMs: minutesIntoDay(window) * MINUTE_MS,
  }));
  const sentDateMs = localDateOf(zone, sentMs);
  let earliest = Number.POSITIVE_INFINITY;
  // From the day before (a skipped late-evening time can move past midnight) to the
  // same weekday next week, which always has a window after `sentAt`.
  for (let dayOffset = -1; dayOffset <= 7; dayOffset++) {
    const dateMs = sentDateMs + dayOffset * DAY_MS;
    // No wall time on this day or later is earlier than its midnight at the largest offset.
    if (earliest <= dateMs - LARGEST_UTC_OFFSET_MS) break;
    const weekday = isoWeekdayOf(dateMs);
    for (const window of windows) {
      if (window.weekday !== weekday) continue;
      const instant = wallTimeToInstant(zone, dateMs + window.wallOffsetMs);
      if (instant >= sentMs && instant < earliest) earliest = instant;
    }
  }
  if (!Number.isFinite(earliest)) throw new RangeError('Delivery window weekdays must be 1 to 7');
  return new Date(earliest);
}
