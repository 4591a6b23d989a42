import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notice outbox no longer holds row locks while it talks SMTP. A tick claims a batch
 * in a short transaction (`notice_claimed_at`, a lease), sends outside any transaction,
 * then marks `notified_at`. A claim whose process died before the mark expires and the
 * notice goes again, with the same Message-ID: at least once.
 */
export class NoticeClaims1764400000000 implements MigrationInterface {
  name = 'NoticeClaims1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE messages ADD COLUMN notice_claimed_at timestamptz;
      COMMENT ON COLUMN messages.notice_claimed_at IS 'When a delivery tick last claimed this message''s e-mail notice (a lease; messages claimed together form one mail). Not part of the record.';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE messages DROP COLUMN notice_claimed_at');
  }
}
