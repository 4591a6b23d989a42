import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { CheckInForm, checkInInWords } from './CheckInForm';
import { FeedLink } from './FeedLink';
import { parentMarks } from './parentMarks';
import { SwapForm } from './SwapForm';
import { TimeShareTable } from './TimeShareTable';

const marks = parentMarks([
  { userId: 'alex', displayName: 'Alex' },
  { userId: 'sam', displayName: 'Sam' },
]);

describe('CheckInForm', () => {
  const renderForm = (error: ApiError | null = null) => {
    const onRecord = vi.fn();
    render(
      <CheckInForm handoverLabel="Handover at 18:00, Alex to Sam" busy={false} error={error} onRecord={onRecord} />,
    );
    return onRecord;
  };

  it('records "on time" in two taps', () => {
    const onRecord = renderForm();
    expect(screen.getByRole('form', { name: 'Check in: Handover at 18:00, Alex to Sam' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Record the check-in' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'On time' }));
    expect(screen.getByRole('button', { name: 'On time' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Record the check-in' }));
    expect(onRecord).toHaveBeenCalledWith({ status: 'on_time' });
  });

  it('asks how late, with the usual answers one tap away, and takes a short note', () => {
    const onRecord = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Late' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record the check-in' }));
    expect(onRecord).not.toHaveBeenCalled();
    expect(screen.getByText('Please say how many minutes late, from 1 to 1440.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '15 minutes' }));
    fireEvent.change(screen.getByLabelText('Note (optional)'), { target: { value: ' Traffic on the bridge. ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the check-in' }));
    expect(onRecord).toHaveBeenCalledWith({ status: 'late', lateMinutes: 15, note: 'Traffic on the bridge.' });
  });

  it('shows the API’s refusal in plain words', () => {
    renderForm(new ApiError({ status: 409, message: 'This handover already has your check-in.' }));
    expect(screen.getByText('This handover already has your check-in.')).toBeTruthy();
  });

  it('says each status in words', () => {
    expect(checkInInWords('on_time')).toBe('On time');
    expect(checkInInWords('late', 1)).toBe('1 minute late');
    expect(checkInInWords('late', 20)).toBe('20 minutes late');
    expect(checkInInWords('missed', null)).toBe('Missed');
  });
});

describe('SwapForm', () => {
  const days = [
    { date: '2026-03-14', parentId: 'alex' },
    { date: '2026-03-15', parentId: 'alex' },
    { date: '2026-03-16', parentId: 'sam' },
  ];
  const renderForm = () => {
    const onRequest = vi.fn();
    render(
      <SwapForm
        days={days}
        me="alex"
        otherName="Sam"
        initialDate="2026-03-15"
        busy={false}
        error={null}
        onRequest={onRequest}
        onCancel={() => undefined}
      />,
    );
    return onRequest;
  };

  it('gives the days ticked, starting with the day chosen on the calendar', () => {
    const onRequest = renderForm();
    const mine = screen.getByRole('group', { name: 'Your days they would have' });
    expect(
      within(mine)
        .getAllByRole('checkbox')
        .map((box) => (box as HTMLInputElement).checked),
    ).toEqual([false, true]);
    fireEvent.click(within(mine).getByRole('checkbox', { name: 'Saturday 14 March 2026' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send the request' }));
    expect(onRequest).toHaveBeenCalledWith({ kind: 'give', giveDates: ['2026-03-14', '2026-03-15'], takeDates: [] });
  });

  it('trades one of mine for one of theirs, with a note', () => {
    const onRequest = renderForm();
    fireEvent.click(screen.getByLabelText('A trade: your days for some of theirs'));
    fireEvent.click(screen.getByRole('button', { name: 'Send the request' }));
    expect(screen.getByText('A trade needs at least one of your days and one of theirs.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Monday 16 March 2026' }));
    fireEvent.change(screen.getByLabelText('Note (optional)'), { target: { value: 'Work trip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the request' }));
    expect(onRequest).toHaveBeenCalledWith({
      kind: 'trade',
      giveDates: ['2026-03-15'],
      takeDates: ['2026-03-16'],
      note: 'Work trip',
    });
  });
});

describe('TimeShareTable', () => {
  it('puts the parents in columns and planned beside lived, in overnights, hours and percent', () => {
    render(
      <TimeShareTable
        caption="1 March to 31 March 2026"
        marks={marks}
        planned={[
          { parentId: 'alex', overnights: 14, hours: 336, percent: 45.16 },
          { parentId: 'sam', overnights: 17, hours: 407, percent: 54.84 },
        ]}
        lived={[
          { parentId: 'alex', overnights: 16, hours: 384, percent: 51.61 },
          { parentId: 'sam', overnights: 15, hours: 359, percent: 48.39 },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: '1 March to 31 March 2026' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Alex', 'Sam']);
    const row = (name: string) =>
      within(within(table).getByRole('rowheader', { name }).closest('tr')!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent);
    expect(row('Overnights as planned')).toEqual(['14', '17']);
    expect(row('Hours as lived')).toEqual(['384', '359']);
    expect(row('Share as lived')).toEqual(['51.61%', '48.39%']);
  });
});

describe('FeedLink', () => {
  it('copies the link and asks before replacing it', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const onRotate = vi.fn(() => Promise.resolve(true));
    render(<FeedLink url="https://parallel.example/api/calendar/abc.ics" busy={false} onRotate={onRotate} />);
    expect(screen.getByLabelText<HTMLInputElement>('Your calendar link').value).toBe(
      'https://parallel.example/api/calendar/abc.ics',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy the link' }));
    expect(await screen.findByText('The link is copied.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('https://parallel.example/api/calendar/abc.ics');
    fireEvent.click(screen.getByRole('button', { name: 'Make a new link' }));
    expect(onRotate).not.toHaveBeenCalled();
    expect(screen.getByText(/The current one stops working at once/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Make a new link' }));
    expect(onRotate).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('A new link is ready. The old one no longer works.')).toBeTruthy();
  });
});
