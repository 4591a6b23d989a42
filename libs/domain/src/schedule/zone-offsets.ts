import type { IANAZone } from 'luxon';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time';

/**
 * A zone's UTC offsets as a table of transitions, one calendar year (UTC) at a time, built
 * once per zone and year and kept for the life of the process. Expanding ten years of
 * schedule asks for tens of thousands of offsets; Luxon answers each through
 * `Intl.DateTimeFormat`, which is slow. The table asks Luxon every 12 hours of the year and
 * finds each change to the millisecond by bisection, then answers by binary search. (It would
 * miss two changes less than 12 hours apart that cancel out; no zone has had such a pair.)
 * `wallTimeToInstant`'s rules are unchanged: the spec compares both across zones and edges.
 */
interface YearTable {
  starts: number[];
  offsets: number[];
}

const SAMPLE_MS = 12 * HOUR_MS;
const tables = new Map<string, Map<number, YearTable>>();

function buildYear(zone: IANAZone, year: number): YearTable {
  const offsetAt = (ms: number) => zone.offset(ms) * MINUTE_MS;
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const starts = [from];
  const offsets = [offsetAt(from)];
  let previousAt = from;
  let previousOffset = offsets[0] ?? 0;
  while (previousAt < to) {
    const at = Math.min(previousAt + SAMPLE_MS, to);
    const offset = offsetAt(at);
    if (offset !== previousOffset) {
      let low = previousAt;
      let high = at;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetAt(middle) === previousOffset) low = middle;
        else high = middle;
      }
      // A change exactly at the year's end starts the next year's table.
      if (high < to) {
        starts.push(high);
        offsets.push(offset);
      }
      previousOffset = offset;
    }
    previousAt = at;
  }
  return { starts, offsets };
}

/** The zone's offset from UTC at `instantMs`, in milliseconds. */
export function offsetMsAt(zone: IANAZone, instantMs: number): number {
  const year = new Date(instantMs).getUTCFullYear();
  let byYear = tables.get(zone.name);
  if (!byYear) {
    byYear = new Map();
    tables.set(zone.name, byYear);
  }
  let table = byYear.get(year);
  if (!table) {
    table = buildYear(zone, year);
    byYear.set(year, table);
  }
  const { starts, offsets } = table;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= instantMs) low = middle;
    else high = middle - 1;
  }
  return offsets[low] ?? 0;
}

/** `wallTimeToInstant` of time/zoned-time.ts, on the table: the first of a repeated time, a missing one moved forward by the gap. */
export function tableWallTimeToInstant(zone: IANAZone, wallMs: number): number {
  const offsetBefore = offsetMsAt(zone, wallMs - DAY_MS);
  const offsetAfter = offsetMsAt(zone, wallMs + DAY_MS);
  if (offsetBefore === offsetAfter) return wallMs - offsetBefore;
  const first = wallMs - offsetBefore;
  const second = wallMs - offsetAfter;
  const fits = (instant: number) => offsetMsAt(zone, instant) === wallMs - instant;
  const candidates = [first, second].filter(fits).sort((a, b) => a - b);
  return candidates[0] ?? first;
}
