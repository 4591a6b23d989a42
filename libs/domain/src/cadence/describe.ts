import { sortDeliveryWindows, type Cadence } from './terms';

const WEEKDAY_ABBREVIATIONS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** "a", "a and b", "a, b and c". */
function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function weekdaysInWords(weekdays: readonly number[], names: readonly string[]): string {
  if (weekdays.length === names.length) return 'every day';
  return listInWords(weekdays.map((weekday) => names[weekday - 1] ?? `day ${weekday}`));
}

/**
 * The cadence in plain words for terms screens and the record, e.g.
 * "immediately", "Mon and Thu at 18:00", "Mon at 08:00 and 18:00; Sat at 10:00".
 * Days that share the same times are named together, in weekday order. With
 * `{ weekdays: 'long' }` days are written out ("Monday and Thursday at 18:00"), for sentences.
 */
export function describeCadence(cadence: Cadence, options: { weekdays?: 'short' | 'long' } = {}): string {
  const names = options.weekdays === 'long' ? WEEKDAY_NAMES : WEEKDAY_ABBREVIATIONS;
  if (cadence.mode === 'immediate') return 'immediately';
  const timesByWeekday = new Map<number, string[]>();
  for (const { weekday, time } of sortDeliveryWindows(cadence.windows)) {
    const times = timesByWeekday.get(weekday) ?? [];
    if (!times.includes(time)) times.push(time);
    timesByWeekday.set(weekday, times);
  }
  if (timesByWeekday.size === 0) return 'never';
  const weekdaysByTimes = new Map<string, { weekdays: number[]; times: string[] }>();
  for (const [weekday, times] of timesByWeekday) {
    const key = times.join(' ');
    const group = weekdaysByTimes.get(key) ?? { weekdays: [], times };
    group.weekdays.push(weekday);
    weekdaysByTimes.set(key, group);
  }
  return [...weekdaysByTimes.values()]
    .map(({ weekdays, times }) => `${weekdaysInWords(weekdays, names)} at ${listInWords(times)}`)
    .join('; ');
}
