import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exports for court: one row per `export.made` entry, so that an export is found by its id
 * without reading the ledger. Append-only like the record it points into; the bundle and PDF
 * are made again from the chain up to `ledger_seq` whenever they are downloaded.
 */
export class Exports1764800000000 implements MigrationInterface {
  name = 'Exports1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE exports (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        ledger_seq integer NOT NULL,
        range_from text NULL,
        range_to text NULL,
        sections jsonb NOT NULL,
        key_fingerprint text NOT NULL,
        created_at timestamptz NOT NULL,
        UNIQUE (case_id, ledger_seq)
      );
      CREATE TRIGGER exports_append_only BEFORE UPDATE OR DELETE ON exports
        FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
      CREATE TRIGGER exports_no_truncate BEFORE TRUNCATE ON exports FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE exports');
  }
}
