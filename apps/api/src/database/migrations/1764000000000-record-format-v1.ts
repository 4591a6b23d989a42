import { LedgerEntryType, LedgerPayloads, OpenLedgerEntryOf, nextLedgerEntry } from '@parallel/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { newLedgerSalt, nodeSha256Hex } from '../../common/hashing';

/** The held-back reasons' old names in the table and the record, and the domain's one vocabulary. */
const HELD_BACK_REASON_RENAMES: Record<string, string> = { daily_quota: 'quota_exceeded', urgent_limit: 'urgent_limit_reached' };

/**
 * Record format 1 (docs/record-format.md), and each meaning of "settings" named once.
 * - A case's agreed terms are `terms` (column, proposals table, record entries).
 * - Every entry commits to its content through a salted body hash, so one entry can be
 *   sealed for one reader while the chain still verifies. Existing chains are carried over:
 *   each entry is re-hashed in the new format, in order, with the same place, time, actor
 *   and content (old names mapped to the new vocabulary), and each case's head follows.
 *   The append-only trigger is paused for this one rewrite, inside the migration's
 *   transaction, and back before it commits.
 * - Messages remember which entry recorded their first read (reads made while read times
 *   are hidden are recorded after their day), and the write-once trigger covers it.
 */
export class RecordFormatV11764000000000 implements MigrationInterface {
  name = 'RecordFormatV11764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE cases RENAME COLUMN settings TO terms;
      ALTER TABLE settings_proposals RENAME TO terms_proposals;
      ALTER INDEX settings_proposals_one_pending RENAME TO terms_proposals_one_pending;

      ALTER TABLE ledger_entries ADD COLUMN v smallint, ADD COLUMN salt text, ADD COLUMN body_hash text;
      ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only;
      ALTER TABLE held_back_attempts DISABLE TRIGGER held_back_attempts_append_only;
      ALTER TABLE messages DISABLE TRIGGER messages_write_once;

      UPDATE held_back_attempts SET reason = 'quota_exceeded' WHERE reason = 'daily_quota';
      UPDATE held_back_attempts SET reason = 'urgent_limit_reached' WHERE reason = 'urgent_limit';
      -- Kept answers of held-back sends change shape; they only serve retries of a send.
      DELETE FROM idempotent_replies WHERE status <> 201;

      ALTER TABLE messages ADD COLUMN read_ledger_seq integer;
      UPDATE messages m SET read_ledger_seq = e.seq
        FROM ledger_entries e
       WHERE e.case_id = m.case_id AND e.type = 'message.read' AND e.payload ->> 'messageId' = m.id::text;
    `);

    const cases = (await queryRunner.query('SELECT id FROM cases ORDER BY id')) as { id: string }[];
    for (const { id: caseId } of cases) {
      const rows = (await queryRunner.query('SELECT seq, type, actor_id, at, payload FROM ledger_entries WHERE case_id = $1 ORDER BY seq', [caseId])) as {
        seq: number;
        type: string;
        actor_id: string | null;
        at: Date;
        payload: Record<string, unknown>;
      }[];
      let head: { seq: number; hash: string } | null = null;
      for (const row of rows) {
        const { type, payload } = carriedOver(row.type, row.payload);
        const entry: OpenLedgerEntryOf<LedgerEntryType> = nextLedgerEntry(
          head,
          { caseId, at: new Date(row.at).toISOString(), type, actorId: row.actor_id, payload, salt: newLedgerSalt() },
          nodeSha256Hex,
        );
        await queryRunner.query(
          `UPDATE ledger_entries SET v = $3, type = $4, payload = $5::jsonb, salt = $6, body_hash = $7, prev_hash = $8, hash = $9
            WHERE case_id = $1 AND seq = $2`,
          [caseId, row.seq, entry.v, entry.type, JSON.stringify(entry.payload), entry.salt, entry.bodyHash, entry.prevHash, entry.hash],
        );
        head = { seq: entry.seq, hash: entry.hash };
      }
      if (head) await queryRunner.query('UPDATE cases SET ledger_head_seq = $2, ledger_head_hash = $3 WHERE id = $1', [caseId, head.seq, head.hash]);
    }

    await queryRunner.query(`
      ALTER TABLE ledger_entries ALTER COLUMN v SET NOT NULL, ALTER COLUMN salt SET NOT NULL, ALTER COLUMN body_hash SET NOT NULL;
      ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only;
      ALTER TABLE held_back_attempts ENABLE TRIGGER held_back_attempts_append_only;

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
           OR (OLD.read_ledger_seq IS NOT NULL AND NEW.read_ledger_seq IS DISTINCT FROM OLD.read_ledger_seq)
           OR (OLD.notified_at IS NOT NULL AND NEW.notified_at IS DISTINCT FROM OLD.notified_at) THEN
          RAISE EXCEPTION 'messages cannot be edited' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END;
      $$;
      ALTER TABLE messages ENABLE TRIGGER messages_write_once;
      -- The delivery ticker looks for reads waiting to be recorded.
      CREATE INDEX messages_unrecorded_reads_idx ON messages (case_id) WHERE first_read_at IS NOT NULL AND read_ledger_seq IS NULL;
    `);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The record format migration cannot be reverted: it re-seals every chain.'));
  }
}

/** An entry of the first format under today's names: `settings.*` became `terms.*`, held-back reasons one vocabulary. */
function carriedOver(type: string, payload: Record<string, unknown>): { type: LedgerEntryType; payload: LedgerPayloads[LedgerEntryType] } {
  const renamed = type.startsWith('settings.') ? `terms.${type.slice('settings.'.length)}` : type;
  const next: Record<string, unknown> = { ...payload };
  if ('settings' in next && (renamed === 'case.created' || renamed === 'terms.accepted')) {
    next.terms = next.settings;
    delete next.settings;
  }
  if (renamed === 'message.held_back' && typeof next.reason === 'string') next.reason = HELD_BACK_REASON_RENAMES[next.reason] ?? next.reason;
  return { type: renamed as LedgerEntryType, payload: next as LedgerPayloads[LedgerEntryType] };
}
