import { createJoinedCase, sendMessage } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('input the API refuses with a 400, never a 500', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a JSON body nested 1,500 levels deep on every route, with or without a session, naming body and maxDepth', async () => {
    const { caseId, first } = await createJoinedCase(t);
    const document = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const deep = '['.repeat(1500) + ']'.repeat(1500);
    const deepObject = '{"a":'.repeat(1500) + '1' + '}'.repeat(1500);
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods).filter((m) => ['post', 'put', 'patch'].includes(m))) {
        const url = path.replace('{caseId}', caseId).replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        for (const [body, bearer] of [[deep, {}], [deepObject, first.bearer]] as const) {
          const response = await t.http()[method as 'post'](url).set(bearer).set('Content-Type', 'application/json').send(body);
          expect({ route: `${method} ${path}`, status: response.status, details: response.body.details }).toEqual({
            route: `${method} ${path}`,
            status: 400,
            details: [expect.objectContaining({ field: 'body', rule: 'maxDepth' })],
          });
        }
      }
    }
    // Brackets inside strings do not count; 32 levels is within the limit (then refused for what it says, not how deep it is).
    const ok = await t.http().post(`/api/cases/${caseId}/messages`).set(first.bearer).set('Idempotency-Key', 'depth-ok').send({ topic: 'school', text: '['.repeat(5000) });
    expect(ok.status).toBe(201);
    const at32 = await t.http().put(`/api/cases/${caseId}/inbox-terms`).set(first.bearer).set('Content-Type', 'application/json').send('['.repeat(32) + ']'.repeat(32));
    expect(at32.status).toBe(400);
    expect(at32.body.details).not.toEqual([expect.objectContaining({ rule: 'maxDepth' })]);
  });

  it.each([
    ['afterSeq', '2147483648'],
    ['afterSeq', '99999999999999999999'],
    ['cursor', '2147483648'],
    ['cursor', '1e308'],
  ])('refuses ledger %s=%s, beyond a PostgreSQL integer, naming the field', async (field, value) => {
    const { caseId, first } = await createJoinedCase(t);
    const response = await t.http().get(`/api/cases/${caseId}/ledger?${field}=${value}`).set(first.bearer);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field })]);
    await t.http().get(`/api/cases/${caseId}/ledger?${field}=2147483647`).set(first.bearer).expect(200);
  });

  it.each([
    ['an id of 36 dashes', cursorOf(['2026-11-02T09:00:00.000Z', '-'.repeat(36)])],
    ['a date before 4713 BC', cursorOf(['-271821-04-20T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])],
    ['a year beyond 9999', cursorOf(['+275760-09-13T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])],
    ['a date JavaScript reads loosely', cursorOf(['Nov 2 2026', '00000000-0000-4000-8000-000000000000'])],
    ['an object', cursorOf({ at: '2026-11-02T09:00:00.000Z', id: '00000000-0000-4000-8000-000000000000' })],
    ['numbers', cursorOf([1, 2])],
    ['garbage', '%%%not-base64'],
    ['base64 of garbage', Buffer.from('\u0000\u00ff{').toString('base64url')],
  ])('refuses a crafted cursor (%s) on messages and held-back, naming cursor', async (_name, cursor) => {
    const { caseId, first } = await createJoinedCase(t);
    for (const path of ['messages', 'held-back']) {
      const response = await t.http().get(`/api/cases/${caseId}/${path}?cursor=${encodeURIComponent(cursor)}`).set(first.bearer);
      expect({ path, status: response.status, details: response.body.details }).toEqual({ path, status: 400, details: [expect.objectContaining({ field: 'cursor' })] });
    }
  });

  it('still pages with the cursors it hands out', async () => {
    const { caseId, first } = await createJoinedCase(t);
    for (const text of ['one', 'two', 'three']) await sendMessage(t, caseId, first, { topic: 'school', text }).expect(201);
    const page = await t.http().get(`/api/cases/${caseId}/messages?limit=2`).set(first.bearer).expect(200);
    const next = await t.http().get(`/api/cases/${caseId}/messages?limit=2&cursor=${page.body.nextCursor}`).set(first.bearer).expect(200);
    expect(next.body.items).toHaveLength(1);
  });
});
