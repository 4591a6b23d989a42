import { Injectable } from '@nestjs/common';
import { checkAccessExpiry, decideRevocation } from '@parallel/domain';
import { randomBytes, randomUUID } from 'node:crypto';
import { hashToken } from '../auth/auth.service';
import type { AuthContext } from '../common/auth-context';
import { Clock } from '../common/clock';
import { Conflict, InvalidInput, NotAllowed, NotFound } from '../common/errors';
import { CaseCommands } from '../ledger/case-commands';
import { LIMITS } from '../throttle/limits';
import { ThrottleService } from '../throttle/throttle.service';
import {
  GrantedProfessionalAccessDto,
  GrantProfessionalAccessDto,
  ProfessionalAccessDto,
  ProfessionalAccessListDto,
  toProfessionalAccessDto,
} from './dto/professional-access.dto';
import type { ProfessionalAccessGrantEntity } from './entities/professional-access-grant.entity';
import { ProfessionalAccessNotifier } from './professional-access-notifier';
import { ProfessionalAccessRepository } from './professional-access.repository';

/**
 * A parent's side of professional access: give it (the link mailed to the professional, the
 * other parent told), list it (both parents see every access), end it (only its giver).
 * Membership of the case is checked by the access guard before any of this runs.
 */
@Injectable()
export class ProfessionalAccessService {
  constructor(
    private readonly repository: ProfessionalAccessRepository,
    private readonly commands: CaseCommands,
    private readonly notifier: ProfessionalAccessNotifier,
    private readonly throttle: ThrottleService,
    private readonly clock: Clock,
  ) {}

  async grant(auth: AuthContext, caseId: string, dto: GrantProfessionalAccessDto): Promise<GrantedProfessionalAccessDto> {
    const expiresAt = new Date(dto.expiresAt);
    this.checkExpiry(expiresAt, this.clock.now());
    // Each access mails a link outside the case: limited per parent and per professional's address.
    await this.throttle.consume(
      [
        [LIMITS.professionalAccessPerAccount, auth.userId],
        [LIMITS.professionalAccessPerProfessional, dto.email],
      ],
      this.clock.now(),
      'access links from this account, or to this address,',
    );
    // 256 random bits; the database keeps only their hash, so no reader of it holds a working link.
    const secret = randomBytes(32).toString('base64url');
    const { grant, caseName, timeZone } = await this.commands.run(caseId, async (tx) => {
      this.checkExpiry(expiresAt, tx.now);
      const parentEmails = await this.repository.parentEmails(tx, caseId);
      // A parent is not a professional: their access is their own, and no one may pose as a lawyer with a parent's address.
      if (parentEmails.includes(dto.email)) {
        throw new Conflict('That address belongs to a parent in this case. Give access to the professional’s own address.', [
          { field: 'email', rule: 'notParent', message: 'email belongs to a parent in this case' },
        ]);
      }
      const row: ProfessionalAccessGrantEntity = {
        id: randomUUID(),
        caseId,
        grantedBy: auth.userId,
        role: dto.role,
        name: dto.name,
        email: dto.email,
        secretHash: hashToken(secret),
        expiresAt,
        grantedAt: tx.now,
        ledgerSeq: 0,
        revokedAt: null,
        revokedBy: null,
      };
      const entry = await tx.record('professional_access.granted', auth.userId, {
        grantId: row.id,
        role: row.role,
        name: row.name,
        email: row.email,
        expiresAt: row.expiresAt.toISOString(),
      });
      row.ledgerSeq = entry.seq;
      await this.repository.insertGrant(tx, row);
      this.notifier.announce(tx, row, 'granted');
      this.notifier.tellOtherParent(tx, row, auth.displayName);
      return { grant: row, caseName: tx.caseRow.name, timeZone: tx.caseRow.timeZone };
    });
    const { url, mailDelivered } = await this.notifier.sendLink(grant, secret, { parentName: auth.displayName, caseName, timeZone });
    return { access: toProfessionalAccessDto({ ...grant, visitCount: 0, lastVisitAt: null }, auth.userId, this.clock.now()), url, mailDelivered };
  }

  async list(auth: AuthContext, caseId: string): Promise<ProfessionalAccessListDto> {
    const now = this.clock.now();
    return { items: (await this.repository.listGrants(caseId)).map((row) => toProfessionalAccessDto(row, auth.userId, now)) };
  }

  async revoke(auth: AuthContext, caseId: string, grantId: string): Promise<ProfessionalAccessDto> {
    await this.commands.run(caseId, async (tx) => {
      const grant = await this.repository.findGrant(caseId, grantId, tx);
      if (!grant) throw new NotFound('This access was not found in this case.');
      const decision = decideRevocation({ grantedBy: grant.grantedBy, expiresAtMs: grant.expiresAt.getTime(), revokedAtMs: grant.revokedAt?.getTime() ?? null }, auth.userId, tx.now.getTime());
      if (!decision.ok) {
        switch (decision.reason) {
          case 'not_granter':
            throw new NotAllowed('Only the parent who gave this access can end it.');
          case 'revoked':
            throw new Conflict('This access was already ended.');
          case 'expired':
            throw new Conflict('This access has already expired; the link no longer works.');
        }
      }
      await tx.record('professional_access.revoked', auth.userId, { grantId, name: grant.name, role: grant.role });
      await this.repository.markRevoked(tx, grantId, tx.now, auth.userId);
      this.notifier.announce(tx, grant, 'revoked');
      this.notifier.tellProfessionalItEnded(tx, grant, auth.displayName);
    });
    const row = (await this.repository.listGrants(caseId)).find((grant) => grant.id === grantId);
    if (!row) throw new NotFound('This access was not found in this case.');
    return toProfessionalAccessDto(row, auth.userId, this.clock.now());
  }

  private checkExpiry(expiresAt: Date, now: Date): void {
    const check = checkAccessExpiry(expiresAt.getTime(), now.getTime());
    if (!check.ok) throw new InvalidInput([{ field: 'expiresAt', rule: check.rule, message: check.message }]);
  }
}
