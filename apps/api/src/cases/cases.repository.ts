import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { UserEntity } from '../auth/entities/user.entity';
import type { Tx } from '../database/transaction';
import { CaseMemberEntity } from './entities/case-member.entity';
import { InboxTermsChangeEntity } from '../terms/entities/inbox-terms-change.entity';
import { CaseEntity } from './entities/case.entity';
import { InvitationEntity } from './entities/invitation.entity';

export interface CaseParentRow {
  userId: string;
  displayName: string;
  role: string;
  joinedAt: Date;
}

@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findCase(caseId: string): Promise<CaseEntity | null> {
    return this.dataSource.getRepository(CaseEntity).findOneBy({ id: caseId });
  }

  async insertMember(tx: Tx, row: CaseMemberEntity): Promise<void> {
    await tx.manager.insert(CaseMemberEntity, row);
  }

  async casesOf(userId: string): Promise<CaseEntity[]> {
    return this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .innerJoin(CaseMemberEntity, 'm', 'm.case_id = c.id AND m.user_id = :userId', { userId })
      .orderBy('c.created_at', 'DESC')
      .getMany();
  }

  async parentsOf(caseIds: string[], tx?: Tx): Promise<Map<string, CaseParentRow[]>> {
    const byCase = new Map<string, CaseParentRow[]>(caseIds.map((id) => [id, []]));
    if (caseIds.length === 0) return byCase;
    const rows: { case_id: string; user_id: string; display_name: string; role: string; joined_at: Date }[] = await (tx?.manager ?? this.dataSource.manager).query(
      `SELECT m.case_id, m.user_id, u.display_name, m.role, m.joined_at
         FROM case_members m JOIN users u ON u.id = m.user_id
         JOIN cases c ON c.id = m.case_id
        WHERE m.case_id = ANY($1::uuid[]) ORDER BY m.joined_at, (m.user_id = c.created_by) DESC, m.user_id`,
      [caseIds],
    );
    for (const row of rows) {
      byCase.get(row.case_id)?.push({ userId: row.user_id, displayName: row.display_name, role: row.role, joinedAt: new Date(row.joined_at) });
    }
    return byCase;
  }

  async memberEmails(tx: Tx, caseId: string): Promise<string[]> {
    const rows: { email: string }[] = await tx.manager.query(
      'SELECT u.email FROM case_members m JOIN users u ON u.id = m.user_id WHERE m.case_id = $1',
      [caseId],
    );
    return rows.map((row) => row.email);
  }

  async pendingInvitation(caseId: string, now: Date): Promise<InvitationEntity | null> {
    const invitations = await this.dataSource.getRepository(InvitationEntity).find({
      where: { caseId, acceptedAt: IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
      take: 1,
    });
    const latest = invitations[0];
    return latest && latest.expiresAt > now ? latest : null;
  }

  /**
   * A new invitation replaces any earlier one: only the latest link works. Answers whether a
   * link that still worked (not expired) was voided, so the inviter can be told.
   */
  async revokePendingInvitations(tx: Tx, caseId: string, now: Date): Promise<boolean> {
    const repository = tx.manager.getRepository(InvitationEntity);
    const stillUsable = await repository.countBy({ caseId, acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(now) });
    await repository.update({ caseId, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
    return stillUsable > 0;
  }

  /** A case's first inbox terms, for both parents, from its `case.created` entry. */
  async insertFirstInboxTerms(tx: Tx, row: InboxTermsChangeEntity): Promise<void> {
    await tx.manager.insert(InboxTermsChangeEntity, row);
  }

  async insertInvitation(tx: Tx, row: InvitationEntity): Promise<void> {
    await tx.manager.insert(InvitationEntity, row);
  }

  /** With `tx`, the invitation row is locked: two acceptances of one link queue, and the second finds it used. */
  findInvitationByTokenHash(tokenHash: string, tx?: Tx): Promise<InvitationEntity | null> {
    return (tx?.manager ?? this.dataSource.manager).getRepository(InvitationEntity).findOne({
      where: { tokenHash },
      ...(tx ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async markInvitationAccepted(tx: Tx, invitationId: string, userId: string, now: Date): Promise<void> {
    await tx.manager.getRepository(InvitationEntity).update({ id: invitationId }, { acceptedAt: now, acceptedBy: userId });
  }

  findUser(userId: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
  }
}
