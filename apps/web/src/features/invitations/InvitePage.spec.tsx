import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../../api/types';
import { CASE_ID, caseDetail, sam } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import type { CannedAnswer, TestApi } from '../../test/testApi';

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

const invitation = {
  caseName: 'Mia and Leo',
  invitedBy: { displayName: 'Alex' },
  email: 'sam@example.org',
  expiresAt: '2026-03-20T10:00:00.000Z',
};

async function renderInvite(answers: Record<string, CannedAnswer>, user: User | null) {
  api = await renderApp('/invite/tok-1', answers, user);
}

describe('InvitePage', () => {
  it('shows who invited whom to which case, and the sign-in forms with the invited address', async () => {
    await renderInvite({ 'GET /api/invitations/tok-1': { status: 200, body: invitation } }, null);

    expect(await screen.findByText('Mia and Leo')).toBeTruthy();
    expect(screen.getByText(/Alex invited you to join the case/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    const emails = screen.getAllByLabelText<HTMLInputElement>('E-mail');
    expect(emails.map((input) => input.value)).toEqual(['sam@example.org', 'sam@example.org']);
  });

  it('accepts the invitation for a signed-in parent and opens the case', async () => {
    await renderInvite(
      {
        'GET /api/invitations/tok-1': { status: 200, body: invitation },
        'POST /api/invitations/tok-1/accept': { status: 200, body: caseDetail() },
        [`GET /api/cases/${CASE_ID}`]: { status: 200, body: caseDetail() },
      },
      sam,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Mia and Leo' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe(`/cases/${CASE_ID}`));
    expect(api?.requests.map((request) => `${request.method} ${request.url}`)).toContain(
      'POST /api/invitations/tok-1/accept',
    );
  });

  it('explains in the API’s own plain sentence why this account cannot accept', async () => {
    await renderInvite(
      {
        'GET /api/invitations/tok-1': { status: 200, body: invitation },
        'POST /api/invitations/tok-1/accept': {
          status: 403,
          body: {
            statusCode: 403,
            error: 'Forbidden',
            message: 'This invitation is for sam@example.org. Sign in with that address to accept it.',
          },
        },
      },
      { ...sam, email: 'other@example.org' },
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Accept invitation' }));

    expect(
      await screen.findByText('This invitation is for sam@example.org. Sign in with that address to accept it.'),
    ).toBeTruthy();
  });

  it.each([
    [404, /This invitation link was not found/],
    [410, /This invitation can no longer be used: it has expired or has already been accepted/],
  ])('explains calmly when the invitation answers %i', async (status, explanation) => {
    await renderInvite(
      { 'GET /api/invitations/tok-1': { status, body: { statusCode: status, error: 'Gone', message: 'Gone' } } },
      null,
    );

    expect(await screen.findByText(explanation)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the start page' }).getAttribute('href')).toBe('/');
    expect(screen.queryByRole('heading', { name: 'Sign in' })).toBeNull();
  });
});
