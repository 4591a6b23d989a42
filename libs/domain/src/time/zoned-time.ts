import { IANAZone } from 'luxon';

/**
 * Wall-clock arithmetic in a case's IANA zone. Calendar dates are carried as the
 * epoch milliseconds of their UTC midnight, so adding days never meets a DST change;
 * only the final step, wall time to instant, consults the zone.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Geographic areas of the IANA database; legacy names (EST5EDT, US/Eastern, Etc/GMT+5) fall outside. */
const GEOGRAPHIC_AREAS = new Set([
  'Africa',
  'America',
  'Antarctica',
  'Arctic',
  'Asia',
  'Atlantic',
  'Australia',
  'Europe',
  'Indian',
  'Pacific',
]);
const AREA_LOCATION_PATTERN = /^[A-Z][A-Za-z]*(\/[A-Z][A-Za-z0-9_+-]*)+$/;
const LONGEST_ACCEPTED_ZONE_NAME = 64;

/**
 * Whether `zone` may be a case's time zone: an IANA "Area/Location" name in a
 * geographic area (e.g. `Europe/London`, `Asia/Kolkata`), or `UTC`, that this runtime
 * knows. Rejected on purpose: empty or garbage input, fixed offsets (`+05:00`),
 * POSIX-style and legacy names (`EST5EDT`, `GMT`, `US/Eastern`), `Etc/GMT±N` (whose
 * sign is inverted and misleads), and wrong letter case (`america/new_york`), so the
 * stored name is the one a person recognises and every library resolves alike.
 */
export function isValidCaseTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > LONGEST_ACCEPTED_ZONE_NAME) {
    return false;
  }
  if (zone !== 'UTC') {
    if (!AREA_LOCATION_PATTERN.test(zone)) return false;
    const area = zone.slice(0, zone.indexOf('/'));
    if (!GEOGRAPHIC_AREAS.has(area)) return false;
  }
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  // Intl matches names case-insensitively; a name that differs from its resolution only
  // by case is a misspelling. (A link such as Asia/Kolkata may resolve to another name.)
  return !(resolved !== zone && resolved.toLowerCase() === zone.toLowerCase());
}

/** The zone for computations; any name the runtime resolves is accepted here. */
export function requireZone(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`Unknown time zone: "${timeZone}"`);
  return zone;
}

export function requireInstant(at: Date, name: string): number {
  const ms = at instanceof Date ? at.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

function offsetMs(zone: IANAZone, instantMs: number): number {
  return zone.offset(instantMs) * MINUTE_MS;
}

/** The calendar date (as its UTC-midnight milliseconds) that `instantMs` falls on in `zone`. */
export function localDateOf(zone: IANAZone, instantMs: number): number {
  const wallMs = instantMs + offsetMs(zone, instantMs);
  return Math.floor(wallMs / DAY_MS) * DAY_MS;
}

/** ISO weekday (Monday 1 .. Sunday 7) of a calendar date from `localDateOf`. */
export function isoWeekdayOf(dateMs: number): number {
  return ((new Date(dateMs).getUTCDay() + 6) % 7) + 1;
}

/**
 * The instant of a wall-clock time in `zone`. Twice-occurring times (fall-back) take
 * the first occurrence. Missing times (spring-forward gap) move forward by the gap's
 * length, as Luxon, Temporal ("compatible") and RFC 5545 do: 02:30 on the day New York
 * jumps from 02:00 to 03:00 becomes 03:30.
 */
export function wallTimeToInstant(zone: IANAZone, wallMs: number): number {
  // A day either side is wider than any offset (±14 h), and real transitions are
  // months apart, so these two samples bracket at most one change.
  const offsetBeforeMs = offsetMs(zone, wallMs - DAY_MS);
  const offsetAfterMs = offsetMs(zone, wallMs + DAY_MS);
  if (offsetBeforeMs === offsetAfterMs) return wallMs - offsetBeforeMs;
  const occurrences = [wallMs - offsetBeforeMs, wallMs - offsetAfterMs]
    .filter((instant) => offsetMs(zone, instant) === wallMs - instant)
    .sort((a, b) => a - b);
  return occurrences[0] ?? wallMs - offsetBeforeMs;
}

/**
 * The first instant of a calendar date in `zone`: its midnight, the first one when
 * midnight happens twice. Where clocks jump forward at midnight (Havana, Santiago) the
 * day begins at the jump, which is where the gap rule above moves midnight to.
 */
export function startOfLocalDate(zone: IANAZone, dateMs: number): number {
  return wallTimeToInstant(zone, dateMs);
}
