import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'parallel_session';

/** The session token from `Authorization: Bearer` (API clients) or the session cookie (the web). */
export function sessionTokenFrom(request: Pick<Request, 'headers'> & { cookies?: Record<string, string> }): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return match?.[1] ?? null;
  }
  return request.cookies?.[SESSION_COOKIE] ?? null;
}

export function setSessionCookie(response: Response, token: string, expiresAt: string, secure: boolean): void {
  response.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    // Strict: the cookie never rides along on a request started by another site.
    sameSite: 'strict',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(response: Response): void {
  response.clearCookie(SESSION_COOKIE, { path: '/' });
}
