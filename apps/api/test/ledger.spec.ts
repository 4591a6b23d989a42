import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createJoinedCase } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { TEST_DATABASE_URL } from './support/test-database';

const run = promisify(execFile);

describe('the case ledger in the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it.each([
    ['UPDATE', (caseId: string) => `UPDATE ledger_entries SET type = 'forged' WHERE case_id = '${caseId}' AND seq = 1`],
    ['DELETE', (caseId: string) => `DELETE FROM ledger_entries WHERE case_id = '${caseId}'`],
    ['TRUNCATE', () => 'TRUNCATE ledger_entries CASCADE'],
  ])('a trigger refuses %s on ledger rows, even in raw SQL', async (operation, sql) => {
    const { caseId } = await createJoinedCase(t);
    await expect(t.query(sql(caseId))).rejects.toThrow(new RegExp(`append-only: ${operation} is not allowed`));
    const rows = await t.query<{ count: string }>('SELECT count(*)::text AS count FROM ledger_entries WHERE case_id = $1', [caseId]);
    expect(rows[0]!.count).toBe('3');
  });

  it('finds a row altered behind the trigger’s back and names it', async () => {
    const { caseId, first } = await createJoinedCase(t);
    await t.query('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only');
    try {
      await t.query(
        `UPDATE ledger_entries SET payload = jsonb_set(payload, '{email}', '"someone.else@example.org"') WHERE case_id = $1 AND seq = 2`,
        [caseId],
      );
    } finally {
      await t.query('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only');
    }
    const verified = await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(first.bearer).expect(200);
    expect(verified.body).toMatchObject({ valid: false, firstBadSeq: 2 });
    expect(verified.body.reason).toMatch(/entry 2 was altered: its stored columns no longer say what its hashed body says/);
  });

  it('finds a hashed body altered behind the trigger’s back, and columns that no longer say what the body says', async () => {
    const { caseId, first } = await createJoinedCase(t);
    await t.query('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only');
    try {
      await t.query(`UPDATE ledger_entries SET body = replace(body, '"displayName":"', '"displayName":"X') WHERE case_id = $1 AND seq = 3`, [caseId]);
    } finally {
      await t.query('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only');
    }
    const verified = await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(first.bearer).expect(200);
    expect(verified.body).toMatchObject({ valid: false, firstBadSeq: 3 });
    expect(verified.body.reason).toMatch(/its content no longer matches its body hash/);
    // The view shows what the stored body says: the altered name, which verification has just refused.
    const view = await t.http().get(`/api/cases/${caseId}/ledger`).set(first.bearer).expect(200);
    expect(view.body.items[2].payload.displayName).toMatch(/^X/);
  });

  it('finds a deleted row behind the trigger’s back', async () => {
    const { caseId, first } = await createJoinedCase(t);
    await t.query('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only');
    try {
      await t.query('DELETE FROM ledger_entries WHERE case_id = $1 AND seq = 2', [caseId]);
    } finally {
      await t.query('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only');
    }
    const verified = await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(first.bearer).expect(200);
    expect(verified.body).toMatchObject({ valid: false, firstBadSeq: 2 });
  });

  it('pages the ledger with a cursor', async () => {
    const { caseId, first } = await createJoinedCase(t);
    const page1 = await t.http().get(`/api/cases/${caseId}/ledger?limit=2`).set(first.bearer).expect(200);
    expect(page1.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
    expect(page1.body.nextCursor).toBe('2');
    const page2 = await t.http().get(`/api/cases/${caseId}/ledger?limit=2&cursor=${page1.body.nextCursor}`).set(first.bearer).expect(200);
    expect(page2.body).toMatchObject({ items: [{ seq: 3 }], nextCursor: null });
    const bad = await t.http().get(`/api/cases/${caseId}/ledger?limit=0`).set(first.bearer);
    expect(bad.status).toBe(400);
    expect(bad.body.details).toContainEqual(expect.objectContaining({ field: 'limit', rule: 'min' }));
  });
});

const describeOnPostgres = TEST_DATABASE_URL ? describe : describe.skip;

describeOnPostgres('the case ledger under two writer processes (PostgreSQL only: an embedded database has one process)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('never forks or gaps a chain when two processes append hundreds of entries at once', async () => {
    const worker = join(__dirname, 'support/ledger-append-worker.js');
    expect(existsSync(join(__dirname, '../dist/ledger/ledger.repository.js'))).toBe(true);
    const cases = [await createJoinedCase(t), await createJoinedCase(t)];
    const caseIds = cases.map((c) => c.caseId).join(',');
    const appendsPerProcess = 300;
    const results = await Promise.all(
      [1, 2].map(() => run(process.execPath, [worker, t.config.databaseUrl!, caseIds, String(appendsPerProcess), '12'], { timeout: 120_000 })),
    );
    for (const { stdout } of results) expect(JSON.parse(stdout)).toMatchObject({ appends: appendsPerProcess, failures: 0 });

    let total = 0;
    for (const { caseId, first } of cases) {
      const verified = await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(first.bearer).expect(200);
      expect(verified.body.valid).toBe(true);
      total += verified.body.count;
      const head = await t.query<{ ledger_head_seq: number; ledger_head_hash: string }>('SELECT ledger_head_seq, ledger_head_hash FROM cases WHERE id = $1', [caseId]);
      expect(head[0]).toEqual({ ledger_head_seq: verified.body.headSeq, ledger_head_hash: verified.body.headHash });
    }
    // 3 entries per case from joining, plus every append from both processes.
    expect(total).toBe(2 * 3 + 2 * appendsPerProcess);
  });
});
