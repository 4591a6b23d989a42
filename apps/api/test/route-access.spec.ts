import { createJoinedCase, registerParent } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** Routes that answer without a session, on purpose. Anything else must refuse an anonymous caller. */
const PUBLIC_ROUTES = new Set(['GET /api/health', 'POST /api/auth/register', 'POST /api/auth/login', 'POST /api/auth/login/second-factor', 'POST /api/auth/password-reset', 'POST /api/auth/password-reset/{token}', 'POST /api/auth/email/{token}', 'GET /api/invitations/{token}', 'GET /api/calendar/{secret}.ics', 'POST /api/professional/visits']);

describe('every route in the OpenAPI document is guarded', () => {
  let t: TestApp;
  let routes: { method: string; path: string }[];
  beforeAll(async () => {
    t = await startTestApp();
    const document = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
  });
  afterAll(() => t.close());

  function call(method: string, url: string) {
    const agent = t.http();
    switch (method) {
      case 'GET': return agent.get(url);
      case 'POST': return agent.post(url).send({});
      case 'PUT': return agent.put(url).send({});
      case 'PATCH': return agent.patch(url).send({});
      case 'DELETE': return agent.delete(url);
      default: throw new Error(`unexpected method ${method}`);
    }
  }

  it('documents every public route', () => {
    expect(routes.length).toBeGreaterThan(8);
    for (const route of PUBLIC_ROUTES) expect(routes.map((r) => `${r.method} ${r.path}`)).toContain(route);
  });

  it('refuses an anonymous caller on every non-public route with 401', async () => {
    const { caseId } = await createJoinedCase(t);
    for (const { method, path } of routes) {
      if (PUBLIC_ROUTES.has(`${method} ${path}`)) continue;
      const url = path.replace('{caseId}', caseId).replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const response = await call(method, url);
      expect({ route: `${method} ${path}`, status: response.status }).toEqual({ route: `${method} ${path}`, status: 401 });
    }
  });

  it('refuses a parent of another case on every case route with 404', async () => {
    const { caseId } = await createJoinedCase(t);
    const other = await createJoinedCase(t);
    const caseRoutes = routes.filter((route) => route.path.includes('{caseId}'));
    expect(caseRoutes.length).toBeGreaterThan(2);
    for (const { method, path } of caseRoutes) {
      const url = path.replace('{caseId}', caseId).replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const response = await call(method, url).set(other.first.bearer);
      expect({ route: `${method} ${path}`, status: response.status }).toEqual({ route: `${method} ${path}`, status: 404 });
    }
    const outsider = await registerParent(t, 'Nobody');
    await t.http().get(`/api/cases/${caseId}`).set(outsider.bearer).expect(404);
  });
});
