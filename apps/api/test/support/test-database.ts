import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';

/** The real PostgreSQL the tests use, when TEST_DATABASE_URL is set (CI always sets it). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || null;
/** Overridable so that two test runs on one server (several checkouts) do not share a template. */
export const TEMPLATE_DATABASE = process.env.TEST_TEMPLATE_DATABASE?.trim() || 'parallel_test_template';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL! });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database per test file, copied from the migrated template: fast and isolated. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${TEMPLATE_DATABASE}_f_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return {
    url: databaseUrl(name),
    drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * An empty, unmigrated database for migration tests, on the real PostgreSQL when
 * TEST_DATABASE_URL is set, else in a temporary embedded data directory. `close` drops it.
 */
export async function emptyDatabase(): Promise<{ dataSource: DataSource; close: () => Promise<void> }> {
  let dataSource: DataSource;
  let cleanup: () => Promise<void>;
  if (TEST_DATABASE_URL) {
    const name = `parallel_migration_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
    dataSource = createDataSource({ databaseUrl: databaseUrl(name), dataDir: '' }, 1);
    cleanup = () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'parallel-migration-'));
    dataSource = createDataSource({ databaseUrl: null, dataDir: dir }, 1);
    cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  }
  await dataSource.initialize();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await cleanup();
    },
  };
}
