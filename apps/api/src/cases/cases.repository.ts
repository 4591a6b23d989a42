import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseScopedRepository } from '../database/case-scoped.repository';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { UserEntity } from '../auth/entities/user.entity';
import { CaseMemberEntity } from './entities/case-member.entity';
import { CaseEntity } from './entities/case.entity';
import { InvitationEntity } from './entities/invitation.entity';

export interface CaseParentRow {
  userId: string;
  displayName: string;
  role: string;
  joinedAt: Date;
}

@Injectable()
export class CasesRepository extends CaseScopedRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  async insertCase(manager: EntityManager, row: CaseEntity): Promise<void> {
    await manager.insert(CaseEntity, row);
  }

  async insertMember(manager: EntityManager, row: CaseMemberEntity): Promise<void> {
    await manager.insert(CaseMemberEntity, row);
  }

  async casesOf(userId: string): Promise<CaseEntity[]> {
    return this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .innerJoin(CaseMemberEntity, 'm', 'm.case_id = c.id AND m.user_id = :userId', { userId })
      .orderBy('c.created_at', 'DESC')
      .getMany();
  }

  async parentsOf(caseIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, CaseParentRow[]>> {
    const byCase = new Map<string, CaseParentRow[]>(caseIds.map((id) => [id, []]));
    if (caseIds.length === 0) return byCase;
    const rows: { case_id: string; user_id: string; display_name: string; role: string; joined_at: Date }[] = await manager.query(
      `SELECT m.case_id, m.user_id, u.display_name, m.role, m.joined_at
         FROM case_members m JOIN users u ON u.id = m.user_id
        WHERE m.case_id = ANY($1::uuid[]) ORDER BY m.joined_at`,
      [caseIds],
    );
    for (const row of rows) {
      byCase.get(row.case_id)?.push({ userId: row.user_id, displayName: row.display_name, role: row.role, joinedAt: new Date(row.joined_at) });
    }
    return byCase;
  }

  async memberEmails(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows: { email: string }[] = await manager.query(
      'SELECT u.email FROM case_members m JOIN users u ON u.id = m.user_id WHERE m.case_id = $1',
      [caseId],
    );
    return rows.map((row) => row.email);
  }

  async pendingInvitation(caseId: string, now: Date, manager: EntityManager = this.dataSource.manager): Promise<InvitationEntity | null> {
    const invitations = await manager.getRepository(InvitationEntity).find({
      where: { caseId, acceptedAt: IsNull(), revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
      take: 1,
    });
    const latest = invitations[0];
    return latest && latest.expiresAt > now ? latest : null;
  }

  /** A new invitation replaces any earlier one: only the latest link works. */
  async revokePendingInvitations(manager: EntityManager, caseId: string, now: Date): Promise<void> {
    await manager.getRepository(InvitationEntity).update({ caseId, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
  }

  async insertInvitation(manager: EntityManager, row: InvitationEntity): Promise<void> {
    await manager.insert(InvitationEntity, row);
  }

  findInvitationByTokenHash(tokenHash: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<InvitationEntity | null> {
    return manager.getRepository(InvitationEntity).findOne({
      where: { tokenHash },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async markInvitationAccepted(manager: EntityManager, invitationId: string, userId: string, now: Date): Promise<void> {
    await manager.getRepository(InvitationEntity).update({ id: invitationId }, { acceptedAt: now, acceptedBy: userId });
  }

  findUser(userId: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ id: userId });
  }
}
