import { IANAZone } from 'luxon';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const BUCKET_MS = 15 * 60 * 1000;
/** A span whose two ends have one offset has it throughout: no zone changes its clocks and back within six hours. */
const SPAN_MS = 6 * 60 * 60 * 1000;

/**
 * Times of one zone for a long PDF: the same words as `formatRecordTime` (a test holds them
 * equal, across clock changes), with the zone's offset looked up once per 15 minutes of UTC
 * instead of once per instant, and once per six hours where the offset is the same at both
 * ends of them. Every offset of the tz database is a multiple of 15 minutes and changes on a
 * quarter hour, so an offset never changes inside a bucket; Luxon's conversion per instant
 * was a sixth of the time of a PDF of 2,000 messages.
 */
export class ZoneTimes {
  private readonly zone: IANAZone;
  private readonly offsets = new Map<number, number>();

  constructor(private readonly timeZone: string) {
    this.zone = IANAZone.create(timeZone);
    if (!this.zone.isValid) throw new RangeError(`"${timeZone}" is not a time zone`);
  }

  /** The zone's offset from UTC at `ms`, in minutes. */
  offset(ms: number): number {
    // A six-hour span with one offset at both ends (nearly all of them) answers for every instant in it.
    const span = Math.floor(ms / SPAN_MS);
    let spanOffset = this.spans.get(span);
    if (spanOffset === undefined) {
      const start = this.bucketOffset((span * SPAN_MS) / BUCKET_MS);
      spanOffset = start === this.bucketOffset(((span + 1) * SPAN_MS) / BUCKET_MS - 1) ? start : null;
      if (this.spans.size > 100_000) this.spans.clear();
      this.spans.set(span, spanOffset);
    }
    return spanOffset ?? this.bucketOffset(Math.floor(ms / BUCKET_MS));
  }

  /** Six-hour spans of UTC: their one offset, or null for a span in which the clocks change. */
  private readonly spans = new Map<number, number | null>();

  private bucketOffset(bucket: number): number {
    let minutes = this.offsets.get(bucket);
    if (minutes === undefined) {
      minutes = this.zone.offset(bucket * BUCKET_MS);
      if (this.offsets.size > 100_000) this.offsets.clear();
      this.offsets.set(bucket, minutes);
    }
    return minutes;
  }

  /** The calendar day of an instant in the zone, YYYY-MM-DD. */
  day(iso: string): string {
    const ms = Date.parse(iso);
    return new Date(ms + this.offset(ms) * 60_000).toISOString().slice(0, 10);
  }

  /** "Thu 5 Mar 2026, 18:00 (Europe/London)", with the UTC offset in the hour that happens twice. */
  format(iso: string): string {
    const ms = Date.parse(iso);
    const offset = this.offset(ms);
    const local = new Date(ms + offset * 60_000);
    const date = `${WEEKDAYS[(local.getUTCDay() + 6) % 7]} ${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
    const time = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
    return `${date}, ${time} (${this.timeZone}${this.ambiguous(ms, offset) ? `, UTC${offsetWords(offset)}` : ''})`;
  }

  /** Whether another instant has the same wall-clock time (the hour repeated when clocks go back). */
  private ambiguous(ms: number, offset: number): boolean {
    for (const other of [this.offset(ms - 3 * 3_600_000), this.offset(ms + 3 * 3_600_000)]) {
      if (other === offset) continue;
      const twin = ms + (offset - other) * 60_000;
      if (this.offset(twin) === other) return true;
    }
    return false;
  }
}

/** +1, -4, +5:30, +0: as `formatRecordTime` writes an offset. */
function offsetWords(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}
