import { LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_ADDRESS } from '../src/auth/auth.service';
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
    const response = await t.http().post('/api/auth/register').send({ email: parent.user.email.toUpperCase(), password: STRONG_PASSWORD, displayName: 'Again' });
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

  it('logs in, and tells a wrong password from an unknown e-mail', async () => {
    const parent = await registerParent(t, 'Login');
    const ok = await t.http().post('/api/auth/login').send({ email: parent.user.email, password: STRONG_PASSWORD }).expect(200);
    expect(ok.body.user.id).toBe(parent.user.id);
    expect(ok.body.token).not.toBe(parent.token);

    const wrong = await t.http().post('/api/auth/login').send({ email: parent.user.email, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.details).toEqual([{ field: 'password', rule: 'matches', message: 'the password is not correct' }]);

    const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody.here@example.org', password: STRONG_PASSWORD });
    expect(unknown.status).toBe(401);
    expect(unknown.body.details).toEqual([{ field: 'email', rule: 'registered', message: 'no account uses this e-mail address' }]);
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

  it('throttles failed logins per account, with the time of the next allowed attempt', async () => {
    const parent = await registerParent(t, 'Throttle');
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) {
      await t.http().post('/api/auth/login').set('X-Forwarded-For', `10.0.0.${i}`).send({ email: parent.user.email, password: 'wrong password here' }).expect(401);
    }
    const blocked = await t.http().post('/api/auth/login').send({ email: parent.user.email, password: STRONG_PASSWORD });
    expect(blocked.status).toBe(429);
    const retryAt = new Date(blocked.body.retryAt);
    expect(retryAt.getTime()).toBe(t.clock.now().getTime() + 15 * 60 * 1000);

    t.clock.set(retryAt);
    await t.http().post('/api/auth/login').send({ email: parent.user.email, password: STRONG_PASSWORD }).expect(200);
  });

  it('throttles failed logins per network address across accounts', async () => {
    t.clock.advance(60 * 60 * 1000);
    for (let i = 0; i < LOGIN_FAILURES_PER_ADDRESS; i++) {
      await t.http().post('/api/auth/login').send({ email: `spray.${i}@example.org`, password: 'guessing passwords' }).expect(401);
    }
    const parent = await registerParent(t, 'Bystander');
    const blocked = await t.http().post('/api/auth/login').send({ email: parent.user.email, password: STRONG_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/from this network/);
    t.clock.advance(60 * 60 * 1000);
  });
});
