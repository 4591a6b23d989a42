import { Injectable } from '@nestjs/common';
import { professionalAccessStatus, professionalVisitEndsAt } from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { hashToken, newToken } from '../auth/auth.service';
import { CasesRepository } from '../cases/cases.repository';
import type { ProfessionalContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { Gone, NotFound } from '../common/errors';
import { CaseCommands } from '../ledger/case-commands';
import { LIMITS } from '../throttle/limits';
import { ThrottleService } from '../throttle/throttle.service';
import type { ProfessionalViewDto } from './dto/professional-access.dto';
import type { ProfessionalAccessGrantEntity } from './entities/professional-access-grant.entity';
import type { ProfessionalVisitEntity } from './entities/professional-visit.entity';
import { ProfessionalAccessNotifier } from './professional-access-notifier';
import { ProfessionalAccessRepository } from './professional-access.repository';
import { ACCESS_EXPIRED, ACCESS_REVOKED, professionalContextOf } from './professional-visit-authenticator';

export const LINK_NOT_VALID = 'This link is not valid. Check that the whole link was copied from the e-mail.';

/**
 * A professional's visits: the link's secret is exchanged for a visit of its own (a cookie
 * bound to that access and its case), recorded as one `professional_access.viewed` entry, so
 * the record says each time the professional opened it, not each page they read.
 */
@Injectable()
export class ProfessionalVisitsService {
  constructor(
    private readonly repository: ProfessionalAccessRepository,
    private readonly cases: CasesRepository,
    private readonly commands: CaseCommands,
    private readonly notifier: ProfessionalAccessNotifier,
    private readonly throttle: ThrottleService,
    private readonly clock: Clock,
  ) {}

  /** Opens a visit with the link's secret; answers what it shows, and the visit's credential for its cookie. */
  async open(secret: string): Promise<{ view: ProfessionalViewDto; token: string; expiresAt: Date }> {
    const found = await this.repository.findGrantBySecretHash(hashToken(secret));
    if (!found) throw new NotFound(LINK_NOT_VALID);
    refuseClosed(found, this.clock.now());
    await this.throttle.consume([[LIMITS.professionalVisitsPerAccess, found.id]], this.clock.now(), 'openings of this link');
    const token = newToken();
    const { grant, visit } = await this.commands.run(found.caseId, async (tx) => {
      // Read again under the case's lock: an end recorded meanwhile wins.
      const current = await this.repository.findGrant(found.caseId, found.id, tx);
      if (!current) throw new NotFound(LINK_NOT_VALID);
      refuseClosed(current, tx.now);
      const visitId = randomUUID();
      const entry = await tx.record('professional_access.viewed', null, { grantId: current.id, visitId, name: current.name, role: current.role });
      const row: ProfessionalVisitEntity = {
        id: visitId,
        grantId: current.id,
        caseId: current.caseId,
        tokenHash: hashToken(token),
        openedAt: tx.now,
        expiresAt: new Date(professionalVisitEndsAt(tx.now.getTime(), current.expiresAt.getTime())),
        ledgerSeq: entry.seq,
        endedAt: null,
      };
      await this.repository.insertVisit(tx, row);
      this.notifier.announce(tx, current, 'viewed');
      return { grant: current, visit: row };
    });
    const context = professionalContextOf(grant, visit);
    return { view: await this.view(context), token, expiresAt: visit.expiresAt };
  }

  /** Who the professional is, who gave the access, and the case they may read, with its head. */
  async view(professional: ProfessionalContext): Promise<ProfessionalViewDto> {
    const [row, parentsByCase] = await Promise.all([this.cases.findCase(professional.caseId), this.cases.parentsOf([professional.caseId])]);
    if (!row) throw new NotFound('Case not found');
    const parents = (parentsByCase.get(professional.caseId) ?? []).map((parent) => ({ ...parent, joinedAt: parent.joinedAt.toISOString() }));
    const grantedBy = parents.find((parent) => parent.userId === professional.grantedBy);
    if (!grantedBy) throw new NotFound('Case not found');
    return {
      professional: { name: professional.name, role: professional.role, email: professional.email },
      grantedBy,
      expiresAt: professional.expiresAt.toISOString(),
      visitExpiresAt: professional.visitExpiresAt.toISOString(),
      case: {
        id: row.id,
        name: row.name,
        timeZone: row.timeZone,
        children: row.children,
        parents,
        ledgerHead: { seq: row.ledgerHeadSeq, hash: row.ledgerHeadHash },
      },
    };
  }

  /** Closes this visit (a shared computer): its cookie stops working; the link still opens a new one. */
  async end(professional: ProfessionalContext): Promise<void> {
    await this.repository.endVisit(professional.visitId, this.clock.now());
  }
}

function refuseClosed(grant: ProfessionalAccessGrantEntity, now: Date): void {
  const status = professionalAccessStatus({ grantedBy: grant.grantedBy, expiresAtMs: grant.expiresAt.getTime(), revokedAtMs: grant.revokedAt?.getTime() ?? null }, now.getTime());
  if (status === 'revoked') throw new Gone(ACCESS_REVOKED);
  if (status === 'expired') throw new Gone(ACCESS_EXPIRED);
}
