import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Names each meaning of "settings" once: a case's agreed terms are `terms`.
 */
export class RecordFormatV11764000000000 implements MigrationInterface {
  name = 'RecordFormatV11764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE cases RENAME COLUMN settings TO terms;
      ALTER TABLE settings_proposals RENAME TO terms_proposals;
      ALTER INDEX settings_proposals_one_pending RENAME TO terms_proposals_one_pending;
    `);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The record format migration cannot be reverted: it re-seals the chain.'));
  }
}
