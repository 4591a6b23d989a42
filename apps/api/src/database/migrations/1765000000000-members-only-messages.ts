import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A message, a held-back attempt and a send's kept answer belong to members of their case:
 * each references its case's membership row, (case_id, sender_id) and (case_id, recipient_id),
 * instead of the case and the user separately. That is a stronger rule than before (a row
 * naming a real user who is not a member of its case was accepted) and one check fewer per
 * row: every send paid seven foreign-key checks, about half of its write's time inside
 * PostgreSQL; it now pays five. Membership rows are never deleted or changed (RecordGuards),
 * and they themselves reference the case and the user, so nothing the old keys promised is lost.
 *
 * The urgent allowance counts a sender's urgent messages of the last 30 days on every send: a
 * partial index finds them without reading each of the sender's messages of that month.
 */
export class MembersOnlyMessages1765000000000 implements MigrationInterface {
  name = 'MembersOnlyMessages1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE messages
        DROP CONSTRAINT messages_case_id_fkey,
        DROP CONSTRAINT messages_sender_id_fkey,
        DROP CONSTRAINT messages_recipient_id_fkey,
        ADD CONSTRAINT messages_sender_member_fkey FOREIGN KEY (case_id, sender_id) REFERENCES case_members (case_id, user_id),
        ADD CONSTRAINT messages_recipient_member_fkey FOREIGN KEY (case_id, recipient_id) REFERENCES case_members (case_id, user_id);
      ALTER TABLE held_back_attempts
        DROP CONSTRAINT held_back_attempts_case_id_fkey,
        DROP CONSTRAINT held_back_attempts_sender_id_fkey,
        ADD CONSTRAINT held_back_attempts_sender_member_fkey FOREIGN KEY (case_id, sender_id) REFERENCES case_members (case_id, user_id);
      ALTER TABLE idempotent_replies
        DROP CONSTRAINT idempotent_replies_case_id_fkey,
        DROP CONSTRAINT idempotent_replies_user_id_fkey,
        ADD CONSTRAINT idempotent_replies_member_fkey FOREIGN KEY (case_id, user_id) REFERENCES case_members (case_id, user_id);
      CREATE INDEX messages_urgent_sent_idx ON messages (case_id, sender_id, sent_at) WHERE urgent;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX messages_urgent_sent_idx;
      ALTER TABLE idempotent_replies
        DROP CONSTRAINT idempotent_replies_member_fkey,
        ADD CONSTRAINT idempotent_replies_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases(id),
        ADD CONSTRAINT idempotent_replies_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id);
      ALTER TABLE held_back_attempts
        DROP CONSTRAINT held_back_attempts_sender_member_fkey,
        ADD CONSTRAINT held_back_attempts_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases(id),
        ADD CONSTRAINT held_back_attempts_sender_id_fkey FOREIGN KEY (sender_id) REFERENCES users(id);
      ALTER TABLE messages
        DROP CONSTRAINT messages_sender_member_fkey,
        DROP CONSTRAINT messages_recipient_member_fkey,
        ADD CONSTRAINT messages_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases(id),
        ADD CONSTRAINT messages_sender_id_fkey FOREIGN KEY (sender_id) REFERENCES users(id),
        ADD CONSTRAINT messages_recipient_id_fkey FOREIGN KEY (recipient_id) REFERENCES users(id);
    `);
  }
}
