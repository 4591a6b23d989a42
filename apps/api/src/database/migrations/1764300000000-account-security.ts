import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account recovery and control: when and from what a session was last used (the sessions
 * list, the new-device notice), one-use tokens mailed for a password reset or an address
 * change and the pending second-factor sign-in, an optional TOTP second factor with hashed
 * recovery codes, and throttle counters for installs without Redis.
 */
export class AccountSecurity1764300000000 implements MigrationInterface {
  name = 'AccountSecurity1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz, ADD COLUMN device text;
      UPDATE sessions SET last_seen_at = created_at;
      ALTER TABLE sessions ALTER COLUMN last_seen_at SET NOT NULL;
      CREATE INDEX sessions_user_id_device_idx ON sessions (user_id, device, created_at);

      ALTER TABLE users ADD COLUMN totp_secret text, ADD COLUMN totp_pending_secret text, ADD COLUMN totp_last_step bigint;
      COMMENT ON COLUMN users.totp_secret IS 'The confirmed TOTP secret (base32); null when the second factor is off.';

      CREATE TABLE account_tokens (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        purpose text NOT NULL CHECK (purpose IN ('password_reset', 'email_change', 'second_factor')),
        new_email text,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      COMMENT ON TABLE account_tokens IS 'One-use tokens (only their SHA-256); one per account and purpose, so a newer one replaces an older.';
      CREATE UNIQUE INDEX account_tokens_user_purpose_key ON account_tokens (user_id, purpose);

      CREATE TABLE recovery_codes (
        user_id uuid NOT NULL REFERENCES users(id),
        code_hash text NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (user_id, code_hash)
      );

      CREATE INDEX login_attempts_address_email_at_idx ON login_attempts (address, email, at);

      CREATE TABLE throttle_counters (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (key, window_start)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE throttle_counters;
      DROP INDEX login_attempts_address_email_at_idx;
      DROP TABLE recovery_codes;
      DROP TABLE account_tokens;
      ALTER TABLE users DROP COLUMN totp_secret, DROP COLUMN totp_pending_secret, DROP COLUMN totp_last_step;
      DROP INDEX sessions_user_id_device_idx;
      ALTER TABLE sessions DROP COLUMN last_seen_at, DROP COLUMN device;
    `);
  }
}
