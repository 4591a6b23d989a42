import { createCase, registerParent, STRONG_PASSWORD } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL?.trim() || null;

/** 50 registrations and 50 invitation mails in a row: the throttle stops them, with retryAt and plain words. */
function throttleCases(store: string, env: () => Record<string, string>) {
  describe(`throttles on the ${store} store`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ env: env() });
    });
    afterAll(() => t.close());

    it('limits registrations per network address (20 an hour)', async () => {
      const statuses: number[] = [];
      let refused: { retryAt?: string; message?: string } = {};
      for (let i = 0; i < 50; i++) {
        const response = await t.http().post('/api/auth/register').set('X-Forwarded-For', '203.0.113.50').send({ email: `flood.${store}.${i}.${Date.now()}@example.org`, password: STRONG_PASSWORD, displayName: 'Flood' });
        statuses.push(response.status);
        if (response.status === 429) refused = response.body;
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30);
      expect(refused.message).toMatch(/Too many new accounts from this network/);
      expect(new Date(refused.retryAt!).getTime()).toBeGreaterThan(t.clock.now().getTime());
      // Another address is not affected.
      await t.http().post('/api/auth/register').set('X-Forwarded-For', '203.0.113.51').send({ email: `other.${store}.${Date.now()}@example.org`, password: STRONG_PASSWORD, displayName: 'Other' }).expect(201);
    });

    it('limits invitation mails per account (10 a day) and per invited address (3 a day)', async () => {
      const parent = await registerParent(t, 'Inviter');
      const created = await createCase(t, parent);
      const statuses: number[] = [];
      for (let i = 0; i < 50; i++) {
        statuses.push((await t.http().post(`/api/cases/${created.id}/invitations`).set(parent.bearer).send({ email: `invitee.${store}.${i}@example.org` })).status);
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(40);

      const target = `target.${store}.${Date.now()}@example.org`;
      const toOne: number[] = [];
      for (let i = 0; i < 5; i++) {
        const inviter = await registerParent(t, 'Ex');
        const own = await createCase(t, inviter);
        toOne.push((await t.http().post(`/api/cases/${own.id}/invitations`).set(inviter.bearer).send({ email: target })).status);
      }
      expect(toOne).toEqual([201, 201, 201, 429, 429]);
      t.clock.advance(24 * 60 * 60 * 1000);
      await t.http().post(`/api/cases/${created.id}/invitations`).set(parent.bearer).send({ email: target }).expect(201);
    });
  });
}

throttleCases('database', () => ({}));
if (TEST_REDIS_URL) throttleCases('redis', () => ({ REDIS_URL: TEST_REDIS_URL }));
else it.skip('throttles on the redis store (skipped: TEST_REDIS_URL is not set)', () => undefined);

describe('defence in depth for the session cookie', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a change signed in by cookie from another origin, naming the rule; bearer and own origin are fine', async () => {
    const parent = await registerParent(t, 'Cookie');
    const cookie = `parallel_session=${parent.token}`;
    const foreign = await t.http().post('/api/cases').set('Cookie', cookie).set('Origin', 'https://evil.example').send({ name: 'X', timeZone: 'Europe/London', children: ['A'] });
    expect(foreign.status).toBe(403);
    expect(foreign.body.details).toEqual([expect.objectContaining({ field: 'Origin', rule: 'sameOrigin' })]);
    const noOrigin = await t.http().put('/api/auth/me/preferences').set('Cookie', cookie).send({ shield: false });
    expect(noOrigin.status).toBe(403);
    const crossSite = await t.http().put('/api/auth/me/preferences').set('Cookie', cookie).set('Sec-Fetch-Site', 'cross-site').send({ shield: false });
    expect(crossSite.status).toBe(403);
    await t.http().put('/api/auth/me/preferences').set('Cookie', cookie).set('Origin', 'http://parallel.test').send({ shield: false }).expect(200);
    await t.http().put('/api/auth/me/preferences').set('Cookie', cookie).set('Sec-Fetch-Site', 'same-origin').send({ shield: true }).expect(200);
    await t.http().post('/api/cases').set(parent.bearer).set('Origin', 'https://evil.example').send({ name: 'X', timeZone: 'Europe/London', children: ['A'] }).expect(201);
    // Reading by cookie needs no origin.
    await t.http().get('/api/auth/me').set('Cookie', cookie).expect(200);
  });

  it('answers private data with Cache-Control: no-store', async () => {
    const parent = await registerParent(t, 'NoStore');
    for (const path of ['/api/auth/me', '/api/auth/sessions', '/api/cases']) {
      const response = await t.http().get(path).set(parent.bearer).expect(200);
      expect({ path, cache: response.headers['cache-control'] }).toEqual({ path, cache: 'no-store' });
    }
    const login = await t.http().post('/api/auth/login').send({ email: parent.user.email, password: STRONG_PASSWORD }).expect(200);
    expect(login.headers['cache-control']).toBe('no-store');
  });

  it('clears the cookie with the attributes it was set with', async () => {
    const parent = await registerParent(t, 'Clear');
    const response = await t.http().post('/api/auth/logout').set(parent.bearer).expect(204);
    const cleared = response.headers['set-cookie']![0]!;
    expect(cleared).toMatch(/^parallel_session=;/);
    expect(cleared).toMatch(/Path=\//);
    expect(cleared).toMatch(/HttpOnly/);
    expect(cleared).toMatch(/SameSite=Strict/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('sets Secure on the cookie and its clearing when PUBLIC_URL is https', async () => {
    const secure = await startTestApp({ env: { PUBLIC_URL: 'https://parallel.test' } });
    try {
      const parent = await registerParent(secure, 'Secure');
      const response = await secure.http().post('/api/auth/logout').set(parent.bearer).expect(204);
      expect(response.headers['set-cookie']![0]).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });
});

describe('TRUST_PROXY', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY names the proxy', async () => {
    const direct = await startTestApp({ env: { TRUST_PROXY: '' } });
    try {
      const parent = await registerParent(direct, 'Direct');
      // Each guess claims another address; without a trusted proxy they are all the connection's one.
      for (let i = 0; i < 3; i++) {
        await direct.http().post('/api/auth/login').set('X-Forwarded-For', `203.0.113.${i + 1}`).send({ email: parent.user.email, password: 'wrong guess here' }).expect(401);
      }
      const fourth = await direct.http().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.200').send({ email: parent.user.email, password: 'wrong guess here' });
      expect(fourth.status).toBe(429);
    } finally {
      await direct.close();
    }
    const proxied = await startTestApp({ env: { TRUST_PROXY: '127.0.0.1/8, ::1' } });
    try {
      const parent = await registerParent(proxied, 'Proxied');
      for (let i = 0; i < 4; i++) {
        await proxied.http().post('/api/auth/login').set('X-Forwarded-For', `203.0.113.${i + 1}`).send({ email: parent.user.email, password: 'wrong guess here' }).expect(401);
      }
    } finally {
      await proxied.close();
    }
  });
});
