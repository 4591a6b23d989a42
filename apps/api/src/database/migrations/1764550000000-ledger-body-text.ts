import { ledgerBodyText, type LedgerEntryBody } from '@parallel/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows per statement while carrying existing entries over: bounded memory for any size of record. */
const BATCH = 500;

/**
 * The record keeps the exact text each body hash was taken over (`ledger_entries.body`), and
 * entries are read back from it. So what is shown is parsed from the very bytes that were
 * hashed, and verification hashes stored bytes instead of writing them out again (faster:
 * BENCHMARKS.md, "Ledger verification"). The typed columns (type, actor_id, payload, salt) stay as a copy for
 * queries; verification holds them equal to the body.
 *
 * Existing entries get the canonical text of their fields, which is what their body hash
 * covers. The append-only trigger is paused for this one fill, inside the migration's
 * transaction only.
 */
export class LedgerBodyText1764550000000 implements MigrationInterface {
  name = 'LedgerBodyText1764550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE ledger_entries ADD COLUMN body text;
      ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only;
    `);
    let after: { caseId: string; seq: number } = { caseId: '00000000-0000-0000-0000-000000000000', seq: 0 };
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT case_id, seq, type, actor_id, payload, salt FROM ledger_entries
          WHERE (case_id, seq) > ($1::uuid, $2::integer) ORDER BY case_id, seq LIMIT ${BATCH}`,
        [after.caseId, after.seq],
      )) as { case_id: string; seq: number; type: string; actor_id: string | null; payload: unknown; salt: string }[];
      if (rows.length === 0) break;
      const values: unknown[] = [];
      const tuples = rows.map((row, index) => {
        const body = { type: row.type, actorId: row.actor_id, payload: row.payload, salt: row.salt } as LedgerEntryBody;
        values.push(row.case_id, row.seq, ledgerBodyText(body));
        return `($${index * 3 + 1}::uuid, $${index * 3 + 2}::integer, $${index * 3 + 3}::text)`;
      });
      await queryRunner.query(
        `UPDATE ledger_entries e SET body = v.body FROM (VALUES ${tuples.join(', ')}) AS v(case_id, seq, body)
          WHERE e.case_id = v.case_id AND e.seq = v.seq`,
        values,
      );
      const last = rows.at(-1)!;
      after = { caseId: last.case_id, seq: last.seq };
    }
    await queryRunner.query(`
      ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only;
      ALTER TABLE ledger_entries ALTER COLUMN body SET NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE ledger_entries DROP COLUMN body');
  }
}
