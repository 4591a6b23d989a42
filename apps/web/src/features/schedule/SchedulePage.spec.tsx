import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { alex, CASE_ID, caseDetail, sam } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import type { TestApi } from '../../test/testApi';
import { addDays, firstOfMonth, lastOfMonth, longDate, monthOf, monthTitle, todayIn } from './calendarDates';
import type { Plan, Schedule, Swap } from './scheduleApi';

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

// The page opens on today's month in the case's zone (Europe/Berlin in the fixture).
const today = todayIn('Europe/Berlin');
const month = monthOf(today);
const from = firstOfMonth(month);
const to = lastOfMonth(month);
const base = `/api/cases/${CASE_ID}`;
const inThreeDays = addDays(today, 3);

const plan: Plan = {
  id: 'p1',
  proposedBy: sam.id,
  pattern: 'alternating-weeks',
  startDate: addDays(today, 7),
  exchangeTime: '18:00',
  firstParentId: sam.id,
  secondParentId: alex.id,
  rotation: null,
  weekendEndTime: null,
  midweekVisit: null,
  place: 'Library',
  status: 'pending',
  effectiveFrom: `${addDays(today, 7)}T17:00:00.000Z`,
  createdAt: `${today}T08:00:00.000Z`,
  decidedAt: null,
  decidedBy: null,
  courtOrderAvailableAt: `${addDays(today, 14)}T08:00:00.000Z`,
  courtOrder: null,
  disputes: [],
};

const swap: Swap = {
  id: 's1',
  requestedBy: sam.id,
  kind: 'give',
  giveDates: [inThreeDays],
  takeDates: [],
  note: 'Work trip',
  status: 'pending',
  expiresAt: `${inThreeDays}T00:00:00.000Z`,
  createdAt: `${today}T08:00:00.000Z`,
  decidedAt: null,
  decidedBy: null,
  reason: null,
};

function scheduleOf(pendingPlan: Plan | null): Schedule {
  const days = [];
  for (let date = from; date <= to; date = addDays(date, 1))
    days.push({ date, parentId: alex.id, source: 'plan' as const, sourceId: 'p0' });
  return {
    timeZone: 'Europe/Berlin',
    from,
    to,
    days,
    exchanges: [],
    intervals: [],
    overrides: [],
    swaps: [swap],
    plans: [],
    pendingPlan,
  };
}

function answers(pendingPlan: Plan | null) {
  return {
    [`GET ${base}`]: { status: 200, body: caseDetail() },
    [`GET ${base}/schedule?from=${from}&to=${to}`]: { status: 200, body: scheduleOf(pendingPlan) },
    [`GET ${base}/swaps`]: { status: 200, body: { items: [swap] } },
    [`GET ${base}/schedule/overrides`]: { status: 200, body: { items: [] } },
    [`GET ${base}/calendar-feed`]: {
      status: 200,
      body: { url: 'http://parallel.test/api/calendar/abc.ics', createdAt: `${today}T08:00:00.000Z` },
    },
    [`GET ${base}/schedule/time-share?from=${from}&to=${to}`]: {
      status: 200,
      body: {
        from,
        to,
        parents: [
          { parentId: alex.id, overnights: 30, hours: 720, percent: 100 },
          { parentId: sam.id, overnights: 0, hours: 0, percent: 0 },
        ],
        unscheduledDays: 0,
        planned: { parents: [], unscheduledDays: 0 },
      },
    },
    [`POST ${base}/schedule/plans/p1/accept`]: { status: 200, body: { ...plan, status: 'accepted' } },
    [`POST ${base}/swaps/s1/decline`]: {
      status: 200,
      body: { ...swap, status: 'declined', reason: 'I work that day.' },
    },
  };
}

describe('SchedulePage', () => {
  it('shows the month with who has the children, and what waits for an answer first', async () => {
    api = await renderApp(`/cases/${CASE_ID}/schedule`, answers(plan), alex);

    // The calendar is its own chunk: the first import may take a moment.
    const grid = await screen.findByRole('grid', { name: monthTitle(month) }, { timeout: 10_000 });
    expect(
      within(grid).getByRole('button', { name: new RegExp(`^${longDate(today)}, today: with Alex\\.$`) }),
    ).toBeTruthy();
    const proposal = screen.getByRole('group', { name: 'Sam proposes a plan' });
    expect(
      within(proposal).getByText(
        `Alternating weeks from ${longDate(plan.startDate)}, Sam first; handovers at 18:00 at Library.`,
      ),
    ).toBeTruthy();
    // The proposal's first weeks, drawn by the domain code in the browser.
    expect(within(proposal).getByRole('cell', { name: `${longDate(plan.startDate)}: with Sam` })).toBeTruthy();
    expect(
      within(proposal).getByRole('cell', { name: `${longDate(addDays(plan.startDate, 7))}: with Alex` }),
    ).toBeTruthy();
    const request = screen.getByRole('group', { name: 'A swap request' });
    expect(within(request).getByText(/^Sam asks you to take \w{3} \d+ \w{3}\.$/)).toBeTruthy();
    expect(await screen.findByRole('table', { name: `${longDate(from)} to ${longDate(to)}` })).toBeTruthy();
    expect((await screen.findByLabelText<HTMLInputElement>('Your calendar link')).value).toBe(
      'http://parallel.test/api/calendar/abc.ics',
    );
  });

  it('accepts the plan and declines the swap with a reason, then reads the schedule again', async () => {
    api = await renderApp(`/cases/${CASE_ID}/schedule`, answers(plan), alex);
    const proposal = await screen.findByRole('group', { name: 'Sam proposes a plan' }, { timeout: 10_000 });
    const reads = () => api!.requests.filter((request) => request.url.startsWith(`${base}/schedule?`)).length;
    expect(reads()).toBe(1);

    fireEvent.click(within(proposal).getByRole('button', { name: 'Accept the plan' }));
    await waitFor(() =>
      expect(api!.requests.some((request) => request.url === `${base}/schedule/plans/p1/accept`)).toBe(true),
    );
    await waitFor(() => expect(reads()).toBe(2));

    const request = screen.getByRole('group', { name: 'A swap request' });
    fireEvent.change(within(request).getByLabelText('Reason (optional)'), { target: { value: ' I work that day. ' } });
    fireEvent.click(within(request).getByRole('button', { name: 'Decline' }));
    await waitFor(() =>
      expect(api!.requests.find((sent) => sent.url === `${base}/swaps/s1/decline`)?.body).toEqual({
        reason: 'I work that day.',
      }),
    );
  });
});
