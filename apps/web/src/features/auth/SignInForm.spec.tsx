import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sam } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import type { CannedAnswer, TestApi } from '../../test/testApi';

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function signInAnswering(loginAnswer: CannedAnswer) {
  api = await renderApp(
    '/',
    { 'POST /api/auth/login': loginAnswer, 'GET /api/cases': { status: 200, body: { items: [] } } },
    null,
  );
  const form = await screen.findByRole('form', { name: 'Sign in' });
  fireEvent.change(within(form).getByLabelText('E-mail'), { target: { value: ' sam@example.org ' } });
  fireEvent.change(within(form).getByLabelText('Password'), { target: { value: 'short' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
  return form;
}

describe('SignInForm', () => {
  it('shows a field problem in plain words next to its field, not the API’s validator text', async () => {
    const form = await signInAnswering({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'password must be at least 12 characters long',
        details: [{ field: 'password', rule: 'minLength', message: 'password must be at least 12 characters long' }],
      },
    });

    const message = await within(form).findByText('Use at least 12 characters. A few unrelated words work well.');
    const password = within(form).getByLabelText('Password');
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(password.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    expect(within(form).getByLabelText('E-mail').getAttribute('aria-invalid')).toBeNull();
    expect(within(form).getByRole('status').textContent).toBe(
      'Some details need another look; see the notes next to them.',
    );
    expect(screen.queryByText(/must be at least/)).toBeNull();
    expect(api?.requests.find((request) => request.url === '/api/auth/login')?.body).toEqual({
      email: 'sam@example.org',
      password: 'short',
    });
  });

  it('says the same about a wrong address and a wrong password, next to neither field', async () => {
    const form = await signInAnswering({
      status: 401,
      body: {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'No account uses this e-mail address.',
        details: [{ field: 'email', rule: 'registered', message: 'no account uses this e-mail address' }],
      },
    });

    expect(
      await within(form).findByText(
        'The e-mail address and password do not match an account. Please check both and try again.',
      ),
    ).toBeTruthy();
    expect(within(form).getByLabelText('E-mail').getAttribute('aria-invalid')).toBeNull();
  });

  it('says when sign-in can be tried again after too many attempts', async () => {
    const later = new Date();
    later.setHours(23, 59, 0, 0);
    const form = await signInAnswering({
      status: 429,
      body: {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Too many sign-in attempts.',
        retryAt: later.toISOString(),
      },
    });

    expect(await within(form).findByText('Too many attempts. You can try again at 23:59.')).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Sign in' })).toBeTruthy();
  });

  it('signs in for the whole app: the header names the user and the cases appear', async () => {
    await signInAnswering({ status: 200, body: { user: sam, token: 't' } });

    expect(await screen.findByText('Signed in as Sam')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Your cases' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('signs out to the start page', async () => {
    api = await renderApp(
      '/',
      { 'GET /api/cases': { status: 200, body: { items: [] } }, 'POST /api/auth/logout': { status: 204 } },
      sam,
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByText('Signed in as Sam')).toBeNull();
  });
});
