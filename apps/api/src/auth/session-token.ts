import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'parallel_session';

/** The session token from `Authorization: Bearer` (API clients) or the session cookie (the web). */
export function sessionTokenFrom(request: Pick<Request, 'headers'> & { cookies?: Record<string, string> }): string | null {
  return sessionCredentialFrom(request)?.token ?? null;
}

/** The session token and how it came: a cookie rides along by itself, so it gets extra checks. */
export function sessionCredentialFrom(request: Pick<Request, 'headers'> & { cookies?: Record<string, string> }): { token: string; via: 'bearer' | 'cookie' } | null {
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

export function setSessionCookie(response: Response, token: string, expiresAt: string, secure: boolean): void {
  response.cookie(SESSION_COOKIE, token, { ...cookieAttributes(secure), expires: new Date(expiresAt) });
}

export function clearSessionCookie(response: Response, secure: boolean): void {
  response.clearCookie(SESSION_COOKIE, cookieAttributes(secure));
}
