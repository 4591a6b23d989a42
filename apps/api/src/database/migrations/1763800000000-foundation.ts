import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sessions, cases, invitations and the append-only case ledger. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX users_email_key ON users (email);

      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        user_agent text
      );
      CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash);
      CREATE INDEX sessions_user_id_idx ON sessions (user_id);

      -- Every login attempt, so throttling holds across processes and restarts.
      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        address text NOT NULL,
        succeeded boolean NOT NULL,
        at timestamptz NOT NULL
      );
      CREATE INDEX login_attempts_email_at_idx ON login_attempts (email, at);
      CREATE INDEX login_attempts_address_at_idx ON login_attempts (address, at);

      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        time_zone text NOT NULL,
        children jsonb NOT NULL,
        settings jsonb NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        ledger_head_seq integer NOT NULL DEFAULT 0,
        ledger_head_hash text NOT NULL DEFAULT '${'0'.repeat(64)}'
      );

      CREATE TABLE case_members (
        case_id uuid NOT NULL REFERENCES cases(id),
        user_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL CHECK (role IN ('parent')),
        joined_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, user_id)
      );
      CREATE INDEX case_members_user_id_idx ON case_members (user_id);

      CREATE TABLE invitations (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        email text NOT NULL,
        token_hash text NOT NULL,
        invited_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users(id),
        revoked_at timestamptz
      );
      CREATE UNIQUE INDEX invitations_token_hash_key ON invitations (token_hash);
      CREATE INDEX invitations_case_id_idx ON invitations (case_id);

      CREATE TABLE ledger_entries (
        case_id uuid NOT NULL REFERENCES cases(id),
        seq integer NOT NULL CHECK (seq >= 1),
        type text NOT NULL,
        actor_id uuid REFERENCES users(id),
        at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        PRIMARY KEY (case_id, seq)
      );

      -- History is append-only in the database itself, whatever code or person connects.
      CREATE FUNCTION ledger_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger entries are append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER ledger_entries_append_only
        BEFORE UPDATE OR DELETE ON ledger_entries
        FOR EACH ROW EXECUTE FUNCTION ledger_entries_refuse_change();
      CREATE TRIGGER ledger_entries_no_truncate
        BEFORE TRUNCATE ON ledger_entries
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_refuse_change();
    `);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The foundation migration cannot be reverted: the ledger is append-only.'));
  }
}
