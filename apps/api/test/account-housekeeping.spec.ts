import { randomUUID } from 'node:crypto';
import { AccountHousekeeping } from '../src/auth/account-housekeeping';
import { registerParent } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const DAY = 24 * 60 * 60 * 1000;

/** Sessions, sign-in attempts and one-use tokens are kept only as long as they serve the account. */
describe('account housekeeping', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('deletes ended sessions older than the new-device memory, old sign-in attempts and expired tokens, and nothing else', async () => {
    const parent = await registerParent(t, 'Kept');
    const other = await registerParent(t, 'Other');
    const now = t.clock.now().getTime();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
    const session = async (label: string, createdDaysAgo: number, expiresDaysAgo: number, revokedDaysAgo: number | null) => {
      const id = randomUUID();
      await t.query(
        `INSERT INTO sessions (id, user_id, token_hash, created_at, expires_at, revoked_at, user_agent, last_seen_at, device)
         VALUES ($1, $2, $3, $4, $5, $6, NULL, $4, $7)`,
        [id, parent.user.id, `${label}-${randomUUID()}`, at(createdDaysAgo), at(expiresDaysAgo), revokedDaysAgo === null ? null : at(revokedDaysAgo), label],
      );
      return id;
    };
    const sessions = {
      endedLongAgo: await session('ended long ago', 100, 70, null),
      signedOutLongAgo: await session('signed out long ago', 95, 65, 94),
      endedWithinMemory: await session('ended within memory', 40, 10, null),
      signedOutYesterday: await session('signed out yesterday', 2, -28, 1),
    };
    for (const [email, daysAgo] of [['kept@example.org', 10], ['gone@example.org', 100]] as const) {
      await t.query('INSERT INTO login_attempts (email, address, succeeded, at) VALUES ($1, $2, false, $3)', [email, '198.51.100.40', at(daysAgo)]);
    }
    await t.query(`INSERT INTO account_tokens (token_hash, user_id, purpose, new_email, created_at, expires_at) VALUES ($1, $2, 'password_reset', NULL, $3, $4)`, [
      `expired-${randomUUID()}`,
      parent.user.id,
      at(2),
      at(1),
    ]);
    await t.query(`INSERT INTO account_tokens (token_hash, user_id, purpose, new_email, created_at, expires_at) VALUES ($1, $2, 'password_reset', NULL, $3, $4)`, [
      `live-${randomUUID()}`,
      other.user.id,
      at(0),
      at(-1),
    ]);

    const result = await t.app.get(AccountHousekeeping).sweep();

    expect(result).toEqual({ sessions: 2, loginAttempts: 1, accountTokens: 1 });
    const left = (await t.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = $1', [parent.user.id])).map((row) => row.id);
    expect(left).toEqual(expect.arrayContaining([sessions.endedWithinMemory, sessions.signedOutYesterday]));
    expect(left).not.toContain(sessions.endedLongAgo);
    expect(left).not.toContain(sessions.signedOutLongAgo);
    expect((await t.query<{ email: string }>('SELECT email FROM login_attempts WHERE address = $1', ['198.51.100.40'])).map((row) => row.email)).toEqual(['kept@example.org']);
    expect((await t.query<{ user_id: string }>('SELECT user_id FROM account_tokens')).map((row) => row.user_id)).toEqual([other.user.id]);
    // The live session still signs in; a second sweep finds nothing more.
    await t.http().get('/api/auth/me').set(parent.bearer).expect(200);
    expect(await t.app.get(AccountHousekeeping).sweep()).toEqual({ sessions: 0, loginAttempts: 0, accountTokens: 0 });
  });
});
