'use strict';

const { round, summarize } = require('./stats');

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
 * The statements of one accepted send, as the API issues them (apps/api/src at
 * 02259b9: the access guard, then the send transaction, then the notice look-up),
 * under EXPLAIN ANALYZE inside a transaction that is rolled back: what each costs
 * inside PostgreSQL, without the round trip and without the API. BEGIN and COMMIT
 * are two more round trips. Each statement runs under its own savepoint, so one
 * that no longer fits the schema is reported and the others still run.
 */
async function explainSendStatements(client, parent) {
  const caseId = parent.caseId;
  const userId = parent.userId;
  const now = new Date();
  const tokenHash = (await client.query('SELECT token_hash FROM sessions WHERE user_id = $1 LIMIT 1', [userId])).rows[0].token_hash;
  const head = (await client.query('SELECT ledger_head_seq, ledger_head_hash FROM cases WHERE id = $1', [caseId])).rows[0];
  const seq = head.ledger_head_seq + 1;
  const statements = [
    [
      'guard: session and user',
      `SELECT s.id AS session_id, u.id, u.email, u.display_name FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
      [tokenHash, now],
    ],
    ['guard: membership', 'SELECT case_id, user_id, role, joined_at FROM case_members WHERE case_id = $1 AND user_id = $2 LIMIT 1', [caseId, userId]],
    [
      'lock the case row',
      'SELECT id, name, time_zone, children, terms, created_by, created_at, ledger_head_seq, ledger_head_hash FROM cases WHERE id = $1 FOR UPDATE',
      [caseId],
    ],
    [
      'send context: stored answer, recipient, quota counts',
      `SELECT
         (SELECT json_build_object('request_hash', r.request_hash, 'status', r.status, 'body', r.body)
            FROM idempotent_replies r WHERE r.case_id = $1 AND r.user_id = $2 AND r.key = $3) AS reply,
         (SELECT m.user_id FROM case_members m WHERE m.case_id = $1 AND m.user_id <> $2 LIMIT 1) AS recipient_id,
         (SELECT count(*) FROM messages WHERE case_id = $1 AND sender_id = $2 AND sent_at >= $4 AND sent_at < $5) AS sent_today,
         (SELECT coalesce(array_agg(sent_at ORDER BY sent_at), '{}') FROM messages
           WHERE case_id = $1 AND sender_id = $2 AND urgent AND sent_at > $6) AS urgent_times`,
      [caseId, userId, 'bench-explain-key', new Date(now.getTime() - 86_400_000), new Date(now.getTime() + 86_400_000), new Date(now.getTime() - 30 * 86_400_000)],
    ],
    ['ledger head, again (FOR UPDATE)', 'SELECT ledger_head_seq, ledger_head_hash FROM cases WHERE id = $1 FOR UPDATE', [caseId]],
    [
      'ledger entry and new head',
      `WITH entry AS (
         INSERT INTO ledger_entries (case_id, seq, type, actor_id, at, payload, prev_hash, hash, body)
         VALUES ($1, $2, 'message.sent', $3, $4, '{"text":"explain"}'::jsonb, $5, $6, '{}')
       )
       UPDATE cases SET ledger_head_seq = $2, ledger_head_hash = $6 WHERE id = $1`,
      [caseId, seq, userId, now, head.ledger_head_hash, 'f'.repeat(64)],
    ],
    [
      'message and stored answer',
      `WITH message AS (
         INSERT INTO messages (id, case_id, sender_id, recipient_id, topic, text, urgent, sent_at, deliver_at, released_at, first_read_at, ledger_seq)
         VALUES (gen_random_uuid(), $1, $2, $3, 'schedule', 'explain', false, $4, $4, $4, NULL, $5)
       )
       INSERT INTO idempotent_replies (case_id, user_id, key, request_hash, status, body, created_at)
       VALUES ($1, $2, 'bench-explain-key', 'x', 201, '{}'::jsonb, $4)`,
      [caseId, userId, parent.otherUserId, now, seq],
    ],
    ['notice: recipient e-mail (after the commit)', 'SELECT id, email FROM users WHERE id = ANY($1::uuid[])', [[parent.otherUserId]]],
  ];
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
          const plan = (await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params)).rows[0]['QUERY PLAN'][0];
          rows.push({ statement: label, executionMs: round(plan['Execution Time'], 3), planningMs: round(plan['Planning Time'], 3), plan: plan.Plan['Node Type'] });
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
