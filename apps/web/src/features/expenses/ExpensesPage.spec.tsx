import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { alex, CASE_ID, caseDetail, sam } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import type { CannedAnswer, TestApi } from '../../test/testApi';
import type { BalanceLine, Expense, Payment } from './expensesApi';

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

const BASE = `/api/cases/${CASE_ID}`;

function expense(overrides: Partial<Expense>): Expense {
  return {
    id: 'e1',
    loggedBy: alex.id,
    category: 'school',
    description: 'School trip to the science museum',
    incurredOn: '2026-03-04',
    amountMinor: 4800,
    currency: 'GBP',
    minorDigits: 2,
    splitSource: 'case',
    shares: [
      { parentId: alex.id, basisPoints: 6000, amountMinor: 2880 },
      { parentId: sam.id, basisPoints: 4000, amountMinor: 1920 },
    ],
    status: 'pending',
    loggedAt: '2026-03-04T10:00:00.000Z',
    decidedAt: null,
    decidedBy: null,
    disputeReason: null,
    closedAt: null,
    replacesExpenseId: null,
    replacedByExpenseId: null,
    receipts: [],
    ...overrides,
  };
}

const expenses: Expense[] = [
  expense({
    id: 'e1',
    receipts: [
      {
        id: 'r1',
        mediaType: 'image/jpeg',
        sizeBytes: 820_000,
        sha256: 'a'.repeat(64),
        uploadedBy: alex.id,
        uploadedAt: '2026-03-04T10:01:00.000Z',
      },
    ],
  }),
  expense({
    id: 'e2',
    description: 'Dentist check-up for Leo',
    category: 'medical',
    incurredOn: '2026-03-02',
    amountMinor: 6825,
    status: 'approved',
    shares: [
      { parentId: alex.id, basisPoints: 6000, amountMinor: 4095 },
      { parentId: sam.id, basisPoints: 4000, amountMinor: 2730 },
    ],
  }),
  expense({
    id: 'e3',
    description: 'Swimming lessons',
    category: 'activities',
    incurredOn: '2026-03-01',
    status: 'disputed',
    disputeReason: 'This was agreed as yours alone.',
  }),
];

const payments: Payment[] = [
  {
    id: 'p1',
    paidBy: alex.id,
    paidTo: sam.id,
    amountMinor: 1500,
    currency: 'GBP',
    minorDigits: 2,
    paidOn: '2026-03-05',
    method: 'bank_transfer',
    reference: 'costume',
    status: 'recorded',
    recordedAt: '2026-03-05T09:00:00.000Z',
    confirmedAt: null,
    proofs: [],
  },
];

const balances: BalanceLine[] = [
  { currency: 'GBP', minorDigits: 2, fromParentId: sam.id, toParentId: alex.id, amountMinor: 2730 },
];

function answers(extra: Record<string, CannedAnswer> = {}): Record<string, CannedAnswer> {
  return {
    [`GET ${BASE}`]: { status: 200, body: caseDetail({ timeZone: 'Europe/London' }) },
    [`GET ${BASE}/expenses?limit=100`]: { status: 200, body: { items: expenses, nextCursor: null } },
    [`GET ${BASE}/payments?limit=100`]: { status: 200, body: { items: payments, nextCursor: null } },
    [`GET ${BASE}/balance`]: { status: 200, body: { balances } },
    ...extra,
  };
}

describe('ExpensesPage', () => {
  it('states the balance in one sentence and each expense with its state in words, for the parent who approves', async () => {
    api = await renderApp(
      `/cases/${CASE_ID}/expenses`,
      answers({ [`POST ${BASE}/expenses/e1/approve`]: { status: 200, body: expense({ status: 'approved' }) } }),
      sam,
    );
    expect(await screen.findByText('Sam owes Alex £27.30.')).toBeTruthy();
    expect(
      screen.getByText('1 expense waits for your approval; 1 payment waits for you to confirm receiving it.'),
    ).toBeTruthy();

    const trip = screen.getByRole('article', { name: 'School trip to the science museum' });
    expect(within(trip).getByText('Awaiting approval')).toBeTruthy();
    expect(within(trip).getByText('Waiting for you to approve or dispute it.')).toBeTruthy();
    expect(within(trip).getByText('£48.00')).toBeTruthy();
    expect(within(trip).getByText('Alex £28.80 (60%), Sam £19.20 (40%)')).toBeTruthy();
    expect(within(trip).getByRole('button', { name: /See receipt 1/ })).toBeTruthy();

    const dentist = screen.getByRole('article', { name: 'Dentist check-up for Leo' });
    expect(within(dentist).getByText('Approved')).toBeTruthy();
    expect(within(dentist).getByText('Not yet settled: Sam owes £27.30.')).toBeTruthy();

    const swimming = screen.getByRole('article', { name: 'Swimming lessons' });
    expect(within(swimming).getByText('Disputed')).toBeTruthy();
    expect(within(swimming).getByText('This was agreed as yours alone.')).toBeTruthy();
    // Only the parent who logged it may withdraw or resubmit.
    expect(within(swimming).queryByRole('button', { name: /Withdraw|Resubmit/ })).toBeNull();

    fireEvent.click(within(trip).getByRole('button', { name: 'Approve School trip to the science museum' }));
    await waitFor(() =>
      expect(api?.requests.some((request) => request.url === `${BASE}/expenses/e1/approve`)).toBe(true),
    );
    expect(await screen.findByText('Approved: it now counts in the balance.')).toBeTruthy();
  });

  it('filters by state and by category, from the address', async () => {
    api = await renderApp(`/cases/${CASE_ID}/expenses?state=disputed`, answers(), sam);
    await screen.findByText('Sam owes Alex £27.30.');
    expect(screen.getAllByRole('article').filter((article) => article.classList.contains('expense'))).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Disputed (1)' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('link', { name: 'All (3)' }));
    await waitFor(() =>
      expect(screen.getAllByRole('article').filter((article) => article.classList.contains('expense'))).toHaveLength(3),
    );
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'medical' } });
    await waitFor(() =>
      expect(screen.getAllByRole('article').filter((article) => article.classList.contains('expense'))).toHaveLength(1),
    );
    expect(screen.getByRole('article', { name: 'Dentist check-up for Leo' })).toBeTruthy();
  });

  it('asks for a reason before disputing, and sends it', async () => {
    api = await renderApp(
      `/cases/${CASE_ID}/expenses`,
      answers({ [`POST ${BASE}/expenses/e1/dispute`]: { status: 200, body: expense({ status: 'disputed' }) } }),
      sam,
    );
    const trip = await screen.findByRole('article', { name: 'School trip to the science museum' });
    fireEvent.click(within(trip).getByRole('button', { name: 'Dispute School trip to the science museum' }));
    fireEvent.click(within(trip).getByRole('button', { name: 'Send the dispute' }));
    expect(within(trip).getByText('Please give a reason, so that it can be corrected.')).toBeTruthy();
    fireEvent.change(within(trip).getByLabelText('Reason'), { target: { value: 'The receipt shows £30.' } });
    fireEvent.click(within(trip).getByRole('button', { name: 'Send the dispute' }));
    await waitFor(() =>
      expect(api?.requests.find((request) => request.url === `${BASE}/expenses/e1/dispute`)?.body).toEqual({
        reason: 'The receipt shows £30.',
      }),
    );
  });

  it('adds an expense: the amount typed in pounds goes as integer pence, with a split for this expense', async () => {
    api = await renderApp(
      `/cases/${CASE_ID}/expenses`,
      answers({ [`POST ${BASE}/expenses`]: { status: 201, body: expense({ id: 'e9' }) } }),
      alex,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Add an expense' }));
    const form = screen.getByRole('form', { name: 'Add an expense' });
    expect(within(form).getByLabelText(/The case’s split: Alex 60%, Sam 40%/)).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Add the expense' }));
    expect(within(form).getByText('Please choose a category.')).toBeTruthy();
    expect(within(form).getByText('Please give the amount.')).toBeTruthy();
    expect(api.requests.some((request) => request.method === 'POST')).toBe(false);

    fireEvent.change(within(form).getByLabelText('Category'), { target: { value: 'clothing' } });
    fireEvent.change(within(form).getByLabelText('What it was for'), { target: { value: 'Football boots, size 2' } });
    fireEvent.change(within(form).getByLabelText('Date paid'), { target: { value: '2026-03-06' } });
    fireEvent.change(within(form).getByLabelText('Amount'), { target: { value: '45.505' } });
    fireEvent.change(within(form).getByLabelText('Amount'), { target: { value: '45,50' } });
    fireEvent.click(within(form).getByLabelText('Another split for this expense'));
    fireEvent.change(within(form).getByLabelText('Alex’s share, in %'), { target: { value: '70' } });
    expect(within(form).getByText('Sam pays the rest: 30%.')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Add the expense' }));
    await waitFor(() =>
      expect(
        api?.requests.find((request) => request.method === 'POST' && request.url === `${BASE}/expenses`)?.body,
      ).toEqual({
        category: 'clothing',
        description: 'Football boots, size 2',
        incurredOn: '2026-03-06',
        amountMinor: 4550,
        currency: 'GBP',
        shares: [
          { parentId: alex.id, basisPoints: 7000 },
          { parentId: sam.id, basisPoints: 3000 },
        ],
      }),
    );
    expect(await screen.findByText('The expense was added and sent for approval.')).toBeTruthy();
  });

  it('lets the parent who logged a disputed expense resubmit a correction, prefilled, or withdraw it', async () => {
    api = await renderApp(
      `/cases/${CASE_ID}/expenses`,
      answers({
        [`POST ${BASE}/expenses/e3/resubmit`]: { status: 201, body: expense({ id: 'e4', replacesExpenseId: 'e3' }) },
        [`POST ${BASE}/expenses/e1/withdraw`]: { status: 200, body: expense({ status: 'withdrawn' }) },
      }),
      alex,
    );
    const swimming = await screen.findByRole('article', { name: 'Swimming lessons' });
    expect(within(swimming).getByText('Disputed. You can withdraw it, or resubmit it with a correction.')).toBeTruthy();
    fireEvent.click(within(swimming).getByRole('button', { name: 'Resubmit with a correction: Swimming lessons' }));
    const form = screen.getByRole('form', { name: 'Resubmit with a correction' });
    expect(within(form).getByText('This was agreed as yours alone.')).toBeTruthy();
    expect(within(form).getByLabelText<HTMLInputElement>('What it was for').value).toBe('Swimming lessons');
    expect(within(form).getByLabelText<HTMLInputElement>('Amount').value).toBe('48.00');
    fireEvent.change(within(form).getByLabelText('Amount'), { target: { value: '30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send the correction' }));
    await waitFor(() =>
      expect(api?.requests.find((request) => request.url === `${BASE}/expenses/e3/resubmit`)?.body).toEqual({
        category: 'activities',
        description: 'Swimming lessons',
        incurredOn: '2026-03-01',
        amountMinor: 3000,
        currency: 'GBP',
      }),
    );
    expect(await screen.findByText('The corrected expense was sent for approval.')).toBeTruthy();

    const trip = screen.getByRole('article', { name: 'School trip to the science museum' });
    fireEvent.click(within(trip).getByRole('button', { name: 'Withdraw School trip to the science museum' }));
    expect(within(trip).getByText('Withdraw this expense? It stays in the record, and no longer counts.')).toBeTruthy();
    fireEvent.click(within(trip).getByRole('button', { name: 'Withdraw it' }));
    await waitFor(() =>
      expect(api?.requests.some((request) => request.url === `${BASE}/expenses/e1/withdraw`)).toBe(true),
    );
  });

  it('lets the parent who was paid confirm receipt', async () => {
    api = await renderApp(
      `/cases/${CASE_ID}/expenses`,
      answers({ [`POST ${BASE}/payments/p1/confirm`]: { status: 200, body: { ...payments[0], status: 'confirmed' } } }),
      sam,
    );
    const payment = await screen.findByRole('article', { name: 'Alex paid Sam £15.00' });
    expect(within(payment).getByText('Waiting for you to confirm you received it.')).toBeTruthy();
    expect(
      within(payment).getByText(/^Paid on (5 March|March 5,) 2026 by bank transfer, reference “costume”\.$/),
    ).toBeTruthy();
    fireEvent.click(within(payment).getByRole('button', { name: 'Confirm you received £15.00' }));
    await waitFor(() =>
      expect(api?.requests.some((request) => request.url === `${BASE}/payments/p1/confirm`)).toBe(true),
    );
  });

  it('offers the CSV for a range', async () => {
    api = await renderApp(`/cases/${CASE_ID}/expenses`, answers(), alex);
    const link = await screen.findByRole('link', { name: 'Download the CSV' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-31' } });
    expect(screen.getByRole('link', { name: 'Download the CSV' }).getAttribute('href')).toBe(
      `${BASE}/expenses.csv?from=2026-03-01&to=2026-03-31`,
    );
    expect(link).toBeTruthy();
  });
});
