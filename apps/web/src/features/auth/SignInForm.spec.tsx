import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../api/types';
import { renderWithApi } from '../test/render';
import { startTestApi, type CannedAnswer, type TestApi } from '../test/testApi';
import { SignInForm } from './SignInForm';

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function renderSignInAnswering(loginAnswer: CannedAnswer) {
  api = await startTestApi({ 'POST /api/auth/login': loginAnswer });
  const signedIn: User[] = [];
  renderWithApi(<SignInForm onSignedIn={(user) => signedIn.push(user)} />, api.baseUrl);
  fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: ' sam@example.org ' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'short' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  return signedIn;
}

describe('SignInForm', () => {
  it('shows the field message of a 400 answer next to its field', async () => {
    const signedIn = await renderSignInAnswering({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Some fields are not valid',
        details: [{ field: 'password', rule: 'minLength', message: 'Passwords have at least 12 characters.' }],
      },
    });

    const message = await screen.findByText('Passwords have at least 12 characters.');
    const password = screen.getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(screen.getByLabelText('E-mail').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Some details need another look; see the notes next to them.');
    expect(signedIn).toEqual([]);
    expect(api?.requests[0]?.body).toEqual({ email: 'sam@example.org', password: 'short' });
  });

  it('says when sign-in can be tried again after too many attempts', async () => {
    await renderSignInAnswering({
      status: 429,
      body: {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Too many sign-in attempts.',
        retryAt: '2026-03-14T09:05:00.000Z',
      },
    });

    expect(await screen.findByText('Too many attempts. You can try again at 09:05.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('hands the signed-in user on', async () => {
    const user = { id: 'u1', email: 'sam@example.org', displayName: 'Sam' };
    const signedIn = await renderSignInAnswering({ status: 200, body: { user, token: 't' } });

    await waitFor(() => expect(signedIn).toEqual([user]));
  });
});
