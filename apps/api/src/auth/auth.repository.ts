import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LoginAttemptEntity } from './entities/login-attempt.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';

@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findUserByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ email });
  }

  findUserById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  /** Turns the shield on or off; the updated user, or null if there is none. */
  async setShield(id: string, shield: boolean): Promise<UserEntity | null> {
    await this.dataSource.getRepository(UserEntity).update({ id }, { shield });
    return this.findUserById(id);
  }

  /** Inserts the user and its first session together; false when the e-mail is taken. */
  async insertUserWithSession(user: UserEntity, session: SessionEntity): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO users (id, email, password_hash, display_name, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING RETURNING id`,
        [user.id, user.email, user.passwordHash, user.displayName, user.createdAt],
      );
      if (inserted.length === 0) return false;
      await manager.insert(SessionEntity, session);
      return true;
    });
  }

  insertSession(session: SessionEntity, manager: EntityManager = this.dataSource.manager): Promise<unknown> {
    return manager.insert(SessionEntity, session);
  }

  /**
   * The session and its user, if the token is live, and whether the user belongs to
   * `caseId` when one is given: one round trip, as every request asks it.
   */
  async findLiveSession(
    tokenHash: string,
    now: Date,
    caseId: string | null = null,
  ): Promise<{ sessionId: string; user: Pick<UserEntity, 'id' | 'email' | 'displayName'>; member: boolean } | null> {
    const rows: { session_id: string; id: string; email: string; display_name: string; member: boolean }[] = await this.dataSource.query(
      `SELECT s.id AS session_id, u.id, u.email, u.display_name,
              EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = $3::uuid AND m.user_id = u.id) AS member
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
      [tokenHash, now, caseId],
    );
    const row = rows[0];
    return row ? { sessionId: row.session_id, user: { id: row.id, email: row.email, displayName: row.display_name }, member: row.member } : null;
  }

  async revokeSession(sessionId: string, now: Date): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).update({ id: sessionId }, { revokedAt: now });
  }

  recordLoginAttempt(attempt: Omit<LoginAttemptEntity, 'id'>): Promise<unknown> {
    return this.dataSource.getRepository(LoginAttemptEntity).insert(attempt);
  }

  /** Failed attempts since `since` (and, for an account, since its last success), oldest first. */
  async recentFailures(key: { email: string } | { address: string }, since: Date): Promise<Date[]> {
    const byEmail = 'email' in key;
    const rows: { at: Date }[] = await this.dataSource.query(
      byEmail
        ? `SELECT at FROM login_attempts WHERE email = $1 AND NOT succeeded AND at > $2
             AND at > COALESCE((SELECT max(at) FROM login_attempts WHERE email = $1 AND succeeded), '-infinity')
           ORDER BY at`
        : `SELECT at FROM login_attempts WHERE address = $1 AND NOT succeeded AND at > $2 ORDER BY at`,
      [byEmail ? key.email : key.address, since],
    );
    return rows.map((row) => new Date(row.at));
  }
}
