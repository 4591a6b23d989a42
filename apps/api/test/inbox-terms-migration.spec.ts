import { checkQueryModel, inboxTermsAt, verifyLedgerChain, type CaseTerms, type LedgerEntryType, type LedgerPayloads } from '@parallel/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryRunner } from 'typeorm';
import { Foundation1763800000000 } from '../src/database/migrations/1763800000000-foundation';
import { Messages1763900000000 } from '../src/database/migrations/1763900000000-messages';
import { RecordFormatV11764000000000 } from '../src/database/migrations/1764000000000-record-format-v1';
import { InboxTerms1764100000000 } from '../src/database/migrations/1764100000000-inbox-terms';
import { LedgerBodyText1764550000000 } from '../src/database/migrations/1764550000000-ledger-body-text';
import { MIGRATIONS } from '../src/database/migrations';
import { LedgerHead, LedgerRepository } from '../src/ledger/ledger.repository';
import { InboxTermsRepository } from '../src/terms/inbox-terms.repository';
import { emptyDatabase } from './support/test-database';

/**
 * A case from before inbox terms (one case-wide cadence and quota, changed by an accepted
 * proposal) becomes two inboxes with those terms, without rewriting its record: the rows point
 * at the entries that set them, and verification derives the same rows from those entries.
 */
describe('the inbox terms migration', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ dataSource, close } = await emptyDatabase());
  });

  afterAll(() => close());

  it("carries the case-wide cadence and quota over to both inboxes from the entries that set them; the record verifies unchanged", async () => {
    const runner: QueryRunner = dataSource.createQueryRunner();
    await new Foundation1763800000000().up(runner);
    await new Messages1763900000000().up(runner);
    await new RecordFormatV11764000000000().up(runner);
    // A later migration, taken early here because today's repository writes the entries below
    // with their body text; it touches only ledger_entries, which the inbox terms migration reads.
    await new LedgerBodyText1764550000000().up(runner);

    const [alex, sam, caseId, proposalId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute));
    for (const [id, name] of [[alex, 'Alex'], [sam, 'Sam']] as const) {
      await runner.query(`INSERT INTO users (id, email, password_hash, display_name, created_at) VALUES ($1, $2, 'x', $3, $4)`, [id, `${name}.${id}@example.org`, name, at(0)]);
    }
    const first: CaseTerms = { cadence: { mode: 'immediate' }, dailyQuota: 5, urgentPer30Days: 3, showReadTimes: true, split: { firstParentBasisPoints: 5000 } };
    const agreed: CaseTerms = { ...first, cadence: { mode: 'windows', windows: [{ weekday: 1, time: '18:00' }] }, dailyQuota: 2 };
    await runner.query(`INSERT INTO cases (id, name, time_zone, children, terms, created_by, created_at) VALUES ($1, 'Case', 'Europe/London', '["Mia"]', $2, $3, $4)`, [
      caseId,
      JSON.stringify(agreed),
      alex,
      at(0),
    ]);
    await runner.query(`INSERT INTO case_members (case_id, user_id, role, joined_at) VALUES ($1, $2, 'parent', $4), ($1, $3, 'parent', $5)`, [caseId, alex, sam, at(0), at(1)]);
    await runner.query(
      `INSERT INTO terms_proposals (id, case_id, proposed_by, changes, status, created_at, decided_at, decided_by) VALUES ($1, $2, $3, $4, 'accepted', $5, $6, $7)`,
      [proposalId, caseId, sam, JSON.stringify({ cadence: agreed.cadence, dailyQuota: 2 }), at(2), at(3), alex],
    );
    const ledger = new LedgerRepository(dataSource);
    const head: LedgerHead = { seq: 0, hash: '0'.repeat(64) };
    const append = async <T extends LedgerEntryType>(minute: number, type: T, actorId: string, payload: LedgerPayloads[T]) => {
      const entry = await ledger.append(runner.manager, caseId, head, at(minute), type, actorId, payload);
      head.seq = entry.seq;
      head.hash = entry.hash;
    };
    await append(0, 'case.created', alex, { name: 'Case', timeZone: 'Europe/London', children: ['Mia'], terms: first });
    await append(1, 'case.joined', sam, { userId: sam, displayName: 'Sam', invitationId: randomUUID() });
    await append(2, 'terms.proposed', sam, { proposalId, changes: { cadence: agreed.cadence, dailyQuota: 2 } });
    await append(3, 'terms.accepted', alex, { proposalId, terms: agreed });
    const hashes = `SELECT seq, type, payload, body_hash, hash FROM ledger_entries WHERE case_id = $1 ORDER BY seq`;
    const before: unknown[] = await runner.query(hashes, [caseId]);

    await new InboxTerms1764100000000().up(runner);
    // Then every later migration, so that today's repository finds each table its query model reads.
    const ran = new Set<unknown>([Foundation1763800000000, Messages1763900000000, RecordFormatV11764000000000, LedgerBodyText1764550000000, InboxTerms1764100000000]);
    for (const Migration of MIGRATIONS) if (!ran.has(Migration)) await new Migration().up(runner);
    await runner.release();

    const rows = await dataSource.query(`SELECT ledger_seq, user_id, daily_quota FROM inbox_terms_changes WHERE case_id = $1 ORDER BY ledger_seq`, [caseId]);
    expect(rows).toEqual([
      { ledger_seq: 1, user_id: null, daily_quota: 5 },
      { ledger_seq: 4, user_id: null, daily_quota: 2 },
    ]);
    const [caseRow] = await dataSource.query('SELECT terms FROM cases WHERE id = $1', [caseId]);
    expect(caseRow.terms).toEqual({ urgentPer30Days: 3, showReadTimes: true, split: { firstParentBasisPoints: 5000 } });

    // No entry changed; the chain verifies to its head, and the tables agree with it.
    expect(await dataSource.query(hashes, [caseId])).toEqual(before);
    const after = await ledger.list(caseId);
    expect(verifyLedgerChain(after, { caseId, expectedHead: (await ledger.storedHead(caseId))! })).toMatchObject({ valid: true, count: 4 });
    expect(checkQueryModel(after, (await ledger.queryModel(caseId))!)).toEqual({ consistent: true });

    // Both inboxes have the agreed terms, from the acceptance on.
    const changes = await new InboxTermsRepository(dataSource).changes(caseId);
    for (const userId of [alex, sam]) {
      expect(inboxTermsAt(changes, userId, at(2)).inForce?.terms.dailyQuota).toBe(5);
      expect(inboxTermsAt(changes, userId, at(10)).inForce?.terms).toEqual({ cadence: agreed.cadence, dailyQuota: 2 });
    }
    await expect(dataSource.query('DELETE FROM inbox_terms_changes WHERE case_id = $1', [caseId])).rejects.toThrow(/append-only/);
    const [user] = await dataSource.query('SELECT shield FROM users WHERE id = $1', [sam]);
    expect(user.shield).toBe(true);
  });
});
