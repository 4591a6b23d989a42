import type { FastifyReply, FastifyRequest } from 'fastify';

/** The cookie of a professional's visit: apart from a parent's session cookie, and sent only to the professional's routes. */
export const PROFESSIONAL_VISIT_COOKIE = 'parallel_professional';
export const PROFESSIONAL_ROUTES_PATH = '/api/professional';

/** Strict: never sent on a request another site starts. httpOnly: no script on the page reads it. */
function cookieAttributes(secure: boolean) {
  return { httpOnly: true, sameSite: 'strict', secure, path: PROFESSIONAL_ROUTES_PATH } as const;
}

export function visitTokenFrom(request: Pick<FastifyRequest, 'cookies'>): string | null {
  const token = (request.cookies as Record<string, unknown> | undefined)?.[PROFESSIONAL_VISIT_COOKIE];
  return typeof token === 'string' && token ? token : null;
}

export function setVisitCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  void reply.setCookie(PROFESSIONAL_VISIT_COOKIE, token, { ...cookieAttributes(secure), expires: expiresAt });
}

/** An empty value that expired at the epoch, with the same attributes (no Max-Age), as Express wrote it. */
export function clearVisitCookie(reply: FastifyReply, secure: boolean): void {
  void reply.setCookie(PROFESSIONAL_VISIT_COOKIE, '', { ...cookieAttributes(secure), expires: new Date(1) });
}
