import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthService } from '../auth/auth.service';
import { sessionCredentialFrom } from '../auth/session-token';
import { AuthenticatedRequest, IS_FOR_PROFESSIONAL, IS_PUBLIC } from '../common/auth-context';
import { InvalidInput, NotAllowed, NotAuthenticated, NotFound } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { visitTokenFrom } from '../professional-access/professional-visit-cookie';
import { ProfessionalVisitAuthenticator } from '../professional-access/professional-visit-authenticator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate of every HTTP route, global so that no route can forget it: a live
 * session unless the route is marked @Public(), and, for any route under a
 * `:caseId`, membership of that case. A non-member gets the same 404 as for a case
 * that does not exist, so a case's existence is not disclosed.
 *
 * Routes marked @ForProfessional() take a professional's visit instead, and nothing else: a
 * parent's session does not open them, and a visit opens no other route (its cookie is not
 * even sent elsewhere), so what a professional can do is exactly the list of those routes.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly professionals: ProfessionalVisitAuthenticator,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ownOrigin = new URL(config.publicUrl).origin;
  }

  private readonly ownOrigin: string;

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (this.reflector.getAllAndOverride<boolean>(IS_FOR_PROFESSIONAL, [context.getHandler(), context.getClass()])) {
      const token = visitTokenFrom(request);
      // The visit's cookie rides along by itself like a session cookie: changes must come from our pages.
      if (token && !SAFE_METHODS.has(request.method)) this.refuseForeignOrigin(request);
      request.professional = await this.professionals.authenticate(token);
      return true;
    }
    const caseId = (request.params as Record<string, string | undefined>)['caseId'];
    if (caseId !== undefined && !UUID.test(caseId)) {
      throw new InvalidInput([{ field: 'caseId', rule: 'isUuid', message: 'caseId must be a UUID' }]);
    }
    const credential = sessionCredentialFrom(request);
    if (credential?.via === 'cookie' && !SAFE_METHODS.has(request.method)) this.refuseForeignOrigin(request);
    const found = credential ? await this.auth.authenticateForCase(credential.token, caseId ?? null) : null;
    if (!found) throw new NotAuthenticated('Please sign in. Your session is missing, has ended, or was signed out.');
    request.auth = found.auth;
    if (caseId !== undefined && !found.member) throw new NotFound('Case not found');
    return true;
  }

  /**
   * A cookie rides along by itself, so a change made with it must come from our own pages:
   * `Origin` equal to PUBLIC_URL's origin, or, without Origin, `Sec-Fetch-Site: same-origin`.
   * Defence in depth beside SameSite=Strict. Bearer tokens are sent on purpose and need not.
   */
  private refuseForeignOrigin(request: AuthenticatedRequest): void {
    const origin = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    const sameOrigin = origin !== undefined ? origin === this.ownOrigin : fetchSite === 'same-origin';
    if (!sameOrigin) {
      throw new NotAllowed('A change signed in by cookie must come from this site’s own pages. Other programs should send the session token as a bearer token.', [
        { field: 'Origin', rule: 'sameOrigin', message: `Origin must be ${this.ownOrigin} (or Sec-Fetch-Site same-origin) for a request authenticated by cookie` },
      ]);
    }
  }
}
