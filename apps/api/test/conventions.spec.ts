import { startTestApp, TestApp } from './support/test-app';

describe('API conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers the health check with the database in use', async () => {
    const response = await t.http().get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded' });
  });

  it('serves the OpenAPI document and its viewer', async () => {
    const json = await t.http().get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/cases', '/api/cases/{caseId}/ledger/verify']));
    const html = await t.http().get('/api/docs').expect(200);
    expect(html.text).toContain('swagger');
  });

  it('sends security headers, on every kind of answer', async () => {
    const expected = {
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    };
    const answers = [
      await t.http().get('/api/health'),
      await t.http().post('/api/auth/login').send({}),
      await t.http().get('/api/no-such-endpoint'),
      await t.http().get('/api/%E0%A4%A'),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 400, 404, 404]);
    for (const answer of answers) {
      expect(answer.headers).toMatchObject(expected);
      expect(answer.headers['x-powered-by']).toBeUndefined();
      // Plain http here: pinning HTTPS would break a local install.
      expect(answer.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('tags answers to reads for conditional requests, and only those', async () => {
    const first = await t.http().get('/api/health').expect(200);
    expect(first.headers['etag']).toMatch(/^W\/"/);
    await t.http().get('/api/health').set('If-None-Match', first.headers['etag']!).expect(304);
    const change = await t.http().post('/api/auth/login').send({});
    expect(change.status).toBe(400);
    expect(change.headers['etag']).toBeUndefined();
  });

  it('refuses a body over the size limit with 413 naming the body', async () => {
    const response = await t.http().post('/api/auth/register').set('content-type', 'application/json').send(JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(70_000), displayName: 'A' }));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ statusCode: 413, details: [{ field: 'body', rule: 'maxSize' }] });
  });

  it('refuses malformed JSON with 400 naming the body', async () => {
    const response = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"email": ');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'body', rule: 'json', message: 'body must be valid JSON' }]);
  });

  it('refuses unknown fields, naming each', async () => {
    const response = await t.http().post('/api/auth/login').send({ email: 'a@example.org', password: 'whatever', isAdmin: true });
    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual({ field: 'isAdmin', rule: 'unknownField', message: 'isAdmin is not a known field' });
  });

  it('answers unknown API paths with the shared error shape', async () => {
    const response = await t.http().get('/api/nothing-here').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(response.body.message).toContain('/api/docs');
  });

  it.each([
    ['a NUL character', '"A\\u0000B"', 'displayName', 'noNullCharacter'],
    ['a lone surrogate', '"A\\ud800B"', 'displayName', 'wellFormedUnicode'],
  ])('refuses text with %s (which could not be stored as sent) with 400 naming the field', async (_name, json, field, rule) => {
    const body = `{"email":"odd.text@example.org","password":"correct horse battery staple","displayName":${json}}`;
    const response = await t.http().post('/api/auth/register').set('content-type', 'application/json').send(body);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field, rule })]);
  });

  it('names the path of malformed text deep in a body', async () => {
    const body = '{"name":"Case","timeZone":"Europe/London","children":["Mia","L\\udc00o"]}';
    const response = await t.http().post('/api/cases').set('content-type', 'application/json').send(body);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'children[1]', rule: 'wellFormedUnicode' })]);
  });
});
