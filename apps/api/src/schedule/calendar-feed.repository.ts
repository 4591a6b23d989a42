import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { UserEntity } from '../auth/entities/user.entity';
import { CaseEntity } from '../cases/entities/case.entity';
import { CalendarFeedEntity } from './entities/calendar-feed.entity';

/** Calendar feed links (only their secrets' hashes) and what a feed needs to name people. */
@Injectable()
export class CalendarFeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findActive(caseId: string, userId: string): Promise<CalendarFeedEntity | null> {
    return this.dataSource.getRepository(CalendarFeedEntity).findOneBy({ caseId, userId, revokedAt: IsNull() });
  }

  findBySecretHash(secretHash: string): Promise<CalendarFeedEntity | null> {
    return this.dataSource.getRepository(CalendarFeedEntity).findOneBy({ secretHash, revokedAt: IsNull() });
  }

  /** Revokes the caller's live link (if any) and stores the new one, in one transaction. */
  async replace(row: CalendarFeedEntity, now: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(CalendarFeedEntity).update({ caseId: row.caseId, userId: row.userId, revokedAt: IsNull() }, { revokedAt: now });
      await manager.insert(CalendarFeedEntity, row);
    });
  }

  /** Inserts the first link unless one exists already (two first visits at once make one link). */
  async insertFirst(row: CalendarFeedEntity): Promise<CalendarFeedEntity> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`calendar-feed:${row.caseId}:${row.userId}`]);
      const existing = await manager.getRepository(CalendarFeedEntity).findOneBy({ caseId: row.caseId, userId: row.userId, revokedAt: IsNull() });
      if (existing) return existing;
      await manager.insert(CalendarFeedEntity, row);
      return row;
    });
  }

  /** Whether the user is still a parent of the case (a feed ends with membership). */
  async isMember(caseId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM case_members WHERE case_id = $1 AND user_id = $2', [caseId, userId]);
    return rows.length > 0;
  }

  findCase(caseId: string): Promise<CaseEntity | null> {
    return this.dataSource.getRepository(CaseEntity).findOneBy({ id: caseId });
  }

  async displayNames(userIds: string[]): Promise<Map<string, string>> {
    const users = await this.dataSource.getRepository(UserEntity).find({ where: { id: In(userIds) }, select: { id: true, displayName: true } });
    return new Map(users.map((user) => [user.id, user.displayName]));
  }
}
