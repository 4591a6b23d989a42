import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sam } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import type { CannedAnswer, TestApi } from '../../test/testApi';
import { nextTryMessage } from './authWords';

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

const ASKS_FOR_CODE: CannedAnswer = { status: 200, body: { secondFactorRequired: true, challenge: 'ch-1' } };

/** Signs in with a right password on an account with the second step; answers the second step with `second`. */
async function reachSecondStep(second: CannedAnswer) {
  api = await renderApp(
    '/',
    {
      'POST /api/auth/login': ASKS_FOR_CODE,
      'POST /api/auth/login/second-factor': second,
      'GET /api/cases': { status: 200, body: { items: [] } },
    },
    null,
  );
  const form = await screen.findByRole('form', { name: 'Sign in' });
  fireEvent.change(within(form).getByLabelText('E-mail'), { target: { value: 'sam@example.org' } });
  fireEvent.change(within(form).getByLabelText('Password'), { target: { value: 'a long private phrase' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
  return screen.findByRole('form', { name: 'Sign in: one more step' });
}

function secondStepRequest() {
  return api?.requests.find((request) => request.url === '/api/auth/login/second-factor')?.body;
}

describe('signing in with a second step', () => {
  it('asks for the app code in a numeric one-time-code field, focused, and signs in with it', async () => {
    const step = await reachSecondStep({ status: 200, body: { user: sam, token: 't' } });
    const code = within(step).getByLabelText('Code from your authenticator app');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    await waitFor(() => expect(document.activeElement).toBe(code));

    fireEvent.change(code, { target: { value: '123 456' } });
    fireEvent.click(within(step).getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Signed in as Sam')).toBeTruthy();
    expect(secondStepRequest()).toEqual({ challenge: 'ch-1', code: '123456' });
  });

  it('checks the code is 6 digits before sending anything', async () => {
    const step = await reachSecondStep({ status: 200, body: { user: sam, token: 't' } });
    fireEvent.change(within(step).getByLabelText('Code from your authenticator app'), { target: { value: '12a' } });
    fireEvent.click(within(step).getByRole('button', { name: 'Sign in' }));

    expect(await within(step).findByText('The code is 6 digits. Please check it.')).toBeTruthy();
    expect(secondStepRequest()).toBeUndefined();
  });

  it('says a refused code in plain words, next to the field', async () => {
    const step = await reachSecondStep({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: 'The code is not correct.' },
    });
    const code = within(step).getByLabelText('Code from your authenticator app');
    fireEvent.change(code, { target: { value: '000000' } });
    fireEvent.click(within(step).getByRole('button', { name: 'Sign in' }));

    expect(
      await within(step).findByText(
        'That code did not work. Codes change every 30 seconds; please type the one your app shows now.',
      ),
    ).toBeTruthy();
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByText('The code is not correct.')).toBeNull();
  });

  it('takes a recovery code instead', async () => {
    const step = await reachSecondStep({ status: 200, body: { user: sam, token: 't' } });
    fireEvent.click(within(step).getByRole('button', { name: 'Use a recovery code instead' }));
    const recovery = within(step).getByLabelText('Recovery code');
    expect(document.activeElement).toBe(recovery);
    fireEvent.change(recovery, { target: { value: ' abcd-efgh ' } });
    fireEvent.click(within(step).getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Signed in as Sam')).toBeTruthy();
    expect(secondStepRequest()).toEqual({ challenge: 'ch-1', recoveryCode: 'abcd-efgh' });
  });

  it('after too many codes, says when the next try is allowed', async () => {
    const later = new Date();
    later.setHours(23, 59, 0, 0);
    const step = await reachSecondStep({
      status: 429,
      body: {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Too many attempts.',
        retryAt: later.toISOString(),
      },
    });
    fireEvent.change(within(step).getByLabelText('Code from your authenticator app'), { target: { value: '111111' } });
    fireEvent.click(within(step).getByRole('button', { name: 'Sign in' }));

    expect(await within(step).findByText('Too many attempts. You can try again at 23:59.')).toBeTruthy();
  });

  it('goes back to the password when the sign-in waited too long', async () => {
    const step = await reachSecondStep({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'challenge expired',
        details: [{ field: 'challenge', rule: 'expired', message: 'the challenge has expired' }],
      },
    });
    fireEvent.change(within(step).getByLabelText('Code from your authenticator app'), { target: { value: '111111' } });
    fireEvent.click(within(step).getByRole('button', { name: 'Sign in' }));
    expect(
      await within(step).findByText('This sign-in was left waiting too long. Please start again with your password.'),
    ).toBeTruthy();

    fireEvent.click(within(step).getByRole('button', { name: 'Start again' }));
    const form = await screen.findByRole('form', { name: 'Sign in' });
    expect(within(form).getByLabelText<HTMLInputElement>('E-mail').value).toBe('sam@example.org');
    expect(within(form).getByLabelText<HTMLInputElement>('Password').value).toBe('');
  });
});

describe('nextTryMessage', () => {
  it('gives the time alone today, and the day too when the wait reaches into another day', () => {
    const now = new Date(2026, 2, 14, 22, 0);
    expect(nextTryMessage(new Date(2026, 2, 14, 22, 15), now)).toBe('Too many attempts. You can try again at 22:15.');
    expect(nextTryMessage(new Date(2026, 2, 15, 0, 15), now)).toMatch(
      /^Too many attempts\. You can try again on .*15.* at 00:15\.$/,
    );
    expect(nextTryMessage(null, now)).toBe('Too many attempts. Please wait a little and try again.');
  });
});
