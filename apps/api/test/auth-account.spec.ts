import { totpCode } from '../src/auth/totp';
import { registerParent, STRONG_PASSWORD, TestParent } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const NEW_PASSWORD = 'a brand new private phrase';
const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

describe('account recovery and control', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const login = (email: string, password = STRONG_PASSWORD, userAgent = 'test-agent') =>
    t.http().post('/api/auth/login').set('User-Agent', userAgent).set('X-Forwarded-For', '198.51.100.20').send({ email, password });
  const linkToken = (text: string | undefined, path: string) => new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(text ?? '')?.[1];

  it('resets a password by a mailed link: once, within an hour, newest only; ends every session and tells the owner', async () => {
    const parent = await registerParent(t, 'Reset');
    const other = await login(parent.user.email).expect(200);

    const unknown = await t.http().post('/api/auth/password-reset').send({ email: 'no.such.account@example.org' });
    const known = await t.http().post('/api/auth/password-reset').send({ email: parent.user.email });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);

    const firstMail = await t.mail.waitFor(parent.user.email, /new password/);
    const first = linkToken(firstMail.text, '/reset')!;
    expect(firstMail.text).toContain(`http://parallel.test/reset/${first}`);
    // A newer link replaces the older.
    await t.http().post('/api/auth/password-reset').send({ email: parent.user.email }).expect(202);
    await waitUntil(() => t.mail.mailsTo(parent.user.email, /new password/).length === 2);
    const second = linkToken(t.mail.mailsTo(parent.user.email, /new password/)[1]!.text, '/reset')!;
    expect((await t.http().post(`/api/auth/password-reset/${first}`).send({ password: NEW_PASSWORD })).status).toBe(410);

    // A weak password is refused and leaves the link usable.
    const weak = await t.http().post(`/api/auth/password-reset/${second}`).send({ password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.details).toContainEqual(expect.objectContaining({ field: 'password', rule: 'minLength' }));

    await t.http().post(`/api/auth/password-reset/${second}`).send({ password: NEW_PASSWORD }).expect(200);
    expect((await t.http().post(`/api/auth/password-reset/${second}`).send({ password: NEW_PASSWORD })).status).toBe(410);
    await t.http().get('/api/auth/me').set(parent.bearer).expect(401);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${other.body.token}`).expect(401);
    await t.mail.waitFor(parent.user.email, /password was changed/);
    await login(parent.user.email, NEW_PASSWORD).expect(200);
    await login(parent.user.email, STRONG_PASSWORD).expect(401);
  });

  it('a reset link expires after an hour', async () => {
    const parent = await registerParent(t, 'Expiry');
    await t.http().post('/api/auth/password-reset').send({ email: parent.user.email }).expect(202);
    const token = linkToken((await t.mail.waitFor(parent.user.email, /new password/)).text, '/reset')!;
    t.clock.advance(60 * 60 * 1000 + 1000);
    expect((await t.http().post(`/api/auth/password-reset/${token}`).send({ password: NEW_PASSWORD })).status).toBe(410);
    await login(parent.user.email).expect(200);
  });

  it('changes the password with the current one, ending the other sessions', async () => {
    const parent = await registerParent(t, 'Change');
    const other = await login(parent.user.email).expect(200);
    const wrong = await t.http().post('/api/auth/password').set(parent.bearer).send({ currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ field: 'currentPassword', rule: 'matches' })]);
    await t.http().post('/api/auth/password').set(parent.bearer).send({ currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD }).expect(200);
    await t.http().get('/api/auth/me').set(parent.bearer).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${other.body.token}`).expect(401);
    await t.mail.waitFor(parent.user.email, /password was changed/);
  });

  it('changes the e-mail address only when the link mailed to the new one is opened', async () => {
    const parent = await registerParent(t, 'Mover');
    const newEmail = `moved.${Date.now()}@example.org`;
    await t.http().post('/api/auth/email').set(parent.bearer).send({ newEmail, password: 'wrong password' }).expect(400);
    await t.http().post('/api/auth/email').set(parent.bearer).send({ newEmail, password: STRONG_PASSWORD }).expect(202);
    await t.mail.waitFor(parent.user.email, /change of your Parallel address/);
    const token = linkToken((await t.mail.waitFor(newEmail, /Confirm your new address/)).text, '/confirm-email')!;
    expect((await t.http().get('/api/auth/me').set(parent.bearer).expect(200)).body.user.email).toBe(parent.user.email);
    const confirmed = await t.http().post(`/api/auth/email/${token}`).expect(200);
    expect(confirmed.body.user).toMatchObject({ id: parent.user.id, email: newEmail });
    expect((await t.http().post(`/api/auth/email/${token}`)).status).toBe(410);
    await login(newEmail).expect(200);
    await login(parent.user.email).expect(401);
  });

  it('lists one’s own sessions, ends one (own only), and signs out everywhere', async () => {
    const parent = await registerParent(t, 'Sessions');
    const stranger = await registerParent(t, 'Stranger');
    const phone = await login(parent.user.email, STRONG_PASSWORD, CHROME_ANDROID).expect(200);
    const list = await t.http().get('/api/auth/sessions').set(parent.bearer).expect(200);
    expect(list.body.items).toHaveLength(2);
    const phoneSession = list.body.items.find((s: { device: string }) => s.device === 'Chrome on Android');
    expect(phoneSession).toMatchObject({ current: false, createdAt: expect.any(String), lastSeenAt: expect.any(String) });
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);

    await t.http().delete(`/api/auth/sessions/${phoneSession.id}`).set(stranger.bearer).expect(404);
    await t.http().delete('/api/auth/sessions/not-a-uuid').set(parent.bearer).expect(404);
    await t.http().delete(`/api/auth/sessions/${phoneSession.id}`).set(parent.bearer).expect(204);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${phone.body.token}`).expect(401);
    await t.http().delete(`/api/auth/sessions/${phoneSession.id}`).set(parent.bearer).expect(404);

    const laptop = await login(parent.user.email).expect(200);
    await t.http().delete('/api/auth/sessions').set(parent.bearer).expect(204);
    await t.http().get('/api/auth/me').set(parent.bearer).expect(401);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${laptop.body.token}`).expect(401);
    await t.http().get('/api/auth/me').set(stranger.bearer).expect(200);
  });

  it('mails the owner on a sign-in from a new kind of device, with nothing an attacker could use', async () => {
    const parent = await registerParent(t, 'Device');
    await login(parent.user.email, STRONG_PASSWORD, FIREFOX_WINDOWS).expect(200);
    const mail = await t.mail.waitFor(parent.user.email, /New sign-in/);
    expect(mail.text).toContain('Firefox on Windows');
    expect(mail.text).not.toMatch(/https?:\/\/|198\.51\.100|token/i);
    // The same kind of device again is not new.
    await login(parent.user.email, STRONG_PASSWORD, FIREFOX_WINDOWS.replace('128.0', '129.0')).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.mail.mailsTo(parent.user.email, /New sign-in/)).toHaveLength(1);
    // After 90 days without it, it is new again.
    t.clock.advance(91 * 24 * 60 * 60 * 1000);
    await login(parent.user.email, STRONG_PASSWORD, FIREFOX_WINDOWS).expect(200);
    await waitUntil(() => t.mail.mailsTo(parent.user.email, /New sign-in/).length === 2);
  });

  it('enrols TOTP, signs in with a code, and with a recovery code once', async () => {
    const parent: TestParent = await registerParent(t, 'Totp');
    expect((await t.http().get('/api/auth/me').set(parent.bearer).expect(200)).body.totpEnabled).toBe(false);
    const enrolled = await t.http().post('/api/auth/totp').set(parent.bearer).expect(201);
    expect(enrolled.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Parallel:.*secret=/);
    const secret = enrolled.body.secret as string;
    await t.http().post('/api/auth/totp/confirm').set(parent.bearer).send({ code: '000000' === totpCode(secret, t.clock.now()) ? '111111' : '000000' }).expect(400);
    const confirmed = await t.http().post('/api/auth/totp/confirm').set(parent.bearer).send({ code: totpCode(secret, t.clock.now()) }).expect(200);
    const recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    const stored: { code_hash: string }[] = await t.query('SELECT code_hash FROM recovery_codes WHERE user_id = $1', [parent.user.id]);
    expect(stored.map((row) => row.code_hash)).not.toContain(recoveryCodes[0]);
    expect((await t.http().get('/api/auth/me').set(parent.bearer).expect(200)).body.totpEnabled).toBe(true);

    // The password alone no longer signs in.
    t.clock.advance(60 * 1000);
    const first = await login(parent.user.email).expect(200);
    expect(first.body).toEqual({ secondFactorRequired: true, challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(first.headers['set-cookie']).toBeUndefined();
    const wrongCode = await t.http().post('/api/auth/login/second-factor').send({ challenge: first.body.challenge, code: '000000' === totpCode(secret, t.clock.now()) ? '111111' : '000000' });
    expect(wrongCode.status).toBe(401);
    const signedIn = await t.http().post('/api/auth/login/second-factor').send({ challenge: first.body.challenge, code: totpCode(secret, t.clock.now()) }).expect(200);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${signedIn.body.token}`).expect(200);
    // The challenge is used up.
    await t.http().post('/api/auth/login/second-factor').send({ challenge: first.body.challenge, code: totpCode(secret, t.clock.now()) }).expect(401);

    // A recovery code works once.
    const second = await login(parent.user.email).expect(200);
    await t.http().post('/api/auth/login/second-factor').send({ challenge: second.body.challenge, recoveryCode: recoveryCodes[0]!.toUpperCase() }).expect(200);
    const third = await login(parent.user.email).expect(200);
    await t.http().post('/api/auth/login/second-factor').send({ challenge: third.body.challenge, recoveryCode: recoveryCodes[0] }).expect(401);

    // Wrong codes are throttled like passwords.
    let status = 401;
    for (let i = 0; i < 6 && status === 401; i++) {
      status = (await t.http().post('/api/auth/login/second-factor').set('X-Forwarded-For', '198.51.100.20').send({ challenge: third.body.challenge, recoveryCode: `wrong-${i}` })).status;
    }
    expect(status).toBe(429);

    await t.http().delete('/api/auth/totp').set(parent.bearer).send({ password: 'wrong' }).expect(400);
    t.clock.advance(60 * 60 * 1000);
    await t.http().delete('/api/auth/totp').set(parent.bearer).send({ password: STRONG_PASSWORD }).expect(204);
    const plain = await login(parent.user.email).expect(200);
    expect(plain.body.token).toEqual(expect.any(String));
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
