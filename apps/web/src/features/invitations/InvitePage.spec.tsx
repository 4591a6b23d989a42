import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../api/types';
import { renderWithApi } from '../test/render';
import { startTestApi, type CannedAnswer, type TestApi } from '../test/testApi';
import { InvitePage } from './InvitePage';

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
  window.history.replaceState(null, '', '/');
});

const invitation = {
  caseName: 'Mia and Leo',
  invitedBy: { displayName: 'Alex' },
  email: 'sam@example.org',
  expiresAt: '2026-03-20T10:00:00.000Z',
};
const sam: User = { id: 'u2', email: 'sam@example.org', displayName: 'Sam' };

async function renderInvite(answers: Record<string, CannedAnswer>, user: User | null) {
  api = await startTestApi(answers);
  window.history.replaceState(null, '', '/invite/tok-1');
  renderWithApi(<InvitePage token="tok-1" user={user} onSignedIn={() => {}} onSignedOut={() => {}} />, api.baseUrl);
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

  it('accepts the invitation for a signed-in parent and goes to the start page', async () => {
    await renderInvite(
      {
        'GET /api/invitations/tok-1': { status: 200, body: invitation },
        'POST /api/invitations/tok-1/accept': { status: 200, body: { id: 'case-1' } },
      },
      sam,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Accept invitation' }));

    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(api?.requests.map((request) => `${request.method} ${request.url}`)).toContain(
      'POST /api/invitations/tok-1/accept',
    );
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
