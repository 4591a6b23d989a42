import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { monthWeeks } from './calendarDates';
import { CalendarKey, MonthCalendar, type CalendarDay, type CalendarHandover } from './MonthCalendar';
import { parentMarks } from './parentMarks';

const marks = parentMarks([
  { userId: 'alex', displayName: 'Alex' },
  { userId: 'sam', displayName: 'Sam' },
]);

// March 2026: alternating weeks from Monday 2 March, handover Mondays at 18:00 at school.
const days: CalendarDay[] = Array.from({ length: 31 }, (_, index) => {
  const date = `2026-03-${String(index + 1).padStart(2, '0')}`;
  const week = Math.floor((index + 6) / 7);
  return { date, parentId: week % 2 === 0 ? 'sam' : 'alex' };
}).map((day) => (day.date === '2026-03-14' ? { ...day, parentId: 'alex', change: 'Swapped' } : day));
const handovers: CalendarHandover[] = [
  { date: '2026-03-02', time: '18:00', fromParentId: 'sam', toParentId: 'alex', place: 'School' },
  { date: '2026-03-09', time: '18:00', fromParentId: 'alex', toParentId: 'sam', place: 'School' },
];

function Calendar({ start = '2026-03-10' }: { start?: string }) {
  const [selected, setSelected] = useState(start);
  return (
    <>
      <MonthCalendar
        id="test"
        selected={selected}
        onSelect={setSelected}
        days={days}
        handovers={handovers}
        marks={marks}
        today="2026-03-12"
      />
      <output data-testid="selected">{selected}</output>
    </>
  );
}

describe('monthWeeks', () => {
  it('runs Monday to Sunday and covers the whole month', () => {
    const weeks = monthWeeks('2026-03');
    expect(weeks[0]).toEqual([
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
    ]);
    expect(weeks.at(-1)?.at(-1)).toBe('2026-04-05');
    expect(weeks).toHaveLength(6);
    expect(monthWeeks('2027-02')).toHaveLength(4); // 1 Feb 2027 is a Monday, 28 days
    expect(monthWeeks('2028-02').flat()).toContain('2028-02-29');
  });
});

describe('parentMarks', () => {
  it('gives distinct letters, two when the first letters match', () => {
    expect(marks.map((mark) => [mark.letters, mark.style])).toEqual([
      ['A', 'first'],
      ['S', 'second'],
    ]);
    const same = parentMarks([
      { userId: 'a', displayName: 'Sam Lee' },
      { userId: 'b', displayName: 'Sandra' },
    ]);
    expect(same.map((mark) => mark.letters)).toEqual(['SL', 'SA']);
  });
});

describe('MonthCalendar', () => {
  it('is a grid of the month with weekday headers, each day named in words', () => {
    render(<Calendar />);
    const grid = screen.getByRole('grid', { name: 'March 2026' });
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['MonMonday', 'TueTuesday', 'WedWednesday', 'ThuThursday', 'FriFriday', 'SatSaturday', 'SunSunday']);
    expect(within(grid).getAllByRole('button')).toHaveLength(31);
    expect(
      within(grid).getByRole('button', {
        name: 'Monday 9 March 2026: with Sam. Handover at 18:00, Alex to Sam, at School.',
      }),
    ).toBeTruthy();
    expect(within(grid).getByRole('button', { name: 'Saturday 14 March 2026: with Alex. Swapped.' })).toBeTruthy();
    const today = within(grid).getByRole('button', { name: /^Thursday 12 March 2026, today: with Sam\.$/ });
    expect(today.getAttribute('aria-current')).toBe('date');
  });

  it('shows letters and a fill pattern for each parent, not colour alone', () => {
    render(<Calendar />);
    const alexDay = screen.getByRole('button', { name: /^Tuesday 3 March 2026/ });
    const samDay = screen.getByRole('button', { name: /^Tuesday 10 March 2026/ });
    expect(alexDay.querySelector('.calendar__who')?.textContent).toBe('A');
    expect(alexDay.className).toContain('calendar__day--first');
    expect(samDay.querySelector('.calendar__who')?.textContent).toBe('S');
    expect(samDay.className).toContain('calendar__day--second');
    expect(screen.getByRole('button', { name: /^Monday 9 March/ }).textContent).toContain('18:00');
  });

  it('has one tab stop, on the selected day', () => {
    render(<Calendar />);
    const tabbable = screen.getAllByRole('button').filter((button) => button.tabIndex === 0);
    expect(tabbable).toHaveLength(1);
    expect(tabbable[0]?.getAttribute('aria-label') ?? tabbable[0]?.textContent).toMatch(/Tuesday 10 March/);
    expect(tabbable[0]?.closest('td')?.getAttribute('aria-selected')).toBe('true');
  });

  it('moves by day, week, week ends and month with the keyboard, keeping focus on the day', () => {
    render(<Calendar />);
    const selected = () => screen.getByTestId('selected').textContent;
    const press = (key: string, shiftKey = false) =>
      fireEvent.keyDown(document.activeElement ?? document.body, { key, shiftKey });
    screen.getByRole('button', { name: /^Tuesday 10 March/ }).focus();
    press('ArrowRight');
    expect(selected()).toBe('2026-03-11');
    expect(document.activeElement?.textContent).toMatch(/Wednesday 11 March/);
    press('ArrowDown');
    expect(selected()).toBe('2026-03-18');
    press('ArrowUp');
    press('ArrowLeft');
    expect(selected()).toBe('2026-03-10');
    press('Home');
    expect(selected()).toBe('2026-03-09');
    press('End');
    expect(selected()).toBe('2026-03-15');
    press('PageDown');
    expect(selected()).toBe('2026-04-15');
    expect(screen.getByRole('grid', { name: 'April 2026' })).toBeTruthy();
    expect(document.activeElement?.textContent).toMatch(/Wednesday 15 April/);
    press('PageUp', true);
    expect(selected()).toBe('2025-04-15');
  });

  it('leaves the month when an arrow goes past its end', () => {
    render(<Calendar start="2026-03-31" />);
    screen.getByRole('button', { name: /^Tuesday 31 March/ }).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(screen.getByTestId('selected').textContent).toBe('2026-04-01');
    expect(screen.getByRole('grid', { name: 'April 2026' })).toBeTruthy();
  });

  it('keeps the last day of the month when a month on has fewer days', () => {
    render(<Calendar start="2026-01-31" />);
    screen.getByRole('button', { name: /^Saturday 31 January/ }).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'PageDown' });
    expect(screen.getByTestId('selected').textContent).toBe('2026-02-28');
  });

  it('explains the letters and marks in a key', () => {
    render(<CalendarKey marks={marks} />);
    expect(screen.getByRole('list', { name: 'Key to the calendar' }).textContent).toBe(
      'Awith AlexSwith Sam⇄handover✱changed from the plan',
    );
  });
});
