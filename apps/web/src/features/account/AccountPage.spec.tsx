import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sam } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import type { CannedAnswer, TestApi } from '../../test/testApi';
import { SIGNED_OUT_EVERYWHERE } from './SessionsSection';
import { groupedSecret } from './SecondStepSection';

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

const SESSIONS = {
  items: [
    {
      id: 's-old',
      createdAt: '2026-02-01T08:00:00.000Z',
      lastSeenAt: '2026-02-03T08:00:00.000Z',
      device: 'Firefox on Windows',
      current: false,
    },
    {
      id: 's-here',
      createdAt: '2026-03-01T08:00:00.000Z',
      lastSeenAt: '2026-03-14T09:00:00.000Z',
      device: 'Chrome on Linux',
      current: true,
    },
  ],
};

async function openAccount(answers: Record<string, CannedAnswer> = {}) {
  api = await renderApp(
    '/account',
    {
      'GET /api/auth/sessions': { status: 200, body: SESSIONS },
      'GET /api/cases': { status: 200, body: { items: [] } },
      ...answers,
    },
    sam,
  );
  expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeTruthy();
  return api;
}

function requestTo(method: string, url: string) {
  return api?.requests.find((request) => request.method === method && request.url === url);
}

describe('the account page', () => {
  it('is linked from the header and asks a signed-out visitor to sign in first', async () => {
    api = await renderApp(
      '/',
      {
        'GET /api/cases': { status: 200, body: { items: [] } },
        'GET /api/auth/sessions': { status: 200, body: SESSIONS },
      },
      sam,
    );
    fireEvent.click(await screen.findByRole('link', { name: 'Your account' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your account' })).toBeTruthy();
    await api.close();

    api = await renderApp('/account', {}, null);
    expect(await screen.findByText(/Please sign in to open that page/)).toBeTruthy();
  });

  it('lists the sessions, this device first, with device and last activity', async () => {
    await openAccount();
    const items = await screen.findAllByRole('listitem');
    expect(items[0]?.textContent).toContain('Chrome on Linux');
    expect(within(items[0]!).getByText('This device')).toBeTruthy();
    expect(items[0]?.textContent).toMatch(/Last active .*2026/);
    expect(items[1]?.textContent).toContain('Firefox on Windows');
    expect(within(items[1]!).queryByText('This device')).toBeNull();
  });

  it('signs another device out and takes it off the list', async () => {
    await openAccount({ 'DELETE /api/auth/sessions/s-old': { status: 204 } });
    const items = await screen.findAllByRole('listitem');
    fireEvent.click(within(items[1]!).getByRole('button', { name: 'Sign out of this device' }));

    await expect.poll(() => screen.queryByText('Firefox on Windows')).toBeNull();
    expect(requestTo('DELETE', '/api/auth/sessions/s-old')).toBeTruthy();
    expect(screen.getByText('Signed in as Sam')).toBeTruthy();
  });

  it('asks before signing out everywhere, then is signed out here too', async () => {
    await openAccount({
      'DELETE /api/auth/sessions': { status: 204 },
      'POST /api/auth/logout': {
        status: 401,
        body: { statusCode: 401, error: 'Unauthorized', message: 'Please sign in.' },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    expect(screen.getByText(/This signs you out on every device listed here, this one included/)).toBeTruthy();
    expect(requestTo('DELETE', '/api/auth/sessions')).toBeUndefined();

    fireEvent.click(screen.getByRole('button', { name: 'Yes, sign out everywhere' }));

    expect(await screen.findByText(SIGNED_OUT_EVERYWHERE)).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByText('Signed in as Sam')).toBeNull();
    expect(screen.getByTestId('address').textContent).toBe('/');
  });

  it('can take back the question', async () => {
    await openAccount();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Sign out everywhere' })).toBeTruthy();
    expect(requestTo('DELETE', '/api/auth/sessions')).toBeUndefined();
  });
});

describe('changing the password', () => {
  async function change(answer: CannedAnswer, next = 'a new calm private phrase') {
    await openAccount({ 'POST /api/auth/password': answer });
    const form = screen.getByRole('form', { name: 'Password' });
    fireEvent.change(within(form).getByLabelText('Current password'), { target: { value: 'the old phrase here' } });
    fireEvent.change(within(form).getByLabelText('New password'), { target: { value: next } });
    fireEvent.click(within(form).getByRole('button', { name: 'Change password' }));
    return form;
  }

  it('sends both and says it is done', async () => {
    const form = await change({ status: 200, body: { message: 'ok' } });
    expect(await within(form).findByText(/Your password is changed/)).toBeTruthy();
    expect(requestTo('POST', '/api/auth/password')?.body).toEqual({
      currentPassword: 'the old phrase here',
      newPassword: 'a new calm private phrase',
    });
    expect(within(form).getByLabelText<HTMLInputElement>('Current password').value).toBe('');
  });

  it('says a wrong current password plainly, next to it', async () => {
    const form = await change({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'the password is not correct',
        details: [{ field: 'currentPassword', rule: 'matches', message: 'the password is not correct' }],
      },
    });
    expect(await within(form).findByText('This is not the password of your account. Please check it.')).toBeTruthy();
    expect(within(form).getByLabelText('Current password').getAttribute('aria-invalid')).toBe('true');
  });

  it('explains the policy for the new one before typing, and its rules in plain words', async () => {
    const form = await change({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'password must not contain your e-mail address',
        details: [{ field: 'newPassword', rule: 'notEmail', message: 'password must not contain your e-mail address' }],
      },
    });
    expect(within(form).getByText(/At least 12 characters, not a common password/)).toBeTruthy();
    expect(await within(form).findByText('The password must not contain your e-mail address.')).toBeTruthy();
  });
});

describe('changing the e-mail address', () => {
  it('asks for the new address and the password, then points to the new inbox', async () => {
    await openAccount({ 'POST /api/auth/email': { status: 202, body: { message: 'sent' } } });
    const form = screen.getByRole('form', { name: 'E-mail address' });
    fireEvent.change(within(form).getByLabelText('New e-mail address'), { target: { value: ' sam@new.example.org ' } });
    fireEvent.change(within(form).getByLabelText('Your password'), { target: { value: 'a long private phrase' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Change e-mail address' }));

    expect(await within(form).findByText(/Check your new inbox for a link/)).toBeTruthy();
    expect(within(form).getByText(/your address stays sam@example.org/)).toBeTruthy();
    expect(requestTo('POST', '/api/auth/email')?.body).toEqual({
      newEmail: 'sam@new.example.org',
      password: 'a long private phrase',
    });
  });

  it('confirms the new address from the mailed link, with a button', async () => {
    api = await renderApp(
      '/confirm-email/tok-9',
      {
        'POST /api/auth/email/tok-9': { status: 200, body: { user: { ...sam, email: 'sam@new.example.org' } } },
        'GET /api/auth/sessions': { status: 200, body: SESSIONS },
      },
      sam,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Confirm your new address' })).toBeTruthy();
    expect(requestTo('POST', '/api/auth/email/tok-9')).toBeUndefined();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm the new address' }));
    expect(await screen.findByText(/Your account now uses sam@new.example.org/)).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Back to your account' }));
    expect(await screen.findByText('Sam · sam@new.example.org')).toBeTruthy();
  });

  it('explains a link that was used or ran out', async () => {
    api = await renderApp(
      '/confirm-email/tok-9',
      { 'POST /api/auth/email/tok-9': { status: 410, body: { statusCode: 410, error: 'Gone', message: 'expired' } } },
      null,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm the new address' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'This link cannot be used any more' })).toBeTruthy();
  });
});

describe('the second step at sign-in', () => {
  const ENROLMENT = {
    secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
    otpauthUrl: 'otpauth://totp/Parallel:sam%40example.org?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Parallel',
  };
  const CODES = Array.from({ length: 10 }, (_, index) => `code-${index}-abcd`);

  it('turns on: QR code and key, a code to confirm, then the recovery codes once', async () => {
    await openAccount({
      'POST /api/auth/totp': { status: 201, body: ENROLMENT },
      'POST /api/auth/totp/confirm': { status: 200, body: { recoveryCodes: CODES } },
    });
    const section = screen.getByRole('region', { name: 'Second step at sign-in' });
    fireEvent.click(await within(section).findByRole('button', { name: 'Turn on the second step' }));

    expect(await within(section).findByRole('img', { name: /QR code/ })).toBeTruthy();
    expect(within(section).getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP')).toBeTruthy();
    const code = within(section).getByLabelText('The 6-digit code your app now shows');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    fireEvent.change(code, { target: { value: '654321' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Turn on' }));

    expect(await within(section).findByText(/Save these somewhere safe; each works once/)).toBeTruthy();
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(CODES);
    expect(within(section).getByRole('button', { name: 'Copy the codes' })).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Download the codes' }).getAttribute('download')).toBe(
      'parallel-recovery-codes.txt',
    );
    expect(requestTo('POST', '/api/auth/totp/confirm')?.body).toEqual({ code: '654321' });

    fireEvent.click(within(section).getByRole('button', { name: 'I have saved them' }));
    expect(within(section).queryByText('code-0-abcd')).toBeNull();
    expect(within(section).getByRole('button', { name: 'Turn off the second step' })).toBeTruthy();
  });

  it('says a code that did not work in plain words', async () => {
    await openAccount({
      'POST /api/auth/totp': { status: 201, body: ENROLMENT },
      'POST /api/auth/totp/confirm': {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'x',
          details: [{ field: 'code', rule: 'matches', message: 'x' }],
        },
      },
    });
    const section = screen.getByRole('region', { name: 'Second step at sign-in' });
    fireEvent.click(await within(section).findByRole('button', { name: 'Turn on the second step' }));
    fireEvent.change(await within(section).findByLabelText('The 6-digit code your app now shows'), {
      target: { value: '000000' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Turn on' }));
    expect(await within(section).findByText(/That code did not work/)).toBeTruthy();
  });

  it('turns off with the password when it is on', async () => {
    api = await renderApp(
      '/account',
      {
        'GET /api/auth/me': { status: 200, body: { user: sam, preferences: { shield: true }, totpEnabled: true } },
        'GET /api/auth/sessions': { status: 200, body: SESSIONS },
        'DELETE /api/auth/totp': { status: 204 },
      },
      sam,
    );
    const section = await screen.findByRole('region', { name: 'Second step at sign-in' });
    fireEvent.change(await within(section).findByLabelText('Your password'), {
      target: { value: 'a long private phrase' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Turn off the second step' }));
    expect(await within(section).findByRole('button', { name: 'Turn on the second step' })).toBeTruthy();
    expect(requestTo('DELETE', '/api/auth/totp')?.body).toEqual({ password: 'a long private phrase' });
  });

  it('groups the key in fours for typing', () => {
    expect(groupedSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
  });
});
