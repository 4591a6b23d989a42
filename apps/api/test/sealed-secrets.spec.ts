import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountMail } from '../src/auth/account-mail';
import { AccountService } from '../src/auth/account.service';
import { AuthRepository } from '../src/auth/auth.repository';
import { loadOrCreateSecretsKey, SecretBox } from '../src/auth/secret-box';
import { newTotpSecret, totpCode } from '../src/auth/totp';
import { TotpService } from '../src/auth/totp.service';
import { registerParent, STRONG_PASSWORD, TestParent } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** A second factor's TOTP secret is kept sealed under a key outside the database (SECRETS_KEY_FILE). */
describe('second-factor secrets are sealed at rest', () => {
  const login = (t: TestApp, email: string) => t.http().post('/api/auth/login').set('X-Forwarded-For', '198.51.100.30').send({ email, password: STRONG_PASSWORD }).expect(200);
  const secondFactor = (t: TestApp, challenge: string, code: string) => t.http().post('/api/auth/login/second-factor').set('X-Forwarded-For', '198.51.100.30').send({ challenge, code });
  const storedSecrets = async (t: TestApp, userId: string) =>
    (await t.query<{ totp_secret: string | null; totp_pending_secret: string | null }>('SELECT totp_secret, totp_pending_secret FROM users WHERE id = $1', [userId]))[0]!;

  async function enrol(t: TestApp, parent: TestParent): Promise<string> {
    const secret = (await t.http().post('/api/auth/totp').set(parent.bearer).expect(201)).body.secret as string;
    const pending = await storedSecrets(t, parent.user.id);
    expect(pending.totp_pending_secret).toMatch(/^sealed:v1:[A-Za-z0-9_-]+$/);
    expect(pending.totp_pending_secret).not.toContain(secret);
    await t.http().post('/api/auth/totp/confirm').set(parent.bearer).send({ code: totpCode(secret, t.clock.now()) }).expect(200);
    return secret;
  }

  describe('on one database', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('stores no secret that makes codes, and still signs in with the app’s code', async () => {
      const parent = await registerParent(t, 'Sealed');
      const secret = await enrol(t, parent);
      const stored = await storedSecrets(t, parent.user.id);
      expect(stored.totp_secret).toMatch(/^sealed:v1:/);
      expect(stored.totp_secret).not.toContain(secret);
      expect(stored.totp_pending_secret).toBeNull();
      t.clock.advance(60_000);
      const { challenge } = (await login(t, parent.user.email)).body;
      await secondFactor(t, challenge, totpCode(secret, t.clock.now())).expect(200);
    });

    it('does not open a sealed secret copied into another account', async () => {
      const owner = await registerParent(t, 'Owner');
      const secret = await enrol(t, owner);
      const other = await registerParent(t, 'Other');
      await enrol(t, other);
      await t.query('UPDATE users SET totp_secret = (SELECT totp_secret FROM users WHERE id = $1) WHERE id = $2', [owner.user.id, other.user.id]);
      t.clock.advance(60_000);
      const { challenge } = (await login(t, other.user.email)).body;
      await secondFactor(t, challenge, totpCode(secret, t.clock.now())).expect(401);
    });

    it('seals a secret stored in the clear before sealing existed, at start, and it still signs in', async () => {
      const parent = await registerParent(t, 'Legacy');
      const secret = newTotpSecret();
      await t.query('UPDATE users SET totp_secret = $2, totp_last_step = 0 WHERE id = $1', [parent.user.id, secret]);
      await t.app.get(TotpService).onApplicationBootstrap();
      const stored = await storedSecrets(t, parent.user.id);
      expect(stored.totp_secret).toMatch(/^sealed:v1:/);
      expect(stored.totp_secret).not.toContain(secret);
      t.clock.advance(60_000);
      const { challenge } = (await login(t, parent.user.email)).body;
      await secondFactor(t, challenge, totpCode(secret, t.clock.now())).expect(200);
    });

    it('refuses to start with a secrets key that cannot open the sealed secrets, naming the setting', async () => {
      const parent = await registerParent(t, 'Keyed');
      await enrol(t, parent);
      const dir = mkdtempSync(join(tmpdir(), 'parallel-keys-'));
      try {
        const otherKey = join(dir, 'other-key');
        const startingWith = (secretsKeyFile: string) =>
          new TotpService(
            t.app.get(AuthRepository),
            t.clock,
            t.app.get(AccountMail),
            t.app.get(AccountService),
            new SecretBox({ ...t.config, secretsKeyFile, secretsKeyFromSetting: true }),
          ).onApplicationBootstrap();
        loadOrCreateSecretsKey(otherKey, false);
        await expect(startingWith(otherKey)).rejects.toThrow(/SECRETS_KEY_FILE .*other-key is not the key the second-factor secrets in the database were sealed with/);
        await expect(startingWith(t.config.secretsKeyFile)).resolves.toBeUndefined();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('makes the key once, readable by its owner only, and names the setting when a key file is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallel-keys-'));
    try {
      const file = join(dir, 'secrets-key');
      const made = loadOrCreateSecretsKey(file, false);
      expect(made).toHaveLength(32);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(loadOrCreateSecretsKey(file, true).equals(made)).toBe(true);
      writeFileSync(join(dir, 'short'), 'c2hvcnQ=\n');
      expect(() => loadOrCreateSecretsKey(join(dir, 'short'), true)).toThrow(/SECRETS_KEY_FILE\) must hold exactly 32 bytes/);
      expect(() => loadOrCreateSecretsKey(join(dir, 'absent'), true)).toThrow(/SECRETS_KEY_FILE .*absent cannot be read/);
      expect(readFileSync(file, 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
