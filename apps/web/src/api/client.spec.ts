import { afterEach, describe, expect, it } from 'vitest';
import { startTestApi, type CannedAnswer, type TestApi } from '../test/testApi';
import { ApiClient, ApiError, UNREACHABLE } from './client';

let api: TestApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function clientAnswering(answers: Record<string, CannedAnswer>): Promise<ApiClient> {
  api = await startTestApi(answers);
  return new ApiClient({ baseUrl: api.baseUrl });
}

async function errorFrom(promise: Promise<unknown>): Promise<ApiError> {
  const outcome = await promise.then(
    () => new Error('expected the request to fail'),
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(ApiError);
  return outcome as ApiError;
}

describe('ApiClient error mapping', () => {
  it('keeps status, error, message and field details of a validation answer', async () => {
    const client = await clientAnswering({
      'POST /api/auth/register': {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Some fields are not valid',
          details: [
            { field: 'password', rule: 'minLength', message: 'Use at least 12 characters.' },
            { field: 'email', rule: 'isEmail', message: 'This does not look like an e-mail address.' },
          ],
        },
      },
    });

    const error = await errorFrom(client.register({ email: 'a', password: 'short', displayName: 'Sam' }));

    expect(error.status).toBe(400);
    expect(error.error).toBe('Bad Request');
    expect(error.message).toBe('Some fields are not valid');
    expect(error.details).toHaveLength(2);
    expect(error.fieldErrors).toEqual({
      password: 'Use at least 12 characters.',
      email: 'This does not look like an e-mail address.',
    });
    expect(error.fieldError('password')).toBe('Use at least 12 characters.');
    expect(error.retryAt).toBeNull();
  });

  it('files nested fields under their form field and keeps the first message of each', async () => {
    const client = await clientAnswering({
      'POST /api/cases': {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Some fields are not valid',
          details: [
            { field: 'children.1', rule: 'maxLength', message: 'Names are at most 60 characters.' },
            { field: 'children', rule: 'arrayMaxSize', message: 'At most 20 children.' },
            { field: 'timeZone', rule: 'isTimeZone', message: 'Choose a time zone from the list.' },
            { field: 'name' },
          ],
        },
      },
    });

    const error = await errorFrom(client.createCase({ name: 'x', timeZone: 'Mars/Base', children: ['A', 'B'] }));

    expect(error.fieldErrors).toEqual({
      children: 'Names are at most 60 characters.',
      timeZone: 'Choose a time zone from the list.',
    });
    expect(error.details).toHaveLength(3);
    expect(error.messagesOutside(['children'])).toEqual(['Choose a time zone from the list.']);
  });

  it('reads retryAt from a 429 answer', async () => {
    const client = await clientAnswering({
      'POST /api/auth/login': {
        status: 429,
        body: {
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'Too many sign-in attempts.',
          retryAt: '2026-03-14T09:05:00.000Z',
        },
      },
    });

    const error = await errorFrom(client.login({ email: 'sam@example.org', password: 'whatever' }));

    expect(error.status).toBe(429);
    expect(error.retryAt?.toISOString()).toBe('2026-03-14T09:05:00.000Z');
  });

  it('falls back to the Retry-After header when a 429 body has no retryAt', async () => {
    const client = await clientAnswering({
      'POST /api/auth/login': { status: 429, body: '', headers: { 'Retry-After': '60' } },
    });
    const before = Date.now();

    const error = await errorFrom(client.login({ email: 'sam@example.org', password: 'whatever' }));

    const retryAt = error.retryAt?.getTime() ?? 0;
    expect(retryAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(retryAt).toBeLessThan(Date.now() + 61_000);
    expect(error.message).toBe('Too many attempts. Please wait a little and try again.');
  });

  it('explains an answer that is not JSON by its status', async () => {
    const client = await clientAnswering({
      'GET /api/cases': { status: 502, body: '<html><body>Bad gateway</body></html>' },
    });

    const error = await errorFrom(client.listCases());

    expect(error.status).toBe(502);
    expect(error.message).toBe('Something went wrong on the server. Please try again in a moment.');
    expect(error.details).toEqual([]);
  });

  it('joins a list of messages into one', async () => {
    const client = await clientAnswering({
      'POST /api/cases/case-1/invitations': {
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: ['email must be an email', 'email is too long'] },
      },
    });

    const error = await errorFrom(client.inviteParent('case-1', 'nope'));

    expect(error.message).toBe('email must be an email email is too long');
  });

  it('reports a server that cannot be reached with its own status', async () => {
    const client = await clientAnswering({});
    await api?.close();
    api = undefined;

    const error = await errorFrom(client.health());

    expect(error.status).toBe(UNREACHABLE);
    expect(error.message).toBe('Parallel could not be reached. Please check your connection and try again.');
  });
});

describe('ApiClient requests', () => {
  it('sends JSON and returns the parsed answer', async () => {
    const user = { id: 'u1', email: 'sam@example.org', displayName: 'Sam' };
    const client = await clientAnswering({
      'POST /api/auth/login': { status: 200, body: { user, token: 'not-kept' } },
    });

    const result = await client.login({ email: 'sam@example.org', password: 'twelve chars ok' });

    expect(result.user).toEqual(user);
    expect(api?.requests).toHaveLength(1);
    expect(api?.requests[0]?.headers['content-type']).toBe('application/json');
    expect(api?.requests[0]?.body).toEqual({ email: 'sam@example.org', password: 'twelve chars ok' });
  });

  it('answers null from me() when there is no session', async () => {
    const client = await clientAnswering({
      'GET /api/auth/me': { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Please sign in.' } },
    });

    await expect(client.me()).resolves.toBeNull();
  });

  it('unwraps the items of the case list and escapes path parts', async () => {
    const client = await clientAnswering({
      'GET /api/cases': { status: 200, body: { items: [], nextCursor: null } },
      'GET /api/invitations/a%2Fb': {
        status: 200,
        body: {
          caseName: 'Kids',
          invitedBy: { displayName: 'Alex' },
          email: 'sam@example.org',
          expiresAt: '2026-03-20T10:00:00Z',
        },
      },
    });

    await expect(client.listCases()).resolves.toEqual([]);
    await expect(client.getInvitation('a/b')).resolves.toMatchObject({ caseName: 'Kids' });
  });
});
