import {
  accessEndsAfterDay,
  accessLastDayChoices,
  nextLedgerEntry,
  type LedgerEntry as DomainEntry,
} from '@parallel/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { alex, CASE_ID, caseDetail, sam } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import type { CannedAnswer, TestApi } from '../../test/testApi';
import type { ProfessionalAccess, ProfessionalView } from './accessApi';
import { accessEndInWords, accessStatusInWords } from './accessWords';

const ZONE = 'Europe/Berlin';
const SECRET = 'k3Jd'.repeat(10) + 'abc';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** A one-entry record, real record format 1, so the page's own check passes. */
function record(): DomainEntry[] {
  return [
    nextLedgerEntry(null, {
      caseId: CASE_ID,
      at: '2026-03-01T08:00:00.000Z',
      type: 'case.created',
      actorId: alex.id,
      salt: '0'.repeat(32),
      payload: {
        name: 'Mia and Leo',
        timeZone: ZONE,
        children: ['Mia', 'Leo'],
        terms: {
          cadence: { mode: 'immediate' },
          dailyQuota: 3,
          urgentPer30Days: 2,
          showReadTimes: true,
          split: { firstParentBasisPoints: 5000 },
        },
      },
    }),
  ];
}

const JANE: ProfessionalAccess = {
  id: '0e0e0e0e-0000-4000-8000-000000000001',
  caseId: CASE_ID,
  role: 'lawyer',
  name: 'Jane Smith',
  email: 'jane@lawfirm.example',
  grantedBy: alex.id,
  grantedAt: '2026-03-02T09:00:00.000Z',
  expiresAt: '2026-04-01T22:00:00.000Z',
  status: 'active',
  revokedAt: null,
  revokedBy: null,
  visitCount: 2,
  lastVisitAt: '2026-03-03T10:15:00.000Z',
  canRevoke: true,
};

function recordAnswers(
  accesses: ProfessionalAccess[],
  more: Record<string, CannedAnswer> = {},
): Record<string, CannedAnswer> {
  const entries = record();
  const head = { seq: 1, hash: entries[0]!.hash };
  return {
    [`GET /api/cases/${CASE_ID}`]: { status: 200, body: caseDetail({ timeZone: ZONE, ledgerHead: head }) },
    [`GET /api/cases/${CASE_ID}/ledger?limit=1000`]: { status: 200, body: { items: entries, nextCursor: null } },
    [`GET /api/cases/${CASE_ID}/ledger/verify`]: {
      status: 200,
      body: { valid: true, count: 1, sealedCount: 0, headSeq: 1, headHash: head.hash },
    },
    [`GET /api/cases/${CASE_ID}/professional-access`]: { status: 200, body: { items: accesses } },
    ...more,
  };
}

describe('an access in words', () => {
  it.each([
    // Chosen as a last day: it ends at the midnight after, said as the end of that day (summer and winter time alike).
    ['2026-04-01T22:00:00.000Z', 'Europe/Berlin', 'the end of Wed 1 Apr 2026 (Europe/Berlin)'],
    ['2026-12-31T23:00:00.000Z', 'Europe/Berlin', 'the end of Thu 31 Dec 2026 (Europe/Berlin)'],
    ['2026-03-29T23:00:00.000Z', 'Europe/London', 'the end of Sun 29 Mar 2026 (Europe/London)'],
    // Any other time, as it is.
    ['2026-04-01T12:30:00.000Z', 'Europe/Berlin', 'Wed 1 Apr 2026, 14:30 (Europe/Berlin)'],
  ])('an end at %s in %s is "%s"', (iso, zone, words) => {
    expect(accessEndInWords(iso, zone)).toBe(words);
  });

  it('says who ended an access, and when an expired one was open until', () => {
    const parents = caseDetail().parents;
    expect(
      accessStatusInWords(
        { ...JANE, status: 'revoked', revokedBy: sam.id, revokedAt: '2026-03-04T08:00:00.000Z' },
        alex.id,
        parents,
        ZONE,
      ),
    ).toBe('Ended by Sam Wed 4 Mar 2026, 09:00 (Europe/Berlin).');
    expect(accessStatusInWords({ ...JANE, status: 'expired' }, alex.id, parents, ZONE)).toBe(
      'Expired; it was open until the end of Wed 1 Apr 2026 (Europe/Berlin).',
    );
  });
});

describe('the professional access panel on the record page', () => {
  it('lists an access in words; its giver can end it, after confirming', async () => {
    api = await renderApp(
      `/cases/${CASE_ID}/record`,
      recordAnswers([JANE], {
        [`DELETE /api/cases/${CASE_ID}/professional-access/${JANE.id}`]: {
          status: 200,
          body: { ...JANE, status: 'revoked', canRevoke: false },
        },
      }),
      alex,
    );
    const list = await screen.findByRole('list', { name: 'Professional access to this record' });
    expect(within(list).getByText('Jane Smith, lawyer')).toBeTruthy();
    expect(within(list).getByText('Open until the end of Wed 1 Apr 2026 (Europe/Berlin).')).toBeTruthy();
    expect(
      within(list).getByText(
        'Given by you Mon 2 Mar 2026, 10:00 (Europe/Berlin). Opened 2 times, last Tue 3 Mar 2026, 11:15 (Europe/Berlin).',
      ),
    ).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: 'End access' }));
    const confirm = within(list).getByRole('button', { name: 'End access now' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(api!.requests.some((request) => request.method === 'DELETE')).toBe(true));
  });

  it('tells the other parent who gave it, and gives them no way to end it', async () => {
    api = await renderApp(`/cases/${CASE_ID}/record`, recordAnswers([{ ...JANE, canRevoke: false }]), sam);
    const list = await screen.findByRole('list', { name: 'Professional access to this record' });
    expect(within(list).getByText(/^Given by Alex /)).toBeTruthy();
    expect(within(list).getByText('Only Alex, who gave it, can end it.')).toBeTruthy();
    expect(within(list).queryByRole('button', { name: 'End access' })).toBeNull();
  });

  it('gives access until the end of the chosen day in the case’s zone, then shows the link once', async () => {
    const url = `http://parallel.test/p/${SECRET}`;
    api = await renderApp(
      `/cases/${CASE_ID}/record`,
      recordAnswers([], {
        [`POST /api/cases/${CASE_ID}/professional-access`]: {
          status: 201,
          body: { access: JANE, url, mailDelivered: true },
        },
      }),
      alex,
    );
    expect(await screen.findByText('Nobody outside the two parents has access to this record.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Give access' });
    fireEvent.change(within(form).getByLabelText('Their name'), { target: { value: 'Jane Smith' } });
    fireEvent.change(within(form).getByLabelText(/Their e-mail address/), {
      target: { value: 'jane@lawfirm.example' },
    });
    fireEvent.click(within(form).getByLabelText(/Lawyer/));
    const lastDay = within(form).getByLabelText<HTMLInputElement>(/Last day of access/);
    const { suggested } = accessLastDayChoices(Date.now(), ZONE);
    expect(lastDay.value).toBe(suggested);
    fireEvent.click(within(form).getByRole('button', { name: 'Give access and send the link' }));
    expect(await screen.findByRole('heading', { name: 'Access given to Jane Smith, lawyer' })).toBeTruthy();
    expect(
      screen.getByText('The link was e-mailed to jane@lawfirm.example. The other parent has been told.'),
    ).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('The link').value).toBe(url);
    const sent = api.requests.find((request) => request.method === 'POST');
    expect(sent?.body).toEqual({
      name: 'Jane Smith',
      email: 'jane@lawfirm.example',
      role: 'lawyer',
      expiresAt: accessEndsAfterDay(suggested, ZONE),
    });
  });

  it('says a refusal in plain words beside its field', async () => {
    api = await renderApp(
      `/cases/${CASE_ID}/record`,
      recordAnswers([], {
        [`POST /api/cases/${CASE_ID}/professional-access`]: {
          status: 409,
          body: {
            statusCode: 409,
            error: 'Conflict',
            message: 'That address belongs to a parent.',
            details: [{ field: 'email', rule: 'notParent', message: 'email belongs to a parent in this case' }],
          },
        },
      }),
      alex,
    );
    const form = await screen.findByRole('form', { name: 'Give access' });
    fireEvent.click(within(form).getByRole('button', { name: 'Give access and send the link' }));
    expect(
      await within(form).findByText(
        'This address belongs to a parent in this case. Use the professional’s own address.',
      ),
    ).toBeTruthy();
  });
});

const VIEW: ProfessionalView = {
  professional: { name: 'Jane Smith', role: 'lawyer', email: 'jane@lawfirm.example' },
  grantedBy: { userId: alex.id, displayName: 'Alex', role: 'parent', joinedAt: '2026-03-01T08:00:00.000Z' },
  expiresAt: '2026-04-01T22:00:00.000Z',
  visitExpiresAt: '2026-03-05T21:00:00.000Z',
  case: { ...caseDetail({ timeZone: ZONE }), ledgerHead: { seq: 1, hash: record()[0]!.hash } },
};

describe('the professional’s link and read-only view', () => {
  it('exchanges the link once, cleans the address, and shows the record with its export and nothing to send', async () => {
    const entries = record();
    api = await renderApp(
      `/p/${SECRET}`,
      {
        'POST /api/professional/visits': { status: 201, body: VIEW },
        'GET /api/professional/visit': { status: 200, body: VIEW },
        'GET /api/professional/ledger?limit=1000': { status: 200, body: { items: entries, nextCursor: null } },
        'GET /api/professional/ledger/verify': {
          status: 200,
          body: { valid: true, count: 1, sealedCount: 0, headSeq: 1, headHash: entries[0]!.hash },
        },
      },
      null,
    );
    expect(
      await screen.findByText(/You are reading this record as Jane Smith, lawyer, with access given by Alex/),
    ).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('/p');
    expect(api.requests.filter((request) => request.method === 'POST')).toEqual([
      expect.objectContaining({ url: '/api/professional/visits', body: { secret: SECRET } }),
    ]);
    expect(await screen.findByText('Verified in this browser: 1 entry, unaltered.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Export for court' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Attempts held back from Alex' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /message/i })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Messages' })).toBeNull();
  });

  it('closes the view when asked, and says how to open it again', async () => {
    const entries = record();
    api = await renderApp(
      '/p',
      {
        'GET /api/professional/visit': { status: 200, body: VIEW },
        'GET /api/professional/ledger?limit=1000': { status: 200, body: { items: entries, nextCursor: null } },
        'GET /api/professional/ledger/verify': {
          status: 200,
          body: { valid: true, count: 1, sealedCount: 0, headSeq: 1, headHash: entries[0]!.hash },
        },
        'DELETE /api/professional/visit': { status: 204 },
      },
      null,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Close this view' }));
    expect(await screen.findByRole('heading', { name: 'The view is closed' })).toBeTruthy();
    expect(
      screen.getByText('This view is closed. To read the record again, open the link from your e-mail.'),
    ).toBeTruthy();
    expect(
      api.requests.some((request) => request.method === 'DELETE' && request.url === '/api/professional/visit'),
    ).toBe(true);
  });

  it('says why a link does not open, in the API’s plain words, with the address cleaned', async () => {
    const message = 'The parent who shared this record has ended your access. The link no longer opens it.';
    api = await renderApp(
      `/p/${SECRET}`,
      { 'POST /api/professional/visits': { status: 410, body: { statusCode: 410, error: 'Gone', message } } },
      null,
    );
    expect(await screen.findByRole('heading', { name: 'The record cannot be opened' })).toBeTruthy();
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('/p');
  });
});
