'use strict';

/**
 * Export benchmark: the built API (`apps/api/dist/main.js`, as `npm start` runs it) on the real
 * PostgreSQL, with one case whose ledger holds N messages. See the "Export for court" section
 * of BENCHMARKS.md for the targets and the last recorded figures.
 *
 *   npm run bench:export                       (builds first; 100,000 messages)
 *   node bench/export.bench.js [--messages 100000] [--keep]
 *
 * 1. A fresh database; the API migrates it at start. Two parents and a case through the API.
 * 2. N `message.sent` entries (texts of several scripts, some urgent) and a held-back attempt
 *    every 50, appended to the case's chain directly in SQL, hashed as the server hashes them
 *    (the export reads the ledger only, so the query-model rows are not needed).
 * 3. POST an export; then, timed, GET record.pdf and GET bundle.zip to /dev/null, while the
 *    API process's resident memory is sampled (peak RSS from /proc, VmHWM).
 * 4. The bundle is verified with the command-line verifier's code (timed whole, for
 *    information); then its chain alone (verifyLedgerJsonl, with the command line's hashers)
 *    is compared with two floors: node:crypto hashing the ledger line by line, and node:crypto
 *    hashing exactly the pieces the chain's hashes cover (each body and seal), prepared.
 */
const { createHash, randomBytes } = require('node:crypto');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const { join, resolve } = require('node:path');
const { ApiProcess, freePort } = require('./messages/api-process');
const { createDatabase, dropDatabase, withClient } = require('./messages/database');

const REPO_ROOT = resolve(__dirname, '..');
const TARGETS = { pdfSeconds: 20, bundleSeconds: 10, peakMb: 300, verifyVersusHashing: 0.5 };
const TEXTS = [
  'Pick-up on Friday at 17:00 at the school gate. Please bring the swimming bag.',
  'שלום, האיסוף ביום שישי בשעה 17:00 ליד בית הספר.',
  'مرحبا، الاستلام يوم الجمعة الساعة 5 مساءً عند المدرسة.',
  'Dentist moved to Tuesday 09:30 🦷 — I will take her.',
];

function parseOptions(argv) {
  const options = { messages: 100_000, keep: false, profile: null };
  for (let index = 0; index < argv.length; index++) {
    if (argv[index] === '--messages') options.messages = Number(argv[++index]);
    else if (argv[index] === '--keep') options.keep = true;
    else if (argv[index] === '--profile') options.profile = resolve(argv[++index]);
    else if (argv[index] === '--help') {
      process.stdout.write('node bench/export.bench.js [--messages 100000] [--keep] [--profile DIR (the API\'s CPU profile, .cpuprofile)]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${argv[index]}`);
  }
  return options;
}

function request(base, method, path, { token, body } = {}) {
  return new Promise((resolvePromise, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      `${base}${path}`,
      { method, headers: { Accept: 'application/json', ...(data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          if (res.statusCode >= 300) reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`));
          else resolvePromise(text ? JSON.parse(text) : {});
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Streams a download, keeping only its length (and, when asked, its bytes). */
function download(base, path, token, keep) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    http.get(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`GET ${path}: ${res.statusCode}`));
      let bytes = 0;
      const chunks = [];
      res.on('data', (chunk) => {
        bytes += chunk.length;
        if (keep) chunks.push(chunk);
      });
      res.on('end', () => resolvePromise({ seconds: Number(process.hrtime.bigint() - started) / 1e9, bytes, body: keep ? Buffer.concat(chunks) : null }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const read = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: read('VmRSS'), peak: read('VmHWM') };
}

async function seedLedger(url, caseId, parents, count, domain) {
  await withClient(url, async (client) => {
    const head = (await client.query('SELECT ledger_head_seq, ledger_head_hash FROM cases WHERE id = $1', [caseId])).rows[0];
    let previous = { seq: head.ledger_head_seq, hash: head.ledger_head_hash };
    let at = Date.parse('2026-01-05T08:00:00.000Z');
    const batch = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const values = [];
      const params = [];
      batch.forEach((entry, index) => {
        const base = index * 12;
        values.push(`($${base + 1},$${base + 2},$${base + 3},$${base + 4},$${base + 5},$${base + 6},$${base + 7}::jsonb,$${base + 8},$${base + 9},$${base + 10},$${base + 11},$${base + 12})`);
        // body: the exact canonical text the body hash was taken of, as the server stores it.
        params.push(entry.caseId, entry.seq, entry.v, entry.type, entry.actorId, entry.at, JSON.stringify(entry.payload), entry.salt, entry.bodyHash, entry.prevHash, entry.hash, entry.bodyText);
      });
      await client.query(`INSERT INTO ledger_entries (case_id, seq, v, type, actor_id, at, payload, salt, body_hash, prev_hash, hash, body) VALUES ${values.join(',')}`, params);
      batch.length = 0;
    };
    const sha = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
    for (let index = 0; index < count; index++) {
      at += 20 * 60 * 1000 + (index % 7) * 1000;
      const sender = parents[index % 2];
      const recipient = parents[(index + 1) % 2];
      const iso = new Date(at).toISOString();
      const held = index % 50 === 49;
      const entry = domain.nextLedgerEntry(
        previous,
        held
          ? { caseId, at: iso, type: 'message.held_back', actorId: sender, salt: randomBytes(16).toString('hex'), payload: { attemptId: `a${index}`, topic: 'other', text: TEXTS[index % TEXTS.length], urgent: false, reason: 'quota_exceeded', retryAt: null } }
          : {
              caseId,
              at: iso,
              type: 'message.sent',
              actorId: sender,
              salt: randomBytes(16).toString('hex'),
              payload: { messageId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, recipientId: recipient, topic: 'school', text: `${TEXTS[index % TEXTS.length]} (#${index})`, urgent: index % 97 === 0, deliverAt: iso },
            },
        sha,
      );
      batch.push(entry);
      previous = entry;
      if (batch.length === 1000) await flush();
    }
    await flush();
    await client.query('UPDATE cases SET ledger_head_seq = $2, ledger_head_hash = $3 WHERE id = $1', [caseId, previous.seq, previous.hash]);
    // Statistics, as autovacuum takes them after a table grows by a tenth: a chain grows over
    // months in use, not by 100,000 rows in seconds. Without them PostgreSQL read each page of
    // the chain with a bitmap scan and a sort of every row after it (about 90 ms a page at
    // 100,000 entries, most of the bundle's time), where it uses the key's order once it knows.
    await client.query('ANALYZE ledger_entries');
  });
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const domain = require(join(REPO_ROOT, 'libs/domain/dist/index.js'));
  const { nodeBundleCrypto, readZip, verifyZip } = require(join(REPO_ROOT, 'tools/record-verify/dist/record-verify.js'));
  const name = `parallel_bench_export_${process.pid}`;
  const url = await createDatabase(name);
  const dataDir = mkdtempSync(join(os.tmpdir(), 'parallel-bench-export-'));
  const port = await freePort();
  const api = new ApiProcess({
    repoRoot: REPO_ROOT,
    entry: 'apps/api/dist/main.js',
    env: { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: url, PUBLIC_URL: `http://127.0.0.1:${port}`, RELEASE_TICK_MS: '0', SMTP_URL: '' },
    logFile: join(dataDir, 'api.log'),
    nodeArgs: [...(options.profile ? ['--cpu-prof', '--cpu-prof-dir', options.profile] : []), ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean)],
  });
  try {
    await api.start();
    const base = api.baseUrl;
    const alex = await request(base, 'POST', '/api/auth/register', { body: { email: 'alex@bench.test', password: 'a calm and private phrase', displayName: 'Alex' } });
    const sam = await request(base, 'POST', '/api/auth/register', { body: { email: 'sam@bench.test', password: 'another long private phrase', displayName: 'Sam' } });
    const created = await request(base, 'POST', '/api/cases', { token: alex.token, body: { name: 'Bench case', timeZone: 'Europe/London', children: ['Mia'] } });
    await withClient(url, (client) => client.query("INSERT INTO case_members (case_id, user_id, role, joined_at) VALUES ($1, $2, 'parent', now())", [created.id, sam.user.id]));

    const seedStart = Date.now();
    await seedLedger(url, created.id, [alex.user.id, sam.user.id], options.messages, domain);
    process.stdout.write(`seeded ${options.messages.toLocaleString('en')} entries in ${((Date.now() - seedStart) / 1000).toFixed(1)} s\n`);

    const made = await request(base, 'POST', `/api/cases/${created.id}/exports`, { token: alex.token, body: {} });
    const before = peakRssMb(api.pid);
    const pdf = await download(base, made.pdfUrl, alex.token, false);
    const afterPdf = peakRssMb(api.pid);
    const bundle = await download(base, made.bundleUrl, alex.token, true);
    const afterBundle = peakRssMb(api.pid);

    const verifyStart = process.hrtime.bigint();
    const verdict = await verifyZip(new Uint8Array(bundle.body));
    const verifySeconds = Number(process.hrtime.bigint() - verifyStart) / 1e9;
    const ledgerBytes = Buffer.from(readZip(new Uint8Array(bundle.body)).get('ledger.jsonl'));
    // The chain's verification (the ledger file read and every entry checked, with the command
    // line's own node:crypto hashers) against two floors, best of three each, taken in turns so
    // that a busy moment does not decide a ratio:
    //  - lines: node:crypto hashing the file line by line (createHash over each decoded line);
    //  - pieces: node:crypto's one-shot hash over exactly the bytes the chain's hashes cover,
    //    in the pieces it hashes them (each body and each seal), prepared beforehand: the
    //    verifier can do no less, so the ratio to it is the cost of reading the lines.
    const { sha256Hex, sha256Bytes } = nodeBundleCrypto;
    const ledgerView = new Uint8Array(ledgerBytes.buffer, ledgerBytes.byteOffset, ledgerBytes.length);
    const pieces = [];
    for (const line of ledgerBytes.toString('utf8').split('\n')) {
      if (!line) continue;
      const entry = JSON.parse(line);
      pieces.push(Buffer.from(domain.ledgerBodyText(entry)), Buffer.from(domain.ledgerSealText(entry)));
    }
    let chainSeconds = Infinity;
    let linesSeconds = Infinity;
    let piecesSeconds = Infinity;
    const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
    for (let round = 0; round < 3; round++) {
      const chainStart = process.hrtime.bigint();
      const chain = domain.verifyLedgerJsonl(ledgerView, { sha256Hex, sha256Bytes });
      chainSeconds = Math.min(chainSeconds, seconds(chainStart));
      if (!chain.valid) throw new Error(`the chain did not verify: ${JSON.stringify(chain)}`);
      const linesStart = process.hrtime.bigint();
      for (const line of ledgerBytes.toString('utf8').split('\n')) if (line) createHash('sha256').update(line).digest('hex');
      linesSeconds = Math.min(linesSeconds, seconds(linesStart));
      const piecesStart = process.hrtime.bigint();
      for (const piece of pieces) sha256Bytes(piece);
      piecesSeconds = Math.min(piecesSeconds, seconds(piecesStart));
    }

    const result = {
      messages: options.messages,
      entries: made.ledgerSeq,
      pdf: { seconds: +pdf.seconds.toFixed(2), megabytes: +(pdf.bytes / 1e6).toFixed(1) },
      bundle: { seconds: +bundle.seconds.toFixed(2), megabytes: +(bundle.bytes / 1e6).toFixed(1) },
      apiPeakRssMb: +afterBundle.peak.toFixed(0),
      apiRssBeforeMb: +before.rss.toFixed(0),
      apiPeakAfterPdfMb: +afterPdf.peak.toFixed(0),
      verify: {
        valid: verdict.valid,
        bundleSeconds: +verifySeconds.toFixed(2),
        chainSeconds: +chainSeconds.toFixed(3),
        nodeCryptoHashingLinesSeconds: +linesSeconds.toFixed(3),
        nodeCryptoHashingPiecesSeconds: +piecesSeconds.toFixed(3),
        chainSpeedVersusHashingLines: +(linesSeconds / chainSeconds).toFixed(2),
        chainSpeedVersusHashingPieces: +(piecesSeconds / chainSeconds).toFixed(2),
      },
      targets: TARGETS,
      machine: { cpus: os.cpus().length, load: os.loadavg().map((value) => +value.toFixed(2)) },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    if (!verdict.valid) throw new Error(`the bundle did not verify: ${JSON.stringify(verdict)}`);
  } finally {
    await api.stop();
    if (!options.keep) {
      await dropDatabase(name);
      rmSync(dataDir, { recursive: true, force: true });
    } else process.stdout.write(`kept: database ${name}, data directory ${dataDir}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
