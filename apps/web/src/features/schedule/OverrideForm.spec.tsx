import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { OverrideForm, overrideFromDraft, type OverrideBody } from './OverrideForm';
import { parentMarks } from './parentMarks';

const marks = parentMarks([
  { userId: 'alex', displayName: 'Alex' },
  { userId: 'sam', displayName: 'Sam' },
]);
const today = '2026-12-01';
const draft: OverrideBody = {
  kind: 'holiday',
  reason: ' Christmas ',
  startDate: '2026-12-24',
  startTime: '10:00',
  endDate: '2026-12-26',
  endTime: '10:00',
  parentId: 'sam',
  alternateYears: true,
  place: '',
};

describe('overrideFromDraft', () => {
  it('sends a trimmed reason and leaves an empty place out', () => {
    expect(overrideFromDraft(draft, today)).toEqual({
      ok: true,
      body: { ...Object.fromEntries(Object.entries(draft).filter(([key]) => key !== 'place')), reason: 'Christmas' },
    });
  });

  it('names an end before the start, a start in the past and a missing reason in plain words', () => {
    expect(overrideFromDraft({ ...draft, reason: ' ', startDate: '2026-11-30', endDate: '2026-11-29' }, today)).toEqual(
      {
        ok: false,
        problems: {
          reason: 'Please say what it is for, in a few words.',
          startDate: 'Changes start from a future day; the past stays as it was.',
          endDate: 'The end comes after the start.',
        },
      },
    );
    expect(overrideFromDraft({ ...draft, endDate: '2026-12-24', endTime: '09:00' }, today)).toMatchObject({
      ok: false,
      problems: { endDate: 'The end comes after the start.' },
    });
  });
});

describe('OverrideForm', () => {
  it('proposes who has the children, when and why, and keeps notes next to the fields', () => {
    const onPropose = vi.fn();
    render(
      <OverrideForm
        marks={marks}
        today={today}
        busy={false}
        error={null}
        onPropose={onPropose}
        onCancel={() => undefined}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send the proposal' }));
    expect(onPropose).not.toHaveBeenCalled();
    expect(screen.getByLabelText('What it is for').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('What it is for'), { target: { value: 'Half term' } });
    fireEvent.click(screen.getByLabelText('Sam'));
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2026-12-14' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-12-16' } });
    fireEvent.click(screen.getByLabelText('Every year on these dates, the parents taking turns'));
    fireEvent.click(screen.getByRole('button', { name: 'Send the proposal' }));
    expect(onPropose).toHaveBeenCalledWith({
      kind: 'holiday',
      reason: 'Half term',
      startDate: '2026-12-14',
      startTime: '10:00',
      endDate: '2026-12-16',
      endTime: '10:00',
      parentId: 'sam',
      alternateYears: true,
    });
  });
});
