import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService } from '../auth/auth.service';
import { sessionTokenFrom } from '../auth/session-token';
import { AuthenticatedRequest, IS_PUBLIC } from '../common/auth-context';
import { InvalidInput, NotAuthenticated, NotFound } from '../common/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one gate of every HTTP route, global so that no route can forget it: a live
 * session unless the route is marked @Public(), and, for any route under a
 * `:caseId`, membership of that case. A non-member gets the same 404 as for a case
 * that does not exist, so a case's existence is not disclosed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caseId = request.params['caseId'] as string | undefined;
    if (caseId !== undefined && !UUID.test(caseId)) {
      throw new InvalidInput([{ field: 'caseId', rule: 'isUuid', message: 'caseId must be a UUID' }]);
    }
    const token = sessionTokenFrom(request);
    const found = token ? await this.auth.authenticateForCase(token, caseId ?? null) : null;
    if (!found) throw new NotAuthenticated('Please sign in. Your session is missing, has ended, or was signed out.');
    request.auth = found.auth;
    if (caseId !== undefined && !found.member) throw new NotFound('Case not found');
    return true;
  }
}
