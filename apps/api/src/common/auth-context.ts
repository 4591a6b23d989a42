import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ProfessionalRole } from '@parallel/domain';

/** Who is calling: set by the session guard on every non-public route. */
export interface AuthContext {
  userId: string;
  sessionId: string;
  email: string;
  displayName: string;
}

/**
 * A professional reading one case's record with the access a parent gave them: set by the
 * access guard on routes marked {@link ForProfessional}, from their visit's cookie, after
 * checking that the visit, and the access, are still open.
 */
export interface ProfessionalContext {
  visitId: string;
  grantId: string;
  /** The one case this visit may read. */
  caseId: string;
  /** The parent who gave the access: the professional reads the record as that parent sees it. */
  grantedBy: string;
  name: string;
  role: ProfessionalRole;
  email: string;
  /** When the access ends. */
  expiresAt: Date;
  /** When this visit ends (then the link is opened again, and recorded again). */
  visitExpiresAt: Date;
}

export type AuthenticatedRequest = FastifyRequest & { auth?: AuthContext; professional?: ProfessionalContext };

export const IS_PUBLIC = 'parallel:isPublic';
/** Every route needs a session unless it says so here. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const IS_FOR_PROFESSIONAL = 'parallel:isForProfessional';
/**
 * The route is for a professional's visit, and only for it: a parent's session does not open
 * it, and a visit opens nothing else. Its routes carry no case id: the visit names its case.
 */
export const ForProfessional = () => SetMetadata(IS_FOR_PROFESSIONAL, true);

export const Auth = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.auth) throw new Error('Auth() used on a route without a session guard');
  return request.auth;
});

export const Professional = createParamDecorator((_data: unknown, context: ExecutionContext): ProfessionalContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.professional) throw new Error('Professional() used on a route not marked ForProfessional()');
  return request.professional;
});
