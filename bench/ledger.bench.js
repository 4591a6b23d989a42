#!/usr/bin/env node
/**
 * Ledger verification benchmark: `npm run bench:ledger` (builds libs/domain first).
 *
 * Builds a realistic 100,000-entry chain (messages of 200-600 characters, releases, reads,
 * held-back attempts, a few terms changes) with node:crypto as the hasher, then times, best
 * of 5 runs each, taken in turns so that other work on the machine slows them alike:
 *   (a) verifyLedgerChain with node:crypto over entries as the API and the command line read
 *       them: each with the body text that was stored and hashed (ledger_entries.body, a
 *       bundle's ledger line), so the body is hashed as stored and only the seal text is made;
 *   (b) the floor: node:crypto hashing exactly the same bytes (the precomputed body and seal
 *       texts), i.e. what verification costs with free seal texts and free bookkeeping;
 *   (c) verifyLedgerChain with the portable @noble/hashes hasher over entries without their
 *       stored text (the API's JSON view), as the browser verifies: bodies written out again;
 *   (d) the canonical texts alone (ledgerBodyText + ledgerSealText), what writing them costs;
 *   (e) verifyLedgerChain with node:crypto over entries without their stored text (the
 *       record format's other path, and how every verification ran before bodies were kept).
 * Reports entries/s, MB/s of hashed text and the ratio a/b (target: at least 0.5).
 * Progress goes to stderr, results to stdout and bench/results/ledger.json.
 * `--entries N` changes the chain's length; `--runs N` the number of runs; `--dist DIR` measures
 * another build of @parallel/domain.
 */
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
/** `--dist DIR`: measure another build of @parallel/domain (e.g. an older commit's), to compare. */
const distIndex = process.argv.indexOf('--dist');
const DIST = distIndex > 0 ? path.resolve(process.argv[distIndex + 1]) : path.join(__dirname, '../libs/domain/dist');
const { DEFAULT_CASE_TERMS, ledgerBodyText, ledgerEntryFromStoredBody, ledgerSealText, nextLedgerEntry, sealLedgerEntry, sha256Hex: portableSha256Hex, verifyLedgerChain } = require(DIST);

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const ENTRIES = argument('--entries', 100_000);
const RUNS = argument('--runs', 5);

const progress = (message) => process.stderr.write(`... ${message}\n`);

/** node:crypto's one-shot hash where this Node has it (20.12+, 21.7+), else createHash. */
const nodeSha256Hex =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
const NODE_HASHER = typeof crypto.hash === 'function' ? "crypto.hash('sha256', text)" : "createHash('sha256').update(text).digest('hex')";

/** A small deterministic generator (mulberry32), so every run builds the same chain. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'pick-up drop-off school Friday Monday 17:30 18:00 football kit reading book doctor appointment temperature medicine ' +
  "homework trip consent form permission slip holiday passport swimming lesson dentist Saturday morning train station " +
  "please confirm thanks noted the the a and for at on by with Noor Sami café naïve don't she's it's we'll ok"
).split(' ');
/**
 * The text mix: most messages plain (Latin-1, e.g. "café"); 30% typed on a phone that turns
 * ' and "" into ’ and “” (UTF-16 two-byte strings, 3-byte UTF-8 characters); 5% with an emoji.
 */
const PHONE_SHARE = 0.3;
const EMOJI_SHARE = 0.05;
const TOPICS = ['schedule', 'health', 'school', 'activities', 'expenses', 'travel', 'other'];

function buildChain(count) {
  const next = random(20261201);
  const pick = (items) => items[Math.floor(next() * items.length)];
  const text = () => {
    const length = 200 + Math.floor(next() * 401);
    let out = '';
    while (out.length < length) out += `${pick(WORDS)}${next() < 0.08 ? '. ' : ' '}`;
    out = `${out.slice(0, length).trimEnd()}.`;
    const style = next();
    if (style < PHONE_SHARE) out = out.replace(/'/g, '\u2019').replace(/ ok /g, ' \u201cok\u201d ');
    else if (style < PHONE_SHARE + EMOJI_SHARE) out += ' \u{1F6B8}';
    return out;
  };
  const salt = () => Array.from({ length: 4 }, () => Math.floor(next() * 2 ** 32).toString(16).padStart(8, '0')).join('');
  const caseId = '7d1f1f5e-5a43-4c39-9d7e-1a1e3c7a0001';
  const parents = ['3f0c9a52-8d7e-4d0b-9a43-7c3f1e2b5a01', 'b5e2d7c4-1a9f-4e36-8b20-6d4c2a1f9e02'];
  const chain = [];
  let atMs = Date.UTC(2026, 0, 5, 9, 0);
  let messageNo = 0;
  const unreleased = [];
  const unread = [];
  const push = (type, actorId, payload) => {
    atMs += 1000 + Math.floor(next() * 600_000);
    chain.push(nextLedgerEntry(chain.at(-1) ?? null, { caseId, at: new Date(atMs).toISOString(), type, actorId, payload, salt: salt() }, nodeSha256Hex));
  };
  push('case.created', parents[0], { name: 'Noor and Sami', timeZone: 'Europe/London', children: ['Noor', 'Sami'], terms: DEFAULT_CASE_TERMS });
  push('invitation.created', parents[0], { invitationId: crypto.randomUUID(), email: 'other.parent@example.org', expiresAt: new Date(atMs + 7 * 864e5).toISOString() });
  push('case.joined', parents[1], { userId: parents[1], displayName: 'Alex', invitationId: 'inv' });
  while (chain.length < count) {
    const roll = next();
    const sender = next() < 0.5 ? 0 : 1;
    if (chain.length % 5000 === 0) {
      const proposalId = crypto.randomUUID();
      push('terms.proposed', parents[sender], { proposalId, changes: { dailyQuota: 3 + Math.floor(next() * 5), cadence: { mode: 'windows', windows: [{ weekday: 1, time: '18:00' }, { weekday: 4, time: '18:00' }] } } });
      if (chain.length < count) push('terms.accepted', parents[1 - sender], { proposalId, terms: { ...DEFAULT_CASE_TERMS, dailyQuota: 4 } });
    } else if (roll < 0.6) {
      const messageId = `m-${(++messageNo).toString(16).padStart(8, '0')}-4c39-9d7e-1a1e3c7a0001`;
      const deliverAt = new Date(atMs + Math.floor(next() * 3 * 864e5)).toISOString();
      push('message.sent', parents[sender], { messageId, recipientId: parents[1 - sender], topic: pick(TOPICS), text: text(), urgent: next() < 0.03, deliverAt });
      unreleased.push(messageId);
      unread.push(messageId);
    } else if (roll < 0.7 && unreleased.length) {
      push('message.released', null, { messageIds: unreleased.splice(0, unreleased.length) });
    } else if (roll < 0.9 && unread.length) {
      push('message.read', parents[sender], { messageId: unread.shift() });
    } else if (roll < 0.95 && unread.length > 1) {
      const reads = unread.splice(0, 2).map((messageId) => ({ messageId, readAt: new Date(atMs - Math.floor(next() * 864e5)).toISOString() }));
      push('message.reads_recorded', parents[sender], { reads });
    } else {
      push('message.held_back', parents[sender], { attemptId: crypto.randomUUID(), topic: pick(TOPICS), text: text(), urgent: false, reason: 'quota_exceeded', retryAt: new Date(atMs + 864e5).toISOString() });
    }
  }
  return chain;
}

/**
 * Times several measures in turns (a, b, c, d, then a, b, c, d again...), so that a machine
 * shared with other work slows each of them alike; keeps each one's best and median in ms.
 */
function timeInTurns(runs, measures) {
  const timings = measures.map(() => []);
  const cpuTimings = measures.map(() => []);
  for (let run = 1; run <= runs; run++) {
    measures.forEach(({ label, fn, check }, index) => {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const result = fn();
      const ms = performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      check(result);
      timings[index].push(ms);
      cpuTimings[index].push((cpu.user + cpu.system) / 1000);
      progress(`${label}: run ${run}/${runs} ${ms.toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`);
    });
  }
  return timings.map((list, index) => {
    const sorted = [...list].sort((a, b) => a - b);
    return { bestMs: sorted[0], medianMs: sorted[Math.floor(sorted.length / 2)], bestCpuMs: Math.min(...cpuTimings[index]), timings: list.map((ms) => Math.round(ms)) };
  });
}

function main() {
  const loadBefore = os.loadavg().map((load) => Number(load.toFixed(2)));
  progress(`building a ${ENTRIES.toLocaleString('en')}-entry chain with node:crypto (${NODE_HASHER})`);
  let start = performance.now();
  const chain = buildChain(ENTRIES);
  const buildMs = performance.now() - start;
  const counts = {};
  for (const entry of chain) counts[entry.type] = (counts[entry.type] ?? 0) + 1;
  progress(`built in ${(buildMs / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);

  // The bytes verification hashes: each entry's body text and seal text.
  start = performance.now();
  const bodyTexts = chain.map((entry) => ledgerBodyText(entry));
  const sealTexts = chain.map((entry) => ledgerSealText(entry));
  let bytes = 0;
  for (let i = 0; i < chain.length; i++) bytes += Buffer.byteLength(bodyTexts[i]) + Buffer.byteLength(sealTexts[i]);
  progress(`precomputed ${chain.length * 2} texts, ${(bytes / 1e6).toFixed(1)} MB, in ${(performance.now() - start).toFixed(0)} ms`);

  // The chain as the API reads it from ledger_entries: each entry parsed from its stored body
  // text (a fresh, flat string, as a database driver returns it). An older build (--dist)
  // without stored bodies verifies the fields in (a) as well.
  start = performance.now();
  const stored = ledgerEntryFromStoredBody
    ? chain.map((entry) => ledgerEntryFromStoredBody(sealLedgerEntry(entry), Buffer.from(ledgerBodyText(entry)).toString('utf8'), (type, payload) => ({ type, payload })))
    : chain;
  // Entries as the API's JSON shows them: fields only (a copy never carries the stored text).
  const fieldsOnly = chain.map((entry) => ({ ...entry }));
  progress(`read back ${stored.length} entries from their stored texts in ${(performance.now() - start).toFixed(0)} ms (not timed below: the API parses rows in any case)`);

  const head = chain.at(-1);
  const expectedHead = { seq: head.seq, hash: head.hash };
  const mustVerify = (result) => {
    if (!result.valid || result.headHash !== head.hash) throw new Error(`verification failed: ${JSON.stringify(result)}`);
  };

  const [verifyNode, floor, verifyPortable, canonical, verifyFields] = timeInTurns(RUNS, [
    {
      label: '(a) verifyLedgerChain, node:crypto, stored bodies',
      fn: () => verifyLedgerChain(stored, { expectedHead, sha256Hex: nodeSha256Hex }),
      check: mustVerify,
    },
    {
      label: '(b) node:crypto over the same bytes',
      fn: () => {
        let previous = '0'.repeat(64);
        let bad = 0;
        for (let i = 0; i < bodyTexts.length; i++) {
          const entry = chain[i];
          if (nodeSha256Hex(bodyTexts[i]) !== entry.bodyHash) bad++;
          if (nodeSha256Hex(sealTexts[i]) !== entry.hash || entry.prevHash !== previous) bad++;
          previous = entry.hash;
        }
        return bad;
      },
      check: (bad) => {
        if (bad !== 0) throw new Error(`${bad} hashes differ`);
      },
    },
    {
      label: '(c) verifyLedgerChain, portable @noble/hashes, fields',
      fn: () => verifyLedgerChain(fieldsOnly, { expectedHead, sha256Hex: portableSha256Hex }),
      check: mustVerify,
    },
    {
      label: '(d) canonical texts only',
      fn: () => {
        let length = 0;
        for (const entry of chain) length += ledgerBodyText(entry).length + ledgerSealText(entry).length;
        return length;
      },
      check: (length) => {
        if (length <= 0) throw new Error('no text');
      },
    },
    {
      label: '(e) verifyLedgerChain, node:crypto, fields',
      fn: () => verifyLedgerChain(fieldsOnly, { expectedHead, sha256Hex: nodeSha256Hex }),
      check: mustVerify,
    },
  ]);

  const rate = (measure) => ({
    bestMs: Math.round(measure.bestMs),
    medianMs: Math.round(measure.medianMs),
    bestCpuMs: Math.round(measure.bestCpuMs),
    timingsMs: measure.timings,
    entriesPerSecond: Math.round(chain.length / (measure.bestMs / 1000)),
    megabytesPerSecond: Number((bytes / 1e6 / (measure.bestMs / 1000)).toFixed(1)),
  });
  const cpu = os.cpus()[0];
  const results = {
    machine: {
      cpu: cpu ? cpu.model.trim() : 'unknown',
      logicalCores: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      loadAverageBefore: loadBefore,
      loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
    },
    chain: { entries: chain.length, hashedMegabytes: Number((bytes / 1e6).toFixed(1)), types: counts, buildSeconds: Number((buildMs / 1000).toFixed(1)) },
    dist: path.relative(path.join(__dirname, '..'), DIST),
    nodeHasher: NODE_HASHER,
    runs: RUNS,
    verifyNodeCrypto: rate(verifyNode),
    floorNodeCrypto: rate(floor),
    verifyPortable: rate(verifyPortable),
    canonicalTextsOnly: rate(canonical),
    verifyFieldsNodeCrypto: rate(verifyFields),
    ratioVerifyToFloor: Number((floor.bestMs / verifyNode.bestMs).toFixed(2)),
    ratioVerifyToFloorCpu: Number((floor.bestCpuMs / verifyNode.bestCpuMs).toFixed(2)),
    target: 'ratioVerifyToFloor >= 0.5',
  };
  results.meetsTarget = results.ratioVerifyToFloor >= 0.5;

  const line = (name, measure) =>
    `${name.padEnd(44)} ${String(measure.bestMs).padStart(6)} ms  ${measure.entriesPerSecond.toLocaleString('en').padStart(10)} entries/s  ${measure.megabytesPerSecond.toFixed(1).padStart(6)} MB/s  (CPU ${String(measure.bestCpuMs).padStart(6)} ms)`;
  process.stdout.write(
    [
      `Ledger verification: ${chain.length.toLocaleString('en')} entries, ${results.chain.hashedMegabytes} MB hashed, best of ${RUNS}`,
      `${results.machine.cpu}, ${results.machine.logicalCores} logical cores, Node ${results.machine.node}`,
      line('(a) verifyLedgerChain, node:crypto (stored)', results.verifyNodeCrypto),
      line('(b) floor: node:crypto over the same bytes', results.floorNodeCrypto),
      line('(c) verifyLedgerChain, portable (browser)', results.verifyPortable),
      line('(d) canonical texts only, no hashing', results.canonicalTextsOnly),
      line('(e) verifyLedgerChain, node:crypto (fields)', results.verifyFieldsNodeCrypto),
      `ratio a/b (speed of verification / speed of the floor): ${results.ratioVerifyToFloor} (target >= 0.5: ${results.meetsTarget ? 'met' : 'MISSED'}); on CPU time: ${results.ratioVerifyToFloorCpu}`,
      `load average before/after: ${loadBefore.join(' ')} / ${results.machine.loadAverage.join(' ')}`,
      '',
    ].join('\n'),
  );
  const outDir = path.join(__dirname, 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, distIndex > 0 ? 'ledger-other-build.json' : 'ledger.json');
  fs.writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  progress(`written to ${path.relative(process.cwd(), outFile)}`);
}

if (require.main === module) main();
else module.exports = { buildChain, nodeSha256Hex };
