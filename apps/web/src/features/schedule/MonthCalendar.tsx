import { useEffect, useRef, type KeyboardEvent } from 'react';
import {
  addDays,
  addMonthsToDate,
  isoWeekday,
  longDate,
  monthOf,
  monthTitle,
  monthWeeks,
  WEEKDAYS,
} from './calendarDates';
import { markOf, type ParentMark } from './parentMarks';

/** One day as the calendar shows it: who has the children, and what changed the plan that day. */
export interface CalendarDay {
  date: string;
  /** Who has the children that day; null where no plan applies yet. */
  parentId: string | null;
  /** Why this day differs from the plan, in plain words ("Holiday: half term", "Swapped"); absent when it follows the plan. */
  change?: string;
}

/** One handover on a day: when (in the case's zone), from whom to whom, where. */
export interface CalendarHandover {
  date: string;
  time: string;
  fromParentId: string;
  toParentId: string;
  place?: string | null;
}

interface MonthCalendarProps {
  /** The day in focus; its month is the month shown. */
  selected: string;
  onSelect: (date: string) => void;
  days: readonly CalendarDay[];
  handovers: readonly CalendarHandover[];
  marks: readonly ParentMark[];
  /** Today in the case's zone, marked as the current date. */
  today: string;
  /** An id for the caption, so the page can name the grid. */
  id: string;
}

/**
 * A month of the schedule as a grid (WAI-ARIA grid pattern): one tab stop, arrow keys
 * move by day and week, Home and End to the week's ends, Page Up and Page Down by month.
 * Each day shows the letters and fill of the parent who has the children (never colour
 * alone), a handover's time, and a mark where the plan was changed; screen readers hear
 * the whole day in words.
 */
export function MonthCalendar({ selected, onSelect, days, handovers, marks, today, id }: MonthCalendarProps) {
  const month = monthOf(selected);
  const weeks = monthWeeks(month);
  const byDate = new Map(days.map((day) => [day.date, day]));
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusNext = useRef(false);

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    buttons.current.get(selected)?.focus();
  }, [selected]);

  const move = (to: string) => {
    focusNext.current = true;
    onSelect(to);
  };

  const onKeyDown = (event: KeyboardEvent, date: string) => {
    const keys: Record<string, () => string> = {
      ArrowLeft: () => addDays(date, -1),
      ArrowRight: () => addDays(date, 1),
      ArrowUp: () => addDays(date, -7),
      ArrowDown: () => addDays(date, 7),
      Home: () => addDays(date, 1 - isoWeekday(date)),
      End: () => addDays(date, 7 - isoWeekday(date)),
      PageUp: () => addMonthsToDate(date, event.shiftKey ? -12 : -1),
      PageDown: () => addMonthsToDate(date, event.shiftKey ? 12 : 1),
    };
    const target = keys[event.key];
    if (!target) return;
    event.preventDefault();
    move(target());
  };

  return (
    <table className="calendar" role="grid" aria-labelledby={`${id}-caption`}>
      <caption id={`${id}-caption`}>{monthTitle(month)}</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((weekday) => (
            <th key={weekday.short} scope="col" abbr={weekday.long}>
              <span aria-hidden="true">{weekday.short}</span>
              <span className="visually-hidden">{weekday.long}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((date) => {
              if (monthOf(date) !== month) return <td key={date} className="calendar__outside" />;
              const day = byDate.get(date);
              const mark = markOf(marks, day?.parentId);
              const dayHandovers = handovers.filter((handover) => handover.date === date);
              const isSelected = date === selected;
              return (
                <td
                  key={date}
                  aria-selected={isSelected}
                  className={isSelected ? 'calendar__day--selected' : undefined}
                >
                  <button
                    type="button"
                    ref={(element) => {
                      if (element) buttons.current.set(date, element);
                      else buttons.current.delete(date);
                    }}
                    className={`calendar__day${mark ? ` calendar__day--${mark.style}` : ''}`}
                    tabIndex={isSelected ? 0 : -1}
                    aria-current={date === today ? 'date' : undefined}
                    onClick={() => onSelect(date)}
                    onKeyDown={(event) => onKeyDown(event, date)}
                  >
                    <span className="calendar__number" aria-hidden="true">
                      {Number(date.slice(8, 10))}
                    </span>
                    <span className="calendar__who" aria-hidden="true">
                      {mark?.letters ?? '–'}
                    </span>
                    {dayHandovers.length > 0 && (
                      <span className="calendar__handover" aria-hidden="true">
                        <span className="calendar__arrow">⇄</span>
                        <span className="calendar__time">{dayHandovers[0]?.time}</span>
                      </span>
                    )}
                    {day?.change && (
                      <span className="calendar__changed" aria-hidden="true">
                        ✱
                      </span>
                    )}
                    <span className="visually-hidden">{dayInWords(date, day, dayHandovers, marks, today)}</span>
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Friday 6 March 2026, today: with Sam. Handover at 18:00, Alex to Sam, at School. Holiday: half term." */
export function dayInWords(
  date: string,
  day: CalendarDay | undefined,
  handovers: readonly CalendarHandover[],
  marks: readonly ParentMark[],
  today: string,
): string {
  const mark = markOf(marks, day?.parentId);
  const parts = [`${longDate(date)}${date === today ? ', today' : ''}: ${mark ? `with ${mark.name}` : 'no plan'}.`];
  for (const handover of handovers) parts.push(`${handoverInWords(handover, marks)}.`);
  if (day?.change) parts.push(`${day.change}.`);
  return parts.join(' ');
}

/** "Handover at 18:00, Alex to Sam, at School". */
export function handoverInWords(handover: CalendarHandover, marks: readonly ParentMark[]): string {
  const from = markOf(marks, handover.fromParentId)?.name ?? 'one parent';
  const to = markOf(marks, handover.toParentId)?.name ?? 'the other parent';
  return `Handover at ${handover.time}, ${from} to ${to}${handover.place ? `, at ${handover.place}` : ''}`;
}

/** The key under the calendar: what each parent's letters and fill mean, and the change mark. */
export function CalendarKey({ marks }: { marks: readonly ParentMark[] }) {
  return (
    <ul className="calendar-key" aria-label="Key to the calendar">
      {marks.map((mark) => (
        <li key={mark.parentId}>
          <span className={`calendar-key__swatch calendar__day--${mark.style}`} aria-hidden="true">
            {mark.letters}
          </span>
          with {mark.name}
        </li>
      ))}
      <li>
        <span className="calendar-key__swatch" aria-hidden="true">
          ⇄
        </span>
        handover
      </li>
      <li>
        <span className="calendar-key__swatch" aria-hidden="true">
          ✱
        </span>
        changed from the plan
      </li>
    </ul>
  );
}
