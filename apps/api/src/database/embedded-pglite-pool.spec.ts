import { verifyLedgerChain } from '@parallel/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SystemClock } from '../common/clock';
import { CaseCommands } from '../ledger/case-commands';
import { LedgerRepository } from '../ledger/ledger.repository';
import { createDataSource } from './data-source';

/**
 * PGlite has one session. Without a pool that hands it to one transaction at a time,
 * concurrent transactions interleave on it: a lock taken by one does not stop another,
 * and updates are lost. These tests fail if the pool stops queueing.
 */
describe('the embedded database pool', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parallel-pool-'));
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = createDataSource({ databaseUrl: null, dataDir });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'all' });
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs concurrent read-modify-write transactions one after another: no lost update', async () => {
    await dataSource.query('CREATE TABLE pool_counter (id int PRIMARY KEY, value int NOT NULL)');
    await dataSource.query('INSERT INTO pool_counter VALUES (1, 0)');
    await Promise.all(
      Array.from({ length: 25 }, () =>
        dataSource.transaction(async (manager) => {
          const [row] = await manager.query<{ value: number }[]>('SELECT value FROM pool_counter WHERE id = 1 FOR UPDATE');
          await new Promise((resolve) => setTimeout(resolve, 1));
          await manager.query('UPDATE pool_counter SET value = $1 WHERE id = 1', [row!.value + 1]);
        }),
      ),
    );
    const [row] = await dataSource.query<{ value: number }[]>('SELECT value FROM pool_counter WHERE id = 1');
    expect(row!.value).toBe(25);
  });

  it('keeps a case chain whole under concurrent appends', async () => {
    const userId = randomUUID();
    const caseId = randomUUID();
    const now = new Date();
    await dataSource.query(`INSERT INTO users (id, email, password_hash, display_name, created_at) VALUES ($1, $2, 'x', 'Pool', $3)`, [userId, `${userId}@example.org`, now]);
    await dataSource.query(`INSERT INTO cases (id, name, time_zone, children, terms, created_by, created_at) VALUES ($1, 'Pool', 'UTC', '[]', '{}', $2, $3)`, [caseId, userId, now]);
    const ledger = new LedgerRepository(dataSource);
    const commands = new CaseCommands(dataSource, ledger, new SystemClock());
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => commands.run(caseId, (tx) => tx.record('message.read', userId, { messageId: `m${i}` }))),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect(verifyLedgerChain(await ledger.list(caseId), { caseId, expectedHead: (await ledger.storedHead(caseId))! })).toMatchObject({ valid: true, count: 40 });
  });
});
