'use strict';

const { randomUUID } = require('node:crypto');
const { join, resolve } = require('node:path');
const { round, summarize } = require('./stats');

const REPO_ROOT = resolve(__dirname, '../..');

/** Cluster-wide WAL counters and this database's commit count: flushes per commit show group commit at work. */
async function databaseCounters(client, databaseName) {
  const wal = (await client.query('SELECT wal_records, wal_bytes, wal_write, wal_sync FROM pg_stat_wal')).rows[0];
  const db = (await client.query('SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = $1', [databaseName])).rows[0];
  return {
    walRecords: Number(wal.wal_records),
    walBytes: Number(wal.wal_bytes),
    walWrites: Number(wal.wal_write),
    walSyncs: Number(wal.wal_sync),
    commits: Number(db.xact_commit),
    rollbacks: Number(db.xact_rollback),
  };
}

/**
 * The statements of one accepted send, the API's own (read from its build, so they cannot
 * drift from what it runs): the access guard's session look-up, the send's read (the case, its
 * head, the stored answer, the recipient, the send times, the inbox terms) and its write (the
 * entry, the new head, the message and its stored answer, in one statement that writes only if
 * the head is still the one read). Outside a transaction in the API; here under EXPLAIN ANALYZE
 * inside one that is rolled back: what each costs inside PostgreSQL, without the round trip
 * and without the API. Each statement runs under its own savepoint, so one that fails is
 * reported and the others still run.
 */
async function explainSendStatements(client, parent) {
  const api = (module) => require(join(REPO_ROOT, 'apps/api/dist', module));
  const { statementText } = api('database/prepared.js');
  const { FIND_LIVE_SESSION } = api('auth/auth.repository.js');
  const { SEND_CONTEXT, INSERT_MESSAGE } = api('messages/messages.repository.js');
  const caseId = parent.caseId;
  const userId = parent.userId;
  const now = new Date();
  const tokenHash = (await client.query('SELECT token_hash FROM sessions WHERE user_id = $1 LIMIT 1', [userId])).rows[0].token_hash;
  const head = (await client.query('SELECT ledger_head_seq, ledger_head_hash FROM cases WHERE id = $1', [caseId])).rows[0];
  const seq = head.ledger_head_seq + 1;
  const day = 86_400_000;
  const statements = [
    ['guard: session, user and membership', FIND_LIVE_SESSION, [tokenHash, now, caseId]],
    ['send read: case and head, stored answer, recipient, send times, inbox terms', SEND_CONTEXT, [caseId, userId, 'bench-explain-key', new Date(now.getTime() - 2 * day), new Date(now.getTime() - 30 * day)]],
    [
      'send write: entry, head, message and stored answer',
      INSERT_MESSAGE,
      [
        caseId, seq, 1, 'message.sent', userId, now, '{"text":"explain"}', '0'.repeat(32), 'f'.repeat(64), head.ledger_head_hash, 'e'.repeat(64), '{}',
        head.ledger_head_seq,
        'bench-explain-key', 'x', 201, '{}',
        randomUUID(), parent.otherUserId, 'schedule', 'explain', false, now, now,
      ],
    ],
  ].map(([label, statement, params]) => [label, statementText(statement), params]);
  let rows = [];
  await client.query('BEGIN');
  try {
    // The first pass warms this new connection's caches (the API's pooled connections
    // are warm); the second pass is the one reported.
    for (let pass = 1; pass <= 2; pass++) {
      rows = [];
      for (const [label, sql, params] of statements) {
        await client.query('SAVEPOINT statement');
        try {
          const plan = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params)).rows[0]['QUERY PLAN'][0];
          rows.push({ statement: label, executionMs: round(plan['Execution Time'], 3), planningMs: round(plan['Planning Time'], 3), plan: plan.Plan['Node Type'], triggers: (plan.Triggers ?? []).map((trigger) => ({ name: trigger['Trigger Name'], calls: trigger.Calls, ms: round(trigger.Time, 3) })), planTree: plan.Plan });
        } catch (error) {
          rows.push({ statement: label, error: error.message });
        }
        // Rolled back each time, so the second pass inserts the same rows again.
        await client.query('ROLLBACK TO SAVEPOINT statement');
      }
    }
  } finally {
    await client.query('ROLLBACK');
  }
  return rows;
}

/** The round trip of one trivial statement from Node over the loopback: the floor under every statement. */
async function roundTrip(client, count = 500) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await client.query('SELECT 1');
    times.push(performance.now() - started);
  }
  return summarize(times);
}

module.exports = { databaseCounters, explainSendStatements, roundTrip };
