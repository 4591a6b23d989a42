import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { parentMarks } from './parentMarks';
import { PlanForm } from './PlanForm';
import { parseRotation, planFromDraft, newPlanDraft } from './planForm';
import { previewPlan } from './planPreview';

const marks = parentMarks([
  { userId: 'alex', displayName: 'Alex' },
  { userId: 'sam', displayName: 'Sam' },
]);
const parents = ['alex', 'sam'] as const;
// Thursday 5 March 2026: the form proposes the next Monday, 9 March.
const today = '2026-03-05';

function renderForm(onPropose = vi.fn(), error: ApiError | null = null) {
  render(
    <PlanForm
      marks={marks}
      today={today}
      preview={(plan, from, to) => previewPlan(plan, parents, 'Europe/London', from, to)}
      busy={false}
      error={error}
      onPropose={onPropose}
      onCancel={() => undefined}
    />,
  );
  return onPropose;
}

function previewRows() {
  const table = screen.getByRole('table', { name: /^The first 4 weeks/ });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.querySelector('[aria-hidden]')?.textContent)
        .join(''),
    );
}

describe('planFromDraft', () => {
  it('reads a rotation typed with commas, spaces or dashes', () => {
    expect(parseRotation('2, 2, 3')).toEqual([2, 2, 3]);
    expect(parseRotation('5-2-2-5')).toEqual([5, 2, 2, 5]);
    expect(parseRotation('2, x')).toBeNull();
    expect(parseRotation('0 3')).toBeNull();
  });

  it('asks for a start after today and a real time, in plain words', () => {
    const draft = { ...newPlanDraft('alex', today), exchangeTime: '25:00' };
    const checked = planFromDraft(draft, today);
    expect(checked).toEqual({
      ok: false,
      problems: {
        startDate: 'A new plan starts from a future day; the days before it stay as they were.',
        exchangeTime: 'Please give the handover time, for example 18:00.',
      },
    });
  });

  it('sends only the options of the chosen pattern', () => {
    const weekend = { ...newPlanDraft('sam', '2026-03-09'), pattern: 'every-other-weekend' as const, midweek: true };
    expect(planFromDraft(weekend, today)).toEqual({
      ok: true,
      plan: {
        pattern: 'every-other-weekend',
        startDate: '2026-03-09',
        exchangeTime: '18:00',
        firstParentId: 'sam',
        place: '',
        weekendEndTime: '18:00',
        midweekVisit: { weekday: 3, from: '16:00', to: '19:00' },
      },
    });
  });
});

describe('PlanForm', () => {
  it('previews the coming weeks of alternating weeks from next Monday', () => {
    renderForm();
    expect(previewRows()).toEqual(['AAAAAAA', 'SSSSSSS', 'AAAAAAA', 'SSSSSSS']);
    expect(screen.getByRole('cell', { name: 'Monday 9 March 2026: with Alex' })).toBeTruthy();
  });

  it('updates the preview as the pattern and who starts change', () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('Pattern'), { target: { value: '2-2-3' } });
    fireEvent.click(screen.getByLabelText('Sam'));
    expect(previewRows()).toEqual(['SSAASSS', 'AASSAAA', 'SSAASSS', 'AASSAAA']);
    fireEvent.change(screen.getByLabelText('Starts on'), { target: { value: '2026-03-11' } });
    // Monday and Tuesday fall before the start.
    expect(previewRows()[0]).toBe('··SSAAS');
  });

  it('asks for a custom rotation and previews it', () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('Pattern'), { target: { value: 'custom' } });
    expect(screen.getByText('The coming weeks are shown here once the plan is complete.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Days in each stretch'), { target: { value: '4, 3' } });
    expect(previewRows()[0]).toBe('AAAASSS');
  });

  it('sends the plan, or shows notes next to the fields', () => {
    const onPropose = renderForm();
    fireEvent.change(screen.getByLabelText('Starts on'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the proposal' }));
    expect(onPropose).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Starts on').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('A new plan starts from a future day; the days before it stay as they were.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Starts on'), { target: { value: '2026-03-16' } });
    fireEvent.change(screen.getByLabelText('Handover place (optional)'), { target: { value: 'School gate' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the proposal' }));
    expect(onPropose).toHaveBeenCalledWith({
      pattern: 'alternating-weeks',
      startDate: '2026-03-16',
      exchangeTime: '18:00',
      firstParentId: 'alex',
      place: 'School gate',
    });
  });
});
