import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { poolOf, prepared } from '../database/prepared';
import { SEALED_PREFIX } from './secret-box';
import { DataSource, EntityManager } from 'typeorm';
import { AccountTokenEntity, AccountTokenPurpose } from './entities/account-token.entity';
import { LoginAttemptEntity } from './entities/login-attempt.entity';
import { RecoveryCodeEntity } from './entities/recovery-code.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';


/** Every request: the session, its user and membership of the case asked for (prepared: see database/prepared.ts). */
export const FIND_LIVE_SESSION = prepared(
  'find_live_session',
  `SELECT s.id AS session_id, s.last_seen_at, u.id, u.email, u.display_name,
          EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = $3::uuid AND m.user_id = u.id) AS member
     FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
);
const TOUCH_SESSION = prepared('touch_session', 'UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $3');

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
   * `caseId` when one is given: one round trip, as every request asks it (on the pool itself: see poolOf).
   */
  async findLiveSession(
    tokenHash: string,
    now: Date,
    caseId: string | null = null,
  ): Promise<{ sessionId: string; lastSeenAt: Date; user: Pick<UserEntity, 'id' | 'email' | 'displayName'>; member: boolean } | null> {
    const rows: { session_id: string; last_seen_at: Date; id: string; email: string; display_name: string; member: boolean }[] = await poolOf(this.dataSource).query(FIND_LIVE_SESSION, [
      tokenHash,
      now,
      caseId,
    ]);
    const row = rows[0];
    return row ? { sessionId: row.session_id, lastSeenAt: new Date(row.last_seen_at), user: { id: row.id, email: row.email, displayName: row.display_name }, member: row.member } : null;
  }

  async revokeSession(sessionId: string, now: Date): Promise<void> {
    await this.dataSource.getRepository(SessionEntity).update({ id: sessionId }, { revokedAt: now });
  }

  /** Records that a session was used now, at most once per `every` ms, so requests rarely write. */
  async touchSession(sessionId: string, now: Date, every: number): Promise<void> {
    await poolOf(this.dataSource).query(TOUCH_SESSION, [sessionId, now, new Date(now.getTime() - every)]);
  }

  /** The live sessions of a user, most recently used first. */
  listLiveSessions(userId: string, now: Date): Promise<SessionEntity[]> {
    return this.dataSource
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.revoked_at IS NULL AND s.expires_at > :now', { userId, now })
      .orderBy('s.last_seen_at', 'DESC')
      .addOrderBy('s.created_at', 'DESC')
      .getMany();
  }

  /**
   * Ends live sessions of a user: all of them, only `only`, or all but `except`. Answers the
   * ids that ended, so their sockets can be ended too.
   */
  async revokeSessions(userId: string, now: Date, which: { only?: string; except?: string } = {}): Promise<string[]> {
    const rows = await this.changed<{ id: string }>(
      `UPDATE sessions SET revoked_at = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2
          AND ($3::uuid IS NULL OR id = $3::uuid) AND ($4::uuid IS NULL OR id <> $4::uuid)
        RETURNING id`,
      [userId, now, which.only ?? null, which.except ?? null],
    );
    return rows.map((row) => row.id);
  }

  /** Whether the user had a session on this kind of device created since `since`. */
  async hasDeviceSince(userId: string, device: string, since: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM sessions WHERE user_id = $1 AND device = $2 AND created_at >= $3 LIMIT 1', [userId, device, since]);
    return rows.length > 0;
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.dataSource.getRepository(UserEntity).update({ id: userId }, { passwordHash });
  }

  /** Moves the account to a new address; false when another account has it. */
  async setEmail(userId: string, email: string): Promise<boolean> {
    try {
      const rows = await this.changed(`UPDATE users SET email = $2 WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM users WHERE email = $2) RETURNING id`, [userId, email]);
      return rows.length > 0;
    } catch (error) {
      // Two changes to the same address at once: the unique index decides.
      if ((error as { code?: string }).code === '23505') return false;
      throw error;
    }
  }

  /** Stores a token, replacing the account's earlier one of the same purpose. */
  async replaceToken(token: AccountTokenEntity): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(AccountTokenEntity, { userId: token.userId, purpose: token.purpose });
      await manager.insert(AccountTokenEntity, token);
    });
  }

  /** The live token of this purpose, without using it. */
  async findToken(tokenHash: string, purpose: AccountTokenPurpose, now: Date): Promise<AccountTokenEntity | null> {
    const token = await this.dataSource.getRepository(AccountTokenEntity).findOneBy({ tokenHash, purpose });
    return token && token.expiresAt > now ? token : null;
  }

  /** Uses a token: deletes it and answers it if it was live. Of two concurrent uses, one wins. */
  async takeToken(tokenHash: string, purpose: AccountTokenPurpose, now: Date): Promise<AccountTokenEntity | null> {
    const rows = await this.changed<{ user_id: string; new_email: string | null; expires_at: Date; created_at: Date }>(
      `DELETE FROM account_tokens WHERE token_hash = $1 AND purpose = $2 RETURNING user_id, new_email, expires_at, created_at`,
      [tokenHash, purpose],
    );
    const row = rows[0];
    if (!row || new Date(row.expires_at) <= now) return null;
    return { tokenHash, purpose, userId: row.user_id, newEmail: row.new_email, createdAt: new Date(row.created_at), expiresAt: new Date(row.expires_at) };
  }

  async deleteTokens(userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await this.dataSource.getRepository(AccountTokenEntity).delete({ userId, purpose });
  }

  async setPendingTotp(userId: string, secret: string): Promise<void> {
    await this.dataSource.getRepository(UserEntity).update({ id: userId }, { totpPendingSecret: secret });
  }

  /** Turns the second factor on with the pending secret and new recovery codes (hashes). */
  async enableTotp(userId: string, secret: string, step: number, codeHashes: string[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: userId }, { totpSecret: secret, totpPendingSecret: null, totpLastStep: String(step) });
      await manager.delete(RecoveryCodeEntity, { userId });
      await manager.insert(RecoveryCodeEntity, codeHashes.map((codeHash) => ({ userId, codeHash, usedAt: null })));
    });
  }

  async disableTotp(userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: userId }, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
      await manager.delete(RecoveryCodeEntity, { userId });
      await manager.delete(AccountTokenEntity, { userId, purpose: 'second_factor' });
    });
  }

  /** Accepts a code's time step once: false if this step (or a later one) was already used. */
  async useTotpStep(userId: string, step: number): Promise<boolean> {
    const rows = await this.changed('UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id', [userId, step]);
    return rows.length > 0;
  }

  /** Uses a recovery code once; false if it is not one of the user's unused codes. */
  async useRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean> {
    const rows = await this.changed('UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING code_hash', [userId, codeHash, now]);
    return rows.length > 0;
  }

  /** Failed sign-ins from one address at one account since that pair's last success, within `since`. */
  async pairFailures(address: string, email: string, since: Date): Promise<{ failures: number; lastAt: Date | null }> {
    const rows: { failures: number; last_at: Date | null }[] = await this.dataSource.query(
      `SELECT count(*)::int AS failures, max(at) AS last_at FROM login_attempts
        WHERE address = $1 AND email = $2 AND NOT succeeded AND at > $3
          AND at > COALESCE((SELECT max(at) FROM login_attempts WHERE address = $1 AND email = $2 AND succeeded), '-infinity')`,
      [address, email, since],
    );
    const row = rows[0];
    return { failures: Number(row?.failures ?? 0), lastAt: row?.last_at ? new Date(row.last_at) : null };
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

  /** One sealed TOTP secret (confirmed), if any: start-up checks that the secrets key opens it. */
  async anySealedTotpSecret(): Promise<{ userId: string; secret: string } | null> {
    const rows: { id: string; totp_secret: string }[] = await this.dataSource.query('SELECT id, totp_secret FROM users WHERE starts_with(totp_secret, $1) LIMIT 1', [SEALED_PREFIX]);
    return rows[0] ? { userId: rows[0].id, secret: rows[0].totp_secret } : null;
  }

  /** Users with a TOTP secret stored before sealing existed (confirmed or pending). */
  async unsealedTotpSecrets(): Promise<{ userId: string; totpSecret: string | null; totpPendingSecret: string | null }[]> {
    const rows: { id: string; totp_secret: string | null; totp_pending_secret: string | null }[] = await this.dataSource.query(
      'SELECT id, totp_secret, totp_pending_secret FROM users WHERE NOT starts_with(totp_secret, $1) OR NOT starts_with(totp_pending_secret, $1)',
      [SEALED_PREFIX],
    );
    return rows.map((row) => ({ userId: row.id, totpSecret: row.totp_secret, totpPendingSecret: row.totp_pending_secret }));
  }

  /** Replaces a TOTP secret only if it is still `was` (another process may have sealed it first); true if it did. */
  async replaceTotpSecret(userId: string, column: 'totpSecret' | 'totpPendingSecret', was: string, sealed: string): Promise<boolean> {
    const name = column === 'totpSecret' ? 'totp_secret' : 'totp_pending_secret';
    return (await this.changed(`UPDATE users SET ${name} = $3 WHERE id = $1 AND ${name} = $2 RETURNING id`, [userId, was, sealed])).length === 1;
  }

  /** Sessions that have ended (expired or signed out) and began before `before`; answers how many. */
  async deleteEndedSessionsBegunBefore(before: Date, now: Date): Promise<number> {
    return this.countDeleted('DELETE FROM sessions WHERE created_at < $1 AND (expires_at <= $2 OR revoked_at IS NOT NULL) RETURNING 1', [before, now]);
  }

  async deleteLoginAttemptsBefore(before: Date): Promise<number> {
    return this.countDeleted('DELETE FROM login_attempts WHERE at < $1 RETURNING 1', [before]);
  }

  /** One-use tokens past their expiry: they can no longer be used. */
  async deleteExpiredTokens(now: Date): Promise<number> {
    return this.countDeleted('DELETE FROM account_tokens WHERE expires_at <= $1 RETURNING 1', [now]);
  }

  /** How many rows a DELETE ... RETURNING 1 removed, without sending them over. */
  private async countDeleted(statement: string, params: unknown[]): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(`WITH gone AS (${statement}) SELECT count(*)::integer AS n FROM gone`, params);
    return rows[0]!.n;
  }

  /** The rows an UPDATE or DELETE ... RETURNING changed, in one shape on pg and PGlite. */
  private changed<T = Record<string, unknown>>(statement: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.query(`WITH changed AS (${statement}) SELECT * FROM changed`, params);
  }
}
