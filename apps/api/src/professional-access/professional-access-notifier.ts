import { Inject, Injectable, Logger } from '@nestjs/common';
import { CaseAccessRepository } from '../access/case-access.repository';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { CaseTransaction } from '../ledger/case-commands';
import { MailService } from '../notifications/mail.service';
import { RealtimeGateway } from '../notifications/realtime.gateway';
import type { ProfessionalAccessGrantEntity } from './entities/professional-access-grant.entity';
import { accessEndedMail, accessGrantedNoticeMail, accessLinkMail } from './professional-access-mail';
import { ProfessionalAccessRepository } from './professional-access.repository';

export type ProfessionalAccessChange = 'granted' | 'revoked' | 'viewed' | 'exported';

/**
 * After a change of professional access commits: both parents' screens are told (ids only;
 * they fetch what they may see), the other parent is mailed when access is given, and the
 * professional when it is ended. Mail failures never undo what was recorded.
 */
@Injectable()
export class ProfessionalAccessNotifier {
  private readonly logger = new Logger('ProfessionalAccess');

  constructor(
    private readonly access: CaseAccessRepository,
    private readonly repository: ProfessionalAccessRepository,
    private readonly realtime: RealtimeGateway,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Mails the link to the professional: the only place, besides the granting parent's screen, where it exists. */
  async sendLink(
    grant: ProfessionalAccessGrantEntity,
    secret: string,
    about: { parentName: string; caseName: string; timeZone: string },
  ): Promise<{ url: string; mailDelivered: boolean }> {
    const url = `${this.config.publicUrl}/p/${secret}`;
    const mailDelivered = await this.mail.send(
      accessLinkMail({ to: grant.email, professionalName: grant.name, role: grant.role, link: url, expiresAt: grant.expiresAt, ...about }),
    );
    return { url, mailDelivered };
  }

  /** Tells both parents' screens that `grant` changed (`change`). */
  announce(tx: CaseTransaction, grant: ProfessionalAccessGrantEntity, change: ProfessionalAccessChange): void {
    tx.afterCommit(() => this.emitToParents(tx.caseRow.id, grant.grantedBy, grant.id, change));
  }

  /** The same, for a change already committed by another module's command (an export). */
  announceNow(caseId: string, grantedBy: string, grantId: string, change: ProfessionalAccessChange): void {
    this.emitToParents(caseId, grantedBy, grantId, change).catch((error: Error) => this.logger.error(`A live event after a committed change failed: ${error.message}`));
  }

  private async emitToParents(caseId: string, grantedBy: string, grantId: string, change: ProfessionalAccessChange): Promise<void> {
    const otherParentId = await this.access.otherParentId(caseId, grantedBy);
    for (const parentId of [grantedBy, otherParentId]) {
      if (parentId) this.realtime.emitToUser(parentId, 'professional_access.changed', { caseId, grantId, change });
    }
  }

  /** The other parent learns who can now read the record (if they have joined). */
  tellOtherParent(tx: CaseTransaction, grant: ProfessionalAccessGrantEntity, parentName: string): void {
    const { id: caseId, name: caseName, timeZone } = tx.caseRow;
    tx.afterCommit(async () => {
      const otherParentId = await this.access.otherParentId(caseId, grant.grantedBy);
      const other = otherParentId ? await this.repository.contactOf(otherParentId) : null;
      if (!other) return;
      await this.mail.send(
        accessGrantedNoticeMail({
          to: other.email,
          parentName,
          professionalName: grant.name,
          role: grant.role,
          caseName,
          expiresAt: grant.expiresAt,
          timeZone,
          recordLink: `${this.config.publicUrl}/cases/${caseId}/record`,
        }),
      );
    });
  }

  /** The professional learns their link no longer works. */
  tellProfessionalItEnded(tx: CaseTransaction, grant: ProfessionalAccessGrantEntity, parentName: string): void {
    const caseName = tx.caseRow.name;
    tx.afterCommit(() => this.mail.send(accessEndedMail({ to: grant.email, professionalName: grant.name, parentName, caseName })));
  }
}
