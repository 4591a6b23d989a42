import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'parallel_session';

/** The session token from `Authorization: Bearer` (API clients) or the session cookie (the web). */
export function sessionTokenFrom(request: Pick<FastifyRequest, 'headers'> & { cookies?: Record<string, string | undefined> }): string | null {
  return sessionCredentialFrom(request)?.token ?? null;
}

/** The session token and how it came: a cookie rides along by itself, so it gets extra checks. */
export function sessionCredentialFrom(request: Pick<FastifyRequest, 'headers'> & { cookies?: Record<string, string | undefined> }): { token: string; via: 'bearer' | 'cookie' } | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return match?.[1] ? { token: match[1], via: 'bearer' } : null;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** The cookie's attributes; clearing it repeats them, so that every browser matches and drops the same cookie. */
function cookieAttributes(secure: boolean) {
  // Strict: the cookie never rides along on a request started by another site.
  return { httpOnly: true, sameSite: 'strict', secure, path: '/' } as const;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, { ...cookieAttributes(secure), expires: new Date(expiresAt) });
}

/** An empty value that expired at the epoch: `Expires=Thu, 01 Jan 1970 00:00:00 GMT`, as Express wrote it (no Max-Age). */
export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, '', { ...cookieAttributes(secure), expires: new Date(1) });
}
