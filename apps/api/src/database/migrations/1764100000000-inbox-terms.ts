import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * My inbox, my terms: each parent sets the delivery windows and the daily cap of their own
 * inbox. Until now the case had one cadence and one quota, agreed by both; they become both
 * parents' inbox terms from the entry that set them (the case's creation, or an accepted
 * proposal), so nothing changes for anyone on the day of the upgrade and no record is
 * rewritten: each row points at the existing entry it comes from, and verification derives
 * the same rows from those entries. The case row keeps only the shared terms.
 *
 * Also: each parent's shield preference (on unless they turn it off).
 */
export class InboxTerms1764100000000 implements MigrationInterface {
  name = 'InboxTerms1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inbox_terms_changes (
        case_id uuid NOT NULL REFERENCES cases(id),
        ledger_seq integer NOT NULL,
        user_id uuid REFERENCES users(id),
        cadence jsonb NOT NULL,
        daily_quota integer NOT NULL,
        requested_at timestamptz NOT NULL,
        effective_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, ledger_seq)
      );
      COMMENT ON COLUMN inbox_terms_changes.user_id IS 'Whose inbox; null for both parents (terms recorded for the whole case before inbox terms existed, and a case''s first terms).';
      CREATE TRIGGER inbox_terms_changes_append_only BEFORE UPDATE OR DELETE ON inbox_terms_changes
        FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();

      INSERT INTO inbox_terms_changes (case_id, ledger_seq, user_id, cadence, daily_quota, requested_at, effective_at)
      SELECT e.case_id, e.seq, NULL, e.payload -> 'terms' -> 'cadence', (e.payload -> 'terms' ->> 'dailyQuota')::integer, e.at, e.at
        FROM ledger_entries e
       WHERE e.type IN ('case.created', 'terms.accepted')
         AND e.payload -> 'terms' ? 'cadence' AND e.payload -> 'terms' ? 'dailyQuota';

      UPDATE cases SET terms = terms - 'cadence' - 'dailyQuota';

      ALTER TABLE users ADD COLUMN shield boolean NOT NULL DEFAULT true;
    `);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The inbox terms migration cannot be reverted: inbox terms are part of the record.'));
  }
}
