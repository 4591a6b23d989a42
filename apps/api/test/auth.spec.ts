import { FAILURES_PER_ADDRESS } from '../src/auth/login-backoff';
import { registerParent, STRONG_PASSWORD } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('accounts and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers, returns a token and a session cookie, and knows the user', async () => {
    const response = await t.http().post('/api/auth/register').send({ email: '  Robin@Example.ORG ', password: STRONG_PASSWORD, displayName: ' Robin ' }).expect(201);
    expect(response.body.user).toMatchObject({ email: 'robin@example.org', displayName: 'Robin' });
    expect(response.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = response.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^parallel_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const byBearer = await t.http().get('/api/auth/me').set('Authorization', `Bearer ${response.body.token}`).expect(200);
    expect(byBearer.body.user.email).toBe('robin@example.org');
    const byCookie = await t.http().get('/api/auth/me').set('Cookie', cookie.split(';')[0]!).expect(200);
    expect(byCookie.body.user.id).toBe(response.body.user.id);
  });

  it('keeps each parent’s shield preference on the server, on by default', async () => {
    const parent = await registerParent(t, 'Shielded');
    const other = await registerParent(t, 'Other');
    expect((await t.http().get('/api/auth/me').set(parent.bearer).expect(200)).body.preferences).toEqual({ shield: true });
    const set = await t.http().put('/api/auth/me/preferences').set(parent.bearer).send({ shield: false }).expect(200);
    expect(set.body).toEqual({ shield: false });
    expect((await t.http().get('/api/auth/me').set(parent.bearer).expect(200)).body.preferences).toEqual({ shield: false });
    expect((await t.http().get('/api/auth/me').set(other.bearer).expect(200)).body.preferences).toEqual({ shield: true });
    for (const [body, field, rule] of [
      [{}, 'shield', 'isBoolean'],
      [{ shield: 'off' }, 'shield', 'isBoolean'],
      [{ shield: true, theme: 'dark' }, 'theme', 'unknownField'],
    ] as const) {
      const refused = await t.http().put('/api/auth/me/preferences').set(parent.bearer).send(body);
      expect(refused.status).toBe(400);
      expect(refused.body.details).toContainEqual(expect.objectContaining({ field, rule }));
    }
    await t.http().put('/api/auth/me/preferences').send({ shield: true }).expect(401);
  });

  it('stores an argon2id hash, never the password', async () => {
    const parent = await registerParent(t, 'Hashed');
    const rows: { password_hash: string }[] = await t.query('SELECT password_hash FROM users WHERE id = $1', [parent.user.id]);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(rows[0]!.password_hash).not.toContain(STRONG_PASSWORD);
  });

  it('refuses a duplicate e-mail with 409 naming the field', async () => {
    const parent = await registerParent(t, 'Dup');
    const response = await t.http().post('/api/auth/register').set('X-Forwarded-For', '192.0.2.41').send({ email: parent.user.email.toUpperCase(), password: STRONG_PASSWORD, displayName: 'Again' });
    expect(response.status).toBe(409);
    expect(response.body.details).toEqual([{ field: 'email', rule: 'unique', message: 'email is already registered' }]);
  });

  it.each([
    ['short', 'short pass', 'minLength'],
    ['common', 'password1234', 'notCommon'],
    ['one repeated character', 'zzzzzzzzzzzzzz', 'notCommon'],
    ['containing the e-mail', 'weakling.pat.2026!', 'notEmail'],
  ])('refuses a weak password (%s) naming the rule', async (_name, password, rule) => {
    const response = await t.http().post('/api/auth/register').send({ email: 'weakling.pat@example.org', password, displayName: 'Pat' });
    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual(expect.objectContaining({ field: 'password', rule }));
  });

  it('refuses bad registration fields, naming each', async () => {
    const response = await t.http().post('/api/auth/register').send({ email: 'not-an-email', displayName: '', password: 12 });
    expect(response.status).toBe(400);
    const fields = response.body.details.map((d: { field: string; rule: string }) => `${d.field}:${d.rule}`);
    expect(fields).toEqual(expect.arrayContaining(['email:isEmail', 'displayName:minLength', 'password:isString']));
  });

  it('logs in, and answers an unknown address exactly as a wrong password, in comparable time', async () => {
    const parent = await registerParent(t, 'Login');
    const ok = await t.http().post('/api/auth/login').send({ email: parent.user.email, password: STRONG_PASSWORD }).expect(200);
    expect(ok.body.user.id).toBe(parent.user.id);
    expect(ok.body.token).not.toBe(parent.token);

    const timed = async (email: string, address: string) => {
      const started = process.hrtime.bigint();
      const response = await t.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password: 'not the password at all' });
      return { response, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    };
    // The fastest of three tries each (each from its own address, so no backoff applies): a
    // busy machine can only make a try slower, never faster.
    const fastest = async (email: string) => {
      const tries = [await timed(email, '192.0.2.77'), await timed(email, '192.0.2.78'), await timed(email, '192.0.2.79')];
      return tries.reduce((best, next) => (next.ms < best.ms ? next : best));
    };
    const wrong = await fastest(parent.user.email);
    const unknown = await fastest('nobody.here@example.org');
    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(wrong.response.status);
    expect(unknown.response.body).toEqual(wrong.response.body);
    expect(wrong.response.body.details).toEqual([{ field: 'password', rule: 'matches', message: 'the e-mail address or the password is not correct' }]);
    // Both verify an argon2id hash: neither answer is a fraction of the other's time.
    expect(unknown.ms).toBeGreaterThan(wrong.ms / 4);
    expect(wrong.ms).toBeGreaterThan(unknown.ms / 4);
  });

  it('logout revokes the session on the server; other sessions live on', async () => {
    const parent = await registerParent(t, 'Logout');
    const second = await t.http().post('/api/auth/login').send({ email: parent.user.email, password: STRONG_PASSWORD }).expect(200);
    await t.http().post('/api/auth/logout').set(parent.bearer).expect(204);
    const after = await t.http().get('/api/auth/me').set(parent.bearer);
    expect(after.status).toBe(401);
    expect(after.body.message).toMatch(/sign in/i);
    await t.http().get('/api/auth/me').set('Authorization', `Bearer ${second.body.token}`).expect(200);
  });

  it('refuses missing and forged tokens', async () => {
    await t.http().get('/api/auth/me').expect(401);
    await t.http().get('/api/auth/me').set('Authorization', 'Bearer forged-token-value').expect(401);
    await t.http().get('/api/auth/me').set('Cookie', 'parallel_session=forged').expect(401);
  });

  it('a stranger’s guesses never lock the owner out: 50 wrong guesses from A, the owner from B at once, and from A after the backoff', async () => {
    const parent = await registerParent(t, 'Target');
    const guess = () => t.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.66').send({ email: parent.user.email, password: 'a wrong guess here' });
    let wrong = 0;
    while (wrong < 50) {
      const response = await guess();
      if (response.status === 401) wrong += 1;
      else {
        expect(response.status).toBe(429);
        expect(response.body.message).toMatch(/try again after/);
        // The guesser waits out each backoff, and guesses again.
        t.clock.set(response.body.retryAt);
      }
    }
    // The backoff has grown to its cap: 15 minutes after the last wrong guess.
    const blocked = await t.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.66').send({ email: parent.user.email, password: STRONG_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(new Date(blocked.body.retryAt).getTime() - t.clock.now().getTime()).toBe(15 * 60 * 1000);

    // The owner, from their own address, signs in at once.
    await t.http().post('/api/auth/login').set('X-Forwarded-For', '198.51.100.7').send({ email: parent.user.email, password: STRONG_PASSWORD }).expect(200);
    // And from A, once the backoff has passed.
    t.clock.set(blocked.body.retryAt);
    await t.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.66').send({ email: parent.user.email, password: STRONG_PASSWORD }).expect(200);
  });

  it('backs off per address and account: free for 3, then 1 s, 2 s', async () => {
    const parent = await registerParent(t, 'Backoff');
    const from = (address: string, password = 'a wrong guess here') => t.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email: parent.user.email, password });
    for (let i = 0; i < 3; i++) await from('203.0.113.10').expect(401);
    const first = await from('203.0.113.10');
    expect(first.status).toBe(429);
    expect(new Date(first.body.retryAt).getTime() - t.clock.now().getTime()).toBe(1000);
    t.clock.advance(1000);
    await from('203.0.113.10').expect(401);
    const second = await from('203.0.113.10');
    expect(new Date(second.body.retryAt).getTime() - t.clock.now().getTime()).toBe(2000);
    // The same guesses at an address without an account are slowed the same way.
    const nobody = (address: string) => t.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email: 'no.account.here@example.org', password: 'a wrong guess here' });
    for (let i = 0; i < 3; i++) await nobody('203.0.113.11').expect(401);
    expect((await nobody('203.0.113.11')).status).toBe(429);
  });

  it('has a generous ceiling per network address across accounts', async () => {
    t.clock.advance(2 * 60 * 60 * 1000);
    for (let i = 0; i < FAILURES_PER_ADDRESS; i++) {
      await t.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.99').send({ email: `spray.${i}@example.org`, password: 'guessing passwords' }).expect(401);
    }
    const parent = await registerParent(t, 'Bystander');
    const blocked = await t.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.99').send({ email: parent.user.email, password: STRONG_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/from this network/);
    // Elsewhere, the same account is not slowed.
    await t.http().post('/api/auth/login').set('X-Forwarded-For', '198.51.100.8').send({ email: parent.user.email, password: STRONG_PASSWORD }).expect(200);
    t.clock.advance(2 * 60 * 60 * 1000);
  });

  it('mails the owner when someone tries to register their address', async () => {
    const parent = await registerParent(t, 'Taken');
    await t.http().post('/api/auth/register').set('X-Forwarded-For', '192.0.2.40').send({ email: parent.user.email, password: STRONG_PASSWORD, displayName: 'Again' }).expect(409);
    const mail = await t.mail.waitFor(parent.user.email, /tried to create/);
    expect(mail.text).not.toMatch(/192\.0\.2\.40|http/);
  });
});
