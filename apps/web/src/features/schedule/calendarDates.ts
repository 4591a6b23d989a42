// Calendar dates as the API writes them ("2026-03-14"): a day of the case's calendar, with no
// time and no zone. Arithmetic on them is arithmetic on days, so it is done in UTC, where
// every day is 24 hours long; the case's zone matters only for instants (exchanges).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: string): Date {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`not a calendar date: ${date}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  return match !== null && fromUtc(toUtc(text)) === text;
}

export function addDays(date: string, days: number): string {
  const moved = toUtc(date);
  moved.setUTCDate(moved.getUTCDate() + days);
  return fromUtc(moved);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(date: string): number {
  const day = toUtc(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/** "2026-03" for any date in March 2026. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function firstOfMonth(month: string): string {
  return `${month}-01`;
}

export function lastOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return fromUtc(new Date(Date.UTC(year, monthNumber, 0)));
}

/** The month `count` months after `month` ("2026-12" + 1 = "2027-01"). */
export function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return fromUtc(new Date(Date.UTC(year, monthNumber - 1 + count, 1))).slice(0, 7);
}

/** The same day of the month `count` months on, kept inside the month (31 Jan + 1 = 28 Feb). */
export function addMonthsToDate(date: string, count: number): string {
  const month = addMonths(monthOf(date), count);
  const last = lastOfMonth(month);
  const wanted = `${month}-${date.slice(8, 10)}`;
  return isIsoDate(wanted) && wanted <= last ? wanted : last;
}

/**
 * The weeks a month's calendar shows, Monday first: every date from the Monday on or
 * before the 1st to the Sunday on or after the last day; days of the next and previous
 * months fill the first and last weeks.
 */
export function monthWeeks(month: string): string[][] {
  const first = firstOfMonth(month);
  const last = lastOfMonth(month);
  let day = addDays(first, 1 - isoWeekday(first));
  const end = addDays(last, 7 - isoWeekday(last));
  const weeks: string[][] = [];
  while (day <= end) {
    const week: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

const DATE_PARTS = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const MONTH_TITLE = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function partsOf(date: string) {
  const parts = DATE_PARTS.formatToParts(toUtc(date));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return { weekday: part('weekday'), day: part('day'), month: part('month'), year: part('year') };
}

/** "Saturday 14 March 2026" (written out by hand: engines differ on the comma after the weekday). */
export function longDate(date: string): string {
  const { weekday, day, month, year } = partsOf(date);
  return `${weekday} ${day} ${month} ${year}`;
}

/** "Sat 14 Mar". */
export function shortDate(date: string): string {
  const { weekday, day, month } = partsOf(date);
  return `${weekday.slice(0, 3)} ${day} ${month.slice(0, 3)}`;
}

/** "March 2026". */
export function monthTitle(month: string): string {
  return MONTH_TITLE.format(toUtc(firstOfMonth(month)));
}

/** Monday first, as the calendar's columns. */
export const WEEKDAYS = [
  { short: 'Mon', long: 'Monday' },
  { short: 'Tue', long: 'Tuesday' },
  { short: 'Wed', long: 'Wednesday' },
  { short: 'Thu', long: 'Thursday' },
  { short: 'Fri', long: 'Friday' },
  { short: 'Sat', long: 'Saturday' },
  { short: 'Sun', long: 'Sunday' },
] as const;

/** Today's date in a zone ("2026-03-14"), for the case's own calendar. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "18:00" in the case's zone. */
export function timeIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    new Date(instant),
  );
}

/** The case's calendar date of an instant. */
export function dateIn(instant: string, timeZone: string): string {
  return todayIn(timeZone, new Date(instant));
}
