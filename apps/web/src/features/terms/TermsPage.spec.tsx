import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseSettings } from '../../api/types';
import { alex, CASE_ID, caseDetail } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import type { TestApi } from '../../test/testApi';

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

const settings: CaseSettings = {
  inboxes: [
    {
      userId: 'u1',
      inForce: { cadence: { mode: 'immediate' }, dailyQuota: 5 },
      inForceSince: '2026-03-01T08:00:00.000Z',
      pending: null,
    },
    {
      userId: 'u2',
      inForce: { cadence: { mode: 'immediate' }, dailyQuota: 5 },
      inForceSince: '2026-03-01T08:00:00.000Z',
      pending: {
        terms: {
          cadence: {
            mode: 'windows',
            windows: [
              { weekday: 1, time: '18:00' },
              { weekday: 4, time: '18:00' },
            ],
          },
          dailyQuota: 3,
        },
        requestedAt: '2026-03-05T08:00:00.000Z',
        effectiveAt: '2026-03-06T08:00:00.000Z',
      },
    },
  ],
  shared: { urgentPer30Days: 2, showReadTimes: true, split: { firstParentBasisPoints: 6000 } },
  pendingProposal: {
    id: 'p1',
    proposedBy: 'u2',
    changes: { showReadTimes: false },
    status: 'pending',
    createdAt: '2026-03-05T09:00:00.000Z',
    decidedAt: null,
    decidedBy: null,
  },
};

describe('TermsPage', () => {
  it("shows both inboxes in plain words, the other parent's change with its effective time, and their proposal to answer", async () => {
    api = await renderApp(
      `/cases/${CASE_ID}/terms`,
      {
        [`GET /api/cases/${CASE_ID}`]: { status: 200, body: caseDetail() },
        [`GET /api/cases/${CASE_ID}/settings`]: { status: 200, body: settings },
        [`POST /api/cases/${CASE_ID}/proposals/p1/accept`]: {
          status: 200,
          body: { ...settings.pendingProposal, status: 'accepted' },
        },
      },
      alex,
    );

    const mine = await screen.findByRole('region', { name: 'Your inbox' });
    expect(
      within(mine).getByText('Messages delivered as soon as they are sent, at most 5 messages a day.'),
    ).toBeTruthy();
    expect(within(mine).getByText('No change is waiting.')).toBeTruthy();
    const theirs = screen.getByRole('region', { name: 'Sam’s inbox' });
    expect(
      within(theirs).getByText(
        'From Fri 6 Mar 09:00: deliveries Monday and Thursday at 18:00, at most 3 messages a day.',
      ),
    ).toBeTruthy();
    const shared = screen.getByRole('region', { name: 'Shared terms' });
    expect(within(shared).getByText('Alex pays 60% of shared expenses, Sam pays 40%')).toBeTruthy();
    expect(within(shared).getByText('Sam proposes a change')).toBeTruthy();
    expect(within(shared).getByText('The sender does not see when a message was opened')).toBeTruthy();

    fireEvent.click(within(shared).getByRole('button', { name: 'Accept' }));
    const requests = api.requests;
    await waitFor(() =>
      expect(requests.map((request) => `${request.method} ${request.url}`)).toContain(
        `POST /api/cases/${CASE_ID}/proposals/p1/accept`,
      ),
    );
  });

  it('explains the floors and refuses terms below them before anything is sent', async () => {
    api = await renderApp(
      `/cases/${CASE_ID}/terms`,
      {
        [`GET /api/cases/${CASE_ID}`]: { status: 200, body: caseDetail() },
        [`GET /api/cases/${CASE_ID}/settings`]: { status: 200, body: settings },
      },
      alex,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Change your inbox’s terms' }));
    expect(screen.getByText(/at least 2 delivery times a week, and at least 2 messages a day/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('At set times each week'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove delivery time 2' }));
    fireEvent.change(screen.getByLabelText('Messages a day from Sam'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save, in force in 24 hours' }));
    expect(
      screen.getByText("Choose at least 2 delivery times a week, so that the children's matters still get through."),
    ).toBeTruthy();
    expect(
      screen.getByText('Choose a whole number from 2 to 50. At least 2 a day keeps the channel open.'),
    ).toBeTruthy();
    expect(api.requests.some((request) => request.method === 'PUT')).toBe(false);
  });
});
