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

  it('sends security headers', async () => {
    const response = await t.http().get('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-powered-by']).toBeUndefined();
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
