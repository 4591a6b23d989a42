import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The message channel's query models: messages (with their notice outbox), held-back
 * attempts, idempotent replies, proposals.
 */
export class Messages1763900000000 implements MigrationInterface {
  name = 'Messages1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        sender_id uuid NOT NULL REFERENCES users(id),
        recipient_id uuid NOT NULL REFERENCES users(id),
        topic text NOT NULL,
        text text NOT NULL,
        urgent boolean NOT NULL,
        sent_at timestamptz NOT NULL,
        deliver_at timestamptz NOT NULL,
        released_at timestamptz,
        first_read_at timestamptz,
        -- When the recipient's e-mail notice went out; null while it waits in the outbox.
        notified_at timestamptz,
        ledger_seq integer NOT NULL
      );
      CREATE INDEX messages_inbox_idx ON messages (case_id, recipient_id, released_at);
      CREATE INDEX messages_sent_idx ON messages (case_id, sender_id, sent_at);
      CREATE INDEX messages_due_idx ON messages (deliver_at) WHERE released_at IS NULL;
      CREATE INDEX messages_unnoticed_idx ON messages (released_at) WHERE released_at IS NOT NULL AND notified_at IS NULL;

      -- Messages are written once: text, topic, sender and times never change; only
      -- the release, the first read and the notice are filled in, once each.
      CREATE FUNCTION messages_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'messages cannot be deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.id <> OLD.id OR NEW.case_id <> OLD.case_id OR NEW.sender_id <> OLD.sender_id
           OR NEW.recipient_id <> OLD.recipient_id OR NEW.topic <> OLD.topic OR NEW.text <> OLD.text
           OR NEW.urgent <> OLD.urgent OR NEW.sent_at <> OLD.sent_at OR NEW.deliver_at <> OLD.deliver_at
           OR NEW.ledger_seq <> OLD.ledger_seq
           OR (OLD.released_at IS NOT NULL AND NEW.released_at IS DISTINCT FROM OLD.released_at)
           OR (OLD.first_read_at IS NOT NULL AND NEW.first_read_at IS DISTINCT FROM OLD.first_read_at)
           OR (OLD.notified_at IS NOT NULL AND NEW.notified_at IS DISTINCT FROM OLD.notified_at) THEN
          RAISE EXCEPTION 'messages cannot be edited' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END;
      $$;
      CREATE TRIGGER messages_write_once BEFORE UPDATE OR DELETE ON messages
        FOR EACH ROW EXECUTE FUNCTION messages_refuse_change();

      CREATE TABLE held_back_attempts (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        sender_id uuid NOT NULL REFERENCES users(id),
        topic text NOT NULL,
        text text NOT NULL,
        urgent boolean NOT NULL,
        attempted_at timestamptz NOT NULL,
        reason text NOT NULL,
        retry_at timestamptz,
        ledger_seq integer NOT NULL
      );
      CREATE INDEX held_back_attempts_case_idx ON held_back_attempts (case_id, attempted_at);
      CREATE FUNCTION append_only_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER held_back_attempts_append_only BEFORE UPDATE OR DELETE ON held_back_attempts
        FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();

      -- The first answer to each Idempotency-Key, replayed for retries of the same request.
      CREATE TABLE idempotent_replies (
        case_id uuid NOT NULL REFERENCES cases(id),
        user_id uuid NOT NULL REFERENCES users(id),
        key text NOT NULL,
        request_hash text NOT NULL,
        status integer NOT NULL,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, user_id, key)
      );

      CREATE TABLE settings_proposals (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        proposed_by uuid NOT NULL REFERENCES users(id),
        changes jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by uuid REFERENCES users(id)
      );
      CREATE UNIQUE INDEX settings_proposals_one_pending ON settings_proposals (case_id) WHERE status = 'pending';
    `);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The messages migration cannot be reverted: messages are part of the record.'));
  }
}
