import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

/** Who is calling: set by the session guard on every non-public route. */
export interface AuthContext {
  userId: string;
  sessionId: string;
  email: string;
  displayName: string;
}

export type AuthenticatedRequest = Request & { auth?: AuthContext };

export const IS_PUBLIC = 'parallel:isPublic';
/** Every route needs a session unless it says so here. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const Auth = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.auth) throw new Error('Auth() used on a route without a session guard');
  return request.auth;
});
