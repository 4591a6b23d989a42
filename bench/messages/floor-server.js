'use strict';

/**
 * The floor the message benchmark divides by: the least a server on this machine can do per
 * send. A bare `node:http` server that reads the JSON body, checks nothing, and runs one
 * prepared INSERT through `pg` (a pool as large as the API's), then answers 201 with the id.
 * Never part of the product; started by bench/messages.bench.js in its own process.
 *
 *   node bench/messages/floor-server.js   (env: DATABASE_URL, PORT, POOL_SIZE)
 * Prints "listening" on stdout when ready.
 */
const { createServer } = require('node:http');
const { randomUUID } = require('node:crypto');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10), application_name: 'parallel-bench-floor' });
const INSERT = {
  name: 'floor-insert',
  text: 'INSERT INTO bench_floor_messages (id, case_id, topic, text, sent_at) VALUES ($1, $2, $3, $4, $5)',
};
const PATH = /^\/floor\/cases\/([0-9a-f-]{36})\/messages$/;

async function main() {
  await pool.query('CREATE TABLE IF NOT EXISTS bench_floor_messages (id uuid PRIMARY KEY, case_id uuid NOT NULL, topic text NOT NULL, text text NOT NULL, sent_at timestamptz NOT NULL)');
  const server = createServer((request, response) => {
    const match = request.method === 'POST' ? PATH.exec(request.url ?? '') : null;
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      let body;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        response.writeHead(400).end();
        return;
      }
      const id = randomUUID();
      const sentAt = new Date();
      pool.query({ ...INSERT, values: [id, match[1], String(body.topic), String(body.text), sentAt] }).then(
        () => {
          const answer = JSON.stringify({ id, sentAt: sentAt.toISOString() });
          response.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) }).end(answer);
        },
        () => response.writeHead(500).end(),
      );
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
  process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
}

main().catch((error) => {
  process.stderr.write(`floor server failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
