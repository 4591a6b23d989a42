import { createDataSource } from '../../src/database/data-source';
import { databaseUrl, TEMPLATE_DATABASE, TEST_DATABASE_URL, withAdminClient } from './test-database';

/** Migrates a template database once per run; each test file copies it. */
export default async function globalSetup(): Promise<void> {
  if (!TEST_DATABASE_URL) {
    process.stdout.write('\nAPI tests: embedded PGlite (set TEST_DATABASE_URL to also run the multi-process tests on PostgreSQL)\n');
    return;
  }
  process.stdout.write(`\nAPI tests: PostgreSQL at ${new URL(TEST_DATABASE_URL).host}; migrating the template database...\n`);
  await withAdminClient(async (client) => {
    // Only this run's template and its copies: another run (another TEST_TEMPLATE_DATABASE) keeps its own.
    const stale = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2', [
      TEMPLATE_DATABASE,
      `${TEMPLATE_DATABASE}\\_f\\_%`,
    ]);
    for (const { datname } of stale.rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  const dataSource = createDataSource({ databaseUrl: databaseUrl(TEMPLATE_DATABASE), dataDir: '' }, 1);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
  await dataSource.destroy();
}
