// Dates and times as the person reading them expects them, in their own browser's zone.

/** "09:05": 24-hour clock time, short and unambiguous. */
export function formatClockTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
}

/** "14 March 2026 at 09:05" (24-hour, like every time the app shows), or the raw text if it is not a date. */
export function formatDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'long',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone,
  }).format(date);
}

/** "Anna, Ben and Carla" */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' }).format(items);
}

/** "1 message", "3 messages": a count with its noun (`many` when the plural is not the noun plus "s"). */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
