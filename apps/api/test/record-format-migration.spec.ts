import { canonicalJson, sha256Hex, verifyLedgerChain } from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';
import { Foundation1763800000000 } from '../src/database/migrations/1763800000000-foundation';
import { Messages1763900000000 } from '../src/database/migrations/1763900000000-messages';
import { RecordFormatV11764000000000 } from '../src/database/migrations/1764000000000-record-format-v1';
import { LedgerBodyText1764550000000 } from '../src/database/migrations/1764550000000-ledger-body-text';
import { LedgerRepository } from '../src/ledger/ledger.repository';
import { emptyDatabase } from './support/test-database';

/** The first format: `hash = SHA-256(canonical JSON of every other field)`, no salt, no body hash. */
function oldHash(entry: { caseId: string; seq: number; type: string; actorId: string | null; at: string; payload: unknown; prevHash: string }): string {
  return sha256Hex(canonicalJson(entry));
}

/**
 * Existing chains are carried over to record format 1: same places, times, actors and
 * content under today's names, re-hashed, verifying to the case's stored head.
 */
describe('the record format 1 migration', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ dataSource, close } = await emptyDatabase());
  });

  afterAll(() => close());

  it('re-seals an old chain entry by entry and maps old names to the new vocabulary', async () => {
    const runner: QueryRunner = dataSource.createQueryRunner();
    await new Foundation1763800000000().up(runner);
    await new Messages1763900000000().up(runner);

    const [alex, sam, caseId, messageId, attemptId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();
    for (const [id, name] of [[alex, 'Alex'], [sam, 'Sam']] as const) {
      await runner.query(`INSERT INTO users (id, email, password_hash, display_name, created_at) VALUES ($1, $2, 'x', $3, $4)`, [id, `${name}@example.org`, name, at(0)]);
    }
    const settings = { cadence: { mode: 'immediate' }, dailyQuota: 1, urgentPer30Days: 3, showReadTimes: true, split: { firstParentBasisPoints: 5000 } };
    await runner.query(`INSERT INTO cases (id, name, time_zone, children, settings, created_by, created_at) VALUES ($1, 'Case', 'Europe/London', '["Mia"]', $2, $3, $4)`, [
      caseId,
      JSON.stringify(settings),
      alex,
      at(0),
    ]);
    await runner.query(`INSERT INTO case_members (case_id, user_id, role, joined_at) VALUES ($1, $2, 'parent', $4), ($1, $3, 'parent', $4)`, [caseId, alex, sam, at(1)]);
    const oldEntries = [
      { type: 'case.created', actorId: alex, payload: { name: 'Case', timeZone: 'Europe/London', children: ['Mia'], settings } },
      { type: 'message.sent', actorId: alex, payload: { messageId, recipientId: sam, topic: 'school', text: 'Pick-up 15:30.', urgent: false, deliverAt: at(2) } },
      { type: 'message.held_back', actorId: alex, payload: { attemptId, topic: 'school', text: 'Answer!', urgent: false, reason: 'daily_quota', retryAt: at(59) } },
      { type: 'message.read', actorId: sam, payload: { messageId } },
    ];
    let prevHash = '0'.repeat(64);
    for (const [index, fields] of oldEntries.entries()) {
      const entry = { caseId, seq: index + 1, at: at(index + 2), prevHash, ...fields };
      const hash = oldHash(entry);
      await runner.query(`INSERT INTO ledger_entries (case_id, seq, type, actor_id, at, payload, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        caseId,
        entry.seq,
        entry.type,
        entry.actorId,
        entry.at,
        JSON.stringify(entry.payload),
        prevHash,
        hash,
      ]);
      prevHash = hash;
    }
    await runner.query('UPDATE cases SET ledger_head_seq = 4, ledger_head_hash = $2 WHERE id = $1', [caseId, prevHash]);
    await runner.query(
      `INSERT INTO messages (id, case_id, sender_id, recipient_id, topic, text, urgent, sent_at, deliver_at, released_at, first_read_at, ledger_seq)
       VALUES ($1, $2, $3, $4, 'school', 'Pick-up 15:30.', false, $5, $5, $5, $6, 2)`,
      [messageId, caseId, alex, sam, at(3), at(5)],
    );
    await runner.query(
      `INSERT INTO held_back_attempts (id, case_id, sender_id, topic, text, urgent, attempted_at, reason, retry_at, ledger_seq)
       VALUES ($1, $2, $3, 'school', 'Answer!', false, $4, 'daily_quota', $5, 3)`,
      [attemptId, caseId, alex, at(4), at(59)],
    );

    await new RecordFormatV11764000000000().up(runner);
    // Later, the record came to keep each body's hashed text; carried over from the fields.
    await new LedgerBodyText1764550000000().up(runner);
    await runner.release();

    const ledger = new LedgerRepository(dataSource);
    const entries = await ledger.list(caseId);
    const head = await ledger.storedHead(caseId);
    expect(verifyLedgerChain(entries, { caseId, expectedHead: head! })).toMatchObject({ valid: true, count: 4, headSeq: 4 });
    expect(entries.map((e) => [e.seq, e.type, e.actorId, e.at])).toEqual(oldEntries.map((e, i) => [i + 1, e.type, e.actorId, at(i + 2)]));
    expect(entries[0]!.payload).toEqual({ name: 'Case', timeZone: 'Europe/London', children: ['Mia'], terms: settings });
    expect(entries[2]!.payload).toMatchObject({ reason: 'quota_exceeded', text: 'Answer!' });
    expect(head!.hash).not.toBe(prevHash);
    const [attempt] = await dataSource.query('SELECT reason FROM held_back_attempts WHERE id = $1', [attemptId]);
    expect(attempt.reason).toBe('quota_exceeded');
    const [message] = await dataSource.query('SELECT read_ledger_seq FROM messages WHERE id = $1', [messageId]);
    expect(message.read_ledger_seq).toBe(4);
    // The append-only triggers are back.
    await expect(dataSource.query('DELETE FROM ledger_entries WHERE case_id = $1', [caseId])).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`UPDATE messages SET read_ledger_seq = 1 WHERE id = $1`, [messageId])).rejects.toThrow(/cannot be edited/);
  });
});
