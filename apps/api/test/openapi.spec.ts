import { readFileSync } from 'node:fs';
import { CONTRACT_FILE, renderContract } from '../src/common/openapi-contract';
import { startTestApp, TestApp } from './support/test-app';

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, { description?: string; content?: Record<string, { schema?: object }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object>; securitySchemes: Record<string, object> };
}

/** Routes that answer without a session, on purpose (as in route-access.spec.ts). */
const PUBLIC_ROUTES = ['GET /api/health', 'POST /api/auth/register', 'POST /api/auth/login', 'POST /api/auth/login/second-factor', 'POST /api/auth/password-reset', 'POST /api/auth/password-reset/{token}', 'POST /api/auth/email/{token}', 'GET /api/invitations/{token}', 'GET /api/calendar/{secret}.ics', 'POST /api/professional/visits'];

/** Every `$ref` anywhere under `value`. */
function refsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else refsIn(item, found);
    }
  }
  return found;
}

describe('the OpenAPI document is a complete contract', () => {
  let t: TestApp;
  let document: Document;
  let operations: { route: string; operation: Operation }[];
  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http().get('/api/docs-json').expect(200)).body as Document;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })),
    );
  });
  afterAll(() => t.close());

  it('has operations to check', () => {
    expect(operations.length).toBeGreaterThan(15);
    for (const route of PUBLIC_ROUTES) expect(operations.map((o) => o.route)).toContain(route);
  });

  it('gives every operation a summary and a tag', () => {
    const missing = operations.filter(({ operation }) => !operation.summary?.trim() || !operation.tags?.length).map((o) => o.route);
    expect(missing).toEqual([]);
  });

  it('describes the success answer of every operation with a schema (a 204 has no body)', () => {
    const problems: string[] = [];
    for (const { route, operation } of operations) {
      const successes = Object.keys(operation.responses).filter((status) => /^2\d\d$/.test(status));
      if (successes.length === 0) problems.push(`${route}: no success response`);
      for (const status of successes) {
        // JSON, or for a file download (a CSV, a receipt) the schema of its own media type.
        const content = operation.responses[status]?.content;
        const schema = content?.['application/json']?.schema ?? Object.values(content ?? {})[0]?.schema;
        if (status === '204' ? schema !== undefined : !schema) problems.push(`${route}: ${status} ${status === '204' ? 'has a body' : 'has no schema'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('describes every error answer with the common error shape', () => {
    const errorShape = document.components.schemas['ErrorDto'] as { properties?: object; required?: string[] };
    expect(errorShape.required?.sort()).toEqual(['error', 'message', 'statusCode']);
    const problems: string[] = [];
    for (const { route, operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!/^[45]\d\d$/.test(status)) continue;
        // ErrorDto itself, or a schema that extends it (a held-back send adds reason and heldBackId).
        const ref = refsIn(response.content?.['application/json']?.schema)[0] ?? '';
        const schema = document.components.schemas[ref.replace('#/components/schemas/', '')] as { properties?: object; required?: string[] } | undefined;
        const shape = errorShape.required!.every((field) => schema?.required?.includes(field)) && Object.keys(errorShape.properties!).every((field) => field in (schema?.properties ?? {}));
        if (!shape) problems.push(`${route}: ${status} is not an ErrorDto`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('requires the bearer token or the session cookie on every operation that is not public (a professional’s visit cookie on theirs), and lets it answer 401', () => {
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['bearer', 'cookie', 'professionalVisit']);
    const problems: string[] = [];
    for (const { route, operation } of operations) {
      if (PUBLIC_ROUTES.includes(route)) continue;
      const expected = route.includes(' /api/professional/') ? [{ professionalVisit: [] }] : [{ bearer: [] }, { cookie: [] }];
      if (JSON.stringify(operation.security) !== JSON.stringify(expected)) problems.push(`${route}: security ${JSON.stringify(operation.security)}`);
      if (!operation.responses['401']) problems.push(`${route}: no 401`);
    }
    expect(problems).toEqual([]);
  });

  it('declares no security on the public operations', () => {
    for (const route of PUBLIC_ROUTES) {
      const operation = operations.find((o) => o.route === route)!.operation;
      expect({ route, security: operation.security }).toEqual({ route, security: [] });
      expect({ route, has401: '401' in operation.responses }).toEqual({ route, has401: route === 'POST /api/auth/login' || route === 'POST /api/auth/login/second-factor' });
    }
  });

  it('resolves every $ref', () => {
    const names = new Set(Object.keys(document.components.schemas).map((name) => `#/components/schemas/${name}`));
    expect([...new Set(refsIn(document))].filter((ref) => !names.has(ref))).toEqual([]);
  });

  it('is what the web compiles against: apps/web/src/api/contract.gen.ts is up to date', async () => {
    const expected = await renderContract(document as never);
    const committed = readFileSync(CONTRACT_FILE, 'utf8');
    if (committed !== expected) throw new Error(`${CONTRACT_FILE} is out of date with the API's OpenAPI document: run npm run contract`);
  });
});
