'use strict';

const { Client } = require('pg');

const SERVER_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432';

function databaseUrl(name) {
  return `${SERVER_URL}/${name}`;
}

async function withClient(url, work) {
  const client = new Client({ connectionString: url, application_name: 'parallel-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh, empty database for this run; the API migrates it at start. */
async function createDatabase(name, { synchronousCommit } = {}) {
  await withClient(databaseUrl('postgres'), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    // Only for the diagnosis run that asks whether commit flushes limit throughput.
    if (synchronousCommit) await client.query(`ALTER DATABASE "${name}" SET synchronous_commit = ${synchronousCommit === 'off' ? 'off' : 'on'}`);
  });
  return databaseUrl(name);
}

async function dropDatabase(name) {
  await withClient(databaseUrl('postgres'), (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function serverFacts() {
  return withClient(databaseUrl('postgres'), async (client) => {
    const version = (await client.query('SHOW server_version')).rows[0].server_version;
    const settings = await client.query(
      `SELECT name, setting, unit FROM pg_settings
        WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_connections', 'commit_delay', 'full_page_writes')
        ORDER BY name`,
    );
    return { version, settings: Object.fromEntries(settings.rows.map((row) => [row.name, row.unit ? `${row.setting} (${row.unit})` : row.setting])) };
  });
}

module.exports = { SERVER_URL, databaseUrl, withClient, createDatabase, dropDatabase, serverFacts };
