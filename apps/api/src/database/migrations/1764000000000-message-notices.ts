import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail notices leave through an outbox: a released message is noticed by the
 * delivery ticker, once, even with several API processes, and never on the request path.
 */
export class MessageNotices1764000000000 implements MigrationInterface {
  name = 'MessageNotices1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE messages ADD COLUMN notified_at timestamptz;
      -- Messages released before notices had an outbox were noticed at the time.
      UPDATE messages SET notified_at = released_at WHERE released_at IS NOT NULL;
      CREATE INDEX messages_unnoticed_idx ON messages (released_at) WHERE released_at IS NOT NULL AND notified_at IS NULL;

      CREATE OR REPLACE FUNCTION messages_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
    `);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The message notices migration cannot be reverted.'));
  }
}
