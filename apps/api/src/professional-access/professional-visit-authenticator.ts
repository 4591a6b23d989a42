import { Injectable } from '@nestjs/common';
import { professionalAccessStatus } from '@parallel/domain';
import { hashToken } from '../auth/auth.service';
import type { ProfessionalContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { Gone, NotAuthenticated } from '../common/errors';
import type { ProfessionalAccessGrantEntity } from './entities/professional-access-grant.entity';
import type { ProfessionalVisitEntity } from './entities/professional-visit.entity';
import { ProfessionalAccessRepository } from './professional-access.repository';

/** Plain words for a professional whose view cannot open, whatever the reason. */
export const VISIT_MISSING = 'This record is not open in this browser, or its view has closed. Open the link from your e-mail again.';
export const ACCESS_REVOKED = 'The parent who shared this record has ended your access. The link no longer opens it.';
export const ACCESS_EXPIRED = 'Your access to this record has expired. The parent who shared it can give you a new link.';

/**
 * Checks a professional's visit cookie on every request: the visit must be open and
 * unexpired, and the access it came from neither ended by its parent nor past its end, so a
 * link ended a minute ago closes every visit made with it at once. Used by the access guard.
 */
@Injectable()
export class ProfessionalVisitAuthenticator {
  constructor(
    private readonly repository: ProfessionalAccessRepository,
    private readonly clock: Clock,
  ) {}

  async authenticate(token: string | null): Promise<ProfessionalContext> {
    const found = token ? await this.repository.findVisitByTokenHash(hashToken(token)) : null;
    if (!found || found.visit.endedAt !== null) throw new NotAuthenticated(VISIT_MISSING);
    const { visit, grant } = found;
    const now = this.clock.now();
    const status = professionalAccessStatus({ grantedBy: grant.grantedBy, expiresAtMs: grant.expiresAt.getTime(), revokedAtMs: grant.revokedAt?.getTime() ?? null }, now.getTime());
    if (status === 'revoked') throw new Gone(ACCESS_REVOKED);
    if (status === 'expired') throw new Gone(ACCESS_EXPIRED);
    if (visit.expiresAt <= now) throw new NotAuthenticated(VISIT_MISSING);
    return professionalContextOf(grant, visit);
  }
}

/** What a request of an open visit carries: who the professional is, by which access, until when. */
export function professionalContextOf(grant: ProfessionalAccessGrantEntity, visit: Pick<ProfessionalVisitEntity, 'id' | 'expiresAt'>): ProfessionalContext {
  return {
    visitId: visit.id,
    grantId: grant.id,
    caseId: grant.caseId,
    grantedBy: grant.grantedBy,
    name: grant.name,
    role: grant.role,
    email: grant.email,
    expiresAt: grant.expiresAt,
    visitExpiresAt: visit.expiresAt,
  };
}
