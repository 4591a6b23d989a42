import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import type { CannedAnswer, TestApi } from '../../test/testApi';
import { PASSWORD_POLICY } from './authWords';
import { RESET_LINK_SENT } from './ForgotPasswordPage';
import { PASSWORD_CHANGED } from './ResetPasswordPage';

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('forgot password', () => {
  it('is linked from sign-in', async () => {
    api = await renderApp('/', {}, null);
    fireEvent.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeTruthy();
    expect(screen.getByTestId('address').textContent).toBe('/forgot-password');
  });

  it('says the same calm sentence whatever the answer, and sends the address trimmed', async () => {
    api = await renderApp(
      '/forgot-password',
      { 'POST /api/auth/password-reset': { status: 202, body: { message: 'If an account uses this address…' } } },
      null,
    );
    fireEvent.change(await screen.findByLabelText('E-mail'), { target: { value: ' nobody@example.org ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));

    expect(await screen.findByText(RESET_LINK_SENT)).toBeTruthy();
    // The form that had focus is gone: focus is on the news that replaced it.
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Check your inbox' }));
    expect(RESET_LINK_SENT).toBe('If an account uses this address, a link is on its way. It works once, for an hour.');
    expect(api.requests.find((request) => request.url === '/api/auth/password-reset')?.body).toEqual({
      email: 'nobody@example.org',
    });
  });

  it('checks the address before sending', async () => {
    api = await renderApp('/forgot-password', {}, null);
    fireEvent.change(await screen.findByLabelText('E-mail'), { target: { value: 'not an address' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send the link' }));
    expect(await screen.findByText('This does not look like an e-mail address. Please check it.')).toBeTruthy();
    expect(api.requests.some((request) => request.url === '/api/auth/password-reset')).toBe(false);
  });
});

async function resetAnswering(answer: CannedAnswer, password = 'a new calm private phrase') {
  api = await renderApp(
    '/reset/tok-1',
    { 'POST /api/auth/password-reset/tok-1': answer, 'GET /api/cases': { status: 200, body: { items: [] } } },
    null,
  );
  expect(await screen.findByRole('heading', { level: 1, name: 'Choose a new password' })).toBeTruthy();
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('choosing a new password from the mailed link', () => {
  it('explains the policy before anything is typed', async () => {
    api = await renderApp('/reset/tok-1', {}, null);
    const field = await screen.findByLabelText('New password');
    const hint = screen.getByText(PASSWORD_POLICY);
    expect(field.getAttribute('aria-describedby')).toContain(hint.id);
    expect(field.getAttribute('autocomplete')).toBe('new-password');
  });

  it('changes the password, says every device was signed out, and offers sign-in', async () => {
    await resetAnswering({ status: 200, body: { message: 'Password changed.' } });

    expect(await screen.findByText(PASSWORD_CHANGED)).toBeTruthy();
    expect(PASSWORD_CHANGED).toBe('Your password is changed and every device was signed out. Sign in again.');
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeTruthy();
    expect(api?.requests.find((request) => request.url === '/api/auth/password-reset/tok-1')?.body).toEqual({
      password: 'a new calm private phrase',
    });
  });

  it('explains a used or expired link calmly, with a way to ask for a new one', async () => {
    await resetAnswering({
      status: 410,
      body: { statusCode: 410, error: 'Gone', message: 'This link has expired or was already used.' },
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'This link cannot be used any more' })).toBeTruthy();
    expect(screen.getByText(/Your password has not changed/)).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Ask for a new link' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Forgot your password?' })).toBeTruthy();
  });

  it('puts a password the API refuses in plain words next to the field', async () => {
    await resetAnswering({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'password is too easy to guess',
        details: [{ field: 'password', rule: 'notCommon', message: 'password is too easy to guess' }],
      },
    });

    expect(await screen.findByText('This password is easy to guess. A few unrelated words work well.')).toBeTruthy();
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBe('true');
  });

  it('checks the length in the browser first', async () => {
    await resetAnswering({ status: 200, body: {} }, 'short');
    expect(await screen.findByText('Use at least 12 characters. A few unrelated words work well.')).toBeTruthy();
    expect(api?.requests.some((request) => request.url.startsWith('/api/auth/password-reset'))).toBe(false);
  });
});
