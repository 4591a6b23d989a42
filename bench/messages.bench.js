'use strict';

/**
 * Message channel benchmark: the built API on the real PostgreSQL, loaded from other
 * processes. See the "Message channel" section of BENCHMARKS.md for what is measured,
 * the targets and the last recorded figures.
 *
 *   npm run bench:messages                      (builds the API and bench/api first)
 *   node bench/messages.bench.js [--connections 50] [--seconds 10] [--rounds 3] [--warmup-seconds 10]
 *        [--cases 200] [--socket-sends 500] [--socket-rate 50] [--mail smtp|outbox]
 *        [--smtp-greeting immediate|stock] [--profile] [--synchronous-commit off] [--wait-quiet 300]
 *        [--help]
 *
 * Phases:
 *  1. set-up through the public API: 100 cases of two joined parents with a daily
 *     quota of 50, and a second, identical "warm-up" cohort with a quota of 1;
 *  2. warm-up (excluded): sends on the warm-up cohort, then the bare endpoint;
 *  3. release-to-socket: paced sends with every parent connected by socket.io;
 *  4. measured, same connections and duration, in --rounds rounds (this machine's speed
 *     drifts by a quarter within minutes, so each round compares phases run back to back):
 *     the floor (bench/messages/floor-server.js: node:http + one prepared pg INSERT, nothing
 *     else), the bare insert, then real sends on the quota-50 cohort (capped at its
 *     remaining quota, so every answer is a 201); each phase starts once the one before has
 *     settled (its notices sent, the machine quiet). Then, once, sends over the quota on the
 *     warm-up cohort (every answer a 429, which still writes its ledger entry but sends no
 *     notice);
 *  5. EXPLAIN ANALYZE of the send's statements; summary with each round's phases as ratios to
 *     that round's floor, and the verdict on the median round; JSON in bench/results.
 * The API, the load generator and the database are removed at the end, also on failure.
 */
const { execFileSync } = require('node:child_process');
const { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { join, resolve } = require('node:path');
const { ApiProcess, freePort } = require('./messages/api-process');
const { createCohort } = require('./messages/cohort');
const { createDatabase, dropDatabase, serverFacts, withClient } = require('./messages/database');
const { databaseCounters, explainSendStatements, roundTrip } = require('./messages/diagnostics');
const { closeAgent, expectStatus } = require('./messages/http');
const { startFloorServer } = require('./messages/floor');
const { runLoadPhase } = require('./messages/load-phase');
const { OutboxReader, SmtpListener } = require('./messages/mail-sinks');
const { summarizeProfile } = require('./messages/profile-summary');
const { CpuSampler, topSnapshot } = require('./messages/samplers');
const { measureReleaseToSocket } = require('./messages/socket-latency');
const { round } = require('./messages/stats');

const REPO_ROOT = resolve(__dirname, '..');
const DAILY_QUOTA = 50; // the most a case can agree on (TERMS_DAILY_QUOTA_MAX)
const WARMUP_DAILY_QUOTA = 2; // the floor of an inbox's cap: after the warm-up, every send of that cohort is over quota
const RUN_LIMIT_WITHOUT_WAITING_MS = 15 * 60 * 1000;
const TARGETS = { sendsPerSecond: 1000, p99Ms: 50, ledgerCostRatio: 2, releaseToSocketP99Ms: 100, bareToFloor: 0.4, sendsToBare: 0.5 };

function parseOptions(argv) {
  const options = {
    connections: 50,
    seconds: 10,
    warmupSeconds: 10,
    cases: 200,
    socketSends: 500,
    socketRate: 50,
    mail: 'smtp',
    smtpGreeting: 'immediate',
    profile: false,
    synchronousCommit: null,
    waitQuiet: 0,
    rounds: 3,
  };
  const numeric = { '--rounds': 'rounds', '--connections': 'connections', '--seconds': 'seconds', '--warmup-seconds': 'warmupSeconds', '--cases': 'cases', '--socket-sends': 'socketSends', '--socket-rate': 'socketRate', '--wait-quiet': 'waitQuiet' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (numeric[arg]) {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`${arg} needs a positive number`);
      options[numeric[arg]] = value;
    } else if (arg === '--mail') {
      options.mail = argv[++i];
      if (!['smtp', 'outbox'].includes(options.mail)) throw new Error('--mail is smtp or outbox');
    } else if (arg === '--smtp-greeting') {
      options.smtpGreeting = argv[++i];
      if (!['immediate', 'stock'].includes(options.smtpGreeting)) throw new Error('--smtp-greeting is immediate or stock');
    } else if (arg === '--profile') {
      options.profile = true;
    } else if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else if (arg === '--synchronous-commit') {
      options.synchronousCommit = argv[++i];
      if (!['on', 'off'].includes(options.synchronousCommit)) throw new Error('--synchronous-commit is on or off');
    } else {
      throw new Error(`unknown option ${arg}`);
    }
  }
  return options;
}

function log(line) {
  process.stderr.write(`[bench:messages ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

function machineFacts() {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism(),
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((v) => round(v, 2)),
  };
}

/** Stops the API's profiler, keeps the profile in bench/results and summarizes it. */
async function collectProfile(api, profileFile, key, startedAt) {
  const answer = await api.request({ profile: 'stop' }, (message) => message && 'profiled' in message);
  if (!answer.profiled || !existsSync(profileFile)) return { error: answer.error ?? 'no profile written' };
  const resultsDir = join(__dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const kept = join(resultsDir, `messages-api-${key}-${startedAt.toISOString().slice(0, 19).replace(/:/g, '-')}.cpuprofile`);
  copyFileSync(profileFile, kept);
  return { file: kept, ...summarizeProfile(profileFile) };
}

/** How busy all cores were over `ms`, before the benchmark adds anything: other work skews every figure. */
async function machineBusyOver(ms) {
  const sampler = new CpuSampler({});
  const before = sampler.snapshot();
  await new Promise((resolveWait) => setTimeout(resolveWait, ms));
  const usage = CpuSampler.usage(before, sampler.snapshot());
  return { percentOfAllCores: usage.machineBusyPercentOfAllCores, top: await topSnapshot() };
}

/**
 * Other work on this 2-core machine takes CPU from the API and PostgreSQL. With
 * --wait-quiet, the measured phases start only once the machine has been under 20%
 * busy for 3 s (the API is idle then), or when the wait runs out.
 */
async function waitForQuietMachine(maxSeconds) {
  const deadline = Date.now() + maxSeconds * 1000;
  for (;;) {
    const busy = await machineBusyOver(3000);
    if (busy.percentOfAllCores < 20) {
      log(`machine quiet (${busy.percentOfAllCores}% busy): measuring`);
      return { quiet: true, percentOfAllCores: busy.percentOfAllCores };
    }
    if (Date.now() > deadline) {
      log(`machine still ${busy.percentOfAllCores}% busy after ${maxSeconds} s: measuring anyway`);
      return { quiet: false, percentOfAllCores: busy.percentOfAllCores, top: busy.top };
    }
    log(`machine ${busy.percentOfAllCores}% busy with other work: waiting...`);
  }
}

/** Newest modification time of any file under `dir` (0 when absent). */
function newestMtimeMs(dir) {
  let newest = 0;
  let entries = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Which source the measured API was built from. The checkout is shared: the commit and
 * uncommitted files say what the tree was at the start, and a build older than its
 * sources is flagged, since the bench runs whatever apps/api/dist holds.
 */
function sourceFacts() {
  const git = (...args) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  const facts = {};
  try {
    facts.commit = git('rev-parse', '--short', 'HEAD');
    facts.uncommittedInApiOrDomain = git('status', '--porcelain', '--', 'apps/api/src', 'libs/domain/src').split('\n').filter(Boolean);
  } catch (error) {
    facts.gitError = error.message;
  }
  const builtAt = newestMtimeMs(join(REPO_ROOT, 'apps/api/dist'));
  const sourcesChangedAt = Math.max(newestMtimeMs(join(REPO_ROOT, 'apps/api/src')), newestMtimeMs(join(REPO_ROOT, 'libs/domain/src')));
  facts.apiBuiltAt = builtAt ? new Date(builtAt).toISOString() : null;
  facts.buildOlderThanSources = sourcesChangedAt > builtAt;
  if (facts.buildOlderThanSources) log('warning: apps/api/dist is older than apps/api/src or libs/domain/src: this measures the last build, not the current source (npm run bench:messages builds first)');
  return facts;
}

/** Everything that must be undone, whatever happens: processes, database, files. */
class Cleanup {
  constructor() {
    this.api = null;
    this.children = new Set();
    this.mail = null;
    this.databaseName = null;
    this.dataDir = null;
    this.done = false;
  }

  async run() {
    if (this.done) return;
    this.done = true;
    for (const child of this.children) child.kill('SIGKILL');
    await this.api?.stop().catch((error) => log(`stopping the API failed: ${error.message}`));
    await this.mail?.stop().catch(() => undefined);
    closeAgent();
    if (this.databaseName) await dropDatabase(this.databaseName).catch((error) => log(`dropping ${this.databaseName} failed: ${error.message}`));
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** The usage lines of this file's header comment. */
function usage() {
  const source = readFileSync(__filename, 'utf8');
  const header = source.slice(source.indexOf('/**'), source.indexOf('*/'));
  return header.split('\n').slice(1).map((line) => line.replace(/^ \* ?/, '')).join('\n').trimEnd();
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  const cleanup = new Cleanup();
  const stopOnSignal = (signal) => {
    log(`${signal}: cleaning up`);
    cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const runLimitMs = RUN_LIMIT_WITHOUT_WAITING_MS + options.waitQuiet * 1000;
  const watchdog = setTimeout(() => {
    log(`the run exceeded ${Math.round(runLimitMs / 60000)} min: cleaning up`);
    cleanup.run().finally(() => process.exit(1));
  }, runLimitMs);
  watchdog.unref();

  const startedAt = new Date();
  const runId = startedAt.getTime().toString(36);
  const result = { startedAt: startedAt.toISOString(), options, targets: TARGETS, machine: machineFacts(), source: sourceFacts() };
  try {
    result.postgres = await serverFacts();
    result.machine.busyBeforeStart = await machineBusyOver(2000);
    if (result.machine.busyBeforeStart.percentOfAllCores > 15) {
      log(`warning: the machine was ${result.machine.busyBeforeStart.percentOfAllCores}% busy before the run; figures will be lower than on a quiet machine`);
    }
    log(`${result.machine.cores} cores, ${result.machine.cpuModel}, Node ${result.machine.node}, PostgreSQL ${result.postgres.version}`);

    cleanup.dataDir = mkdtempSync(join(os.tmpdir(), 'parallel-bench-'));
    const mail = options.mail === 'smtp' ? new SmtpListener({ stockGreeting: options.smtpGreeting === 'stock' }) : new OutboxReader(cleanup.dataDir);
    cleanup.mail = mail;
    await mail.start();
    result.mail = options.mail === 'smtp' ? { transport: 'SMTP to a local listener in the bench process', greeting: mail.greeting } : { transport: '.eml files in DATA_DIR/outbox (SMTP_URL unset)' };

    cleanup.databaseName = `parallel_bench_${process.pid}`;
    const dbUrl = await createDatabase(cleanup.databaseName, { synchronousCommit: options.synchronousCommit });
    const port = await freePort();
    const profileFile = join(cleanup.dataDir, 'api.cpuprofile');
    const api = new ApiProcess({
      repoRoot: REPO_ROOT,
      logFile: join(cleanup.dataDir, 'api.log'),
      nodeArgs: options.profile ? ['-r', join(__dirname, 'messages/profile-preload.js')] : [],
      ipc: options.profile,
      env: {
        DATABASE_URL: dbUrl,
        PORT: String(port),
        DATA_DIR: cleanup.dataDir,
        RELEASE_TICK_MS: '1000',
        // The cohort's families register from their own (forwarded) addresses.
        TRUST_PROXY: 'loopback',
        ...(mail.url ? { SMTP_URL: mail.url } : {}),
        ...(options.profile ? { BENCH_PROFILE_FILE: profileFile } : {}),
      },
    });
    cleanup.api = api;
    log(`starting the API on port ${port} (database ${cleanup.databaseName}, mail ${options.mail === 'smtp' ? `SMTP ${mail.url}` : 'as .eml files in DATA_DIR/outbox'})...`);
    await api.start();
    const baseUrl = api.baseUrl;

    // ---- 1. Set-up -------------------------------------------------------------------
    const setupStarted = performance.now();
    const parents = await createCohort({ baseUrl, mail, label: 'bench', caseCount: options.cases, dailyQuota: DAILY_QUOTA, runId, log });
    const warmupParents = await createCohort({ baseUrl, mail, label: 'warmup', caseCount: options.cases, dailyQuota: WARMUP_DAILY_QUOTA, runId, log });
    // Both cohorts' inbox terms bind after their notice: the API's clock goes a day and an hour ahead.
    await expectStatus(200, baseUrl, 'POST', '/api/bench/clock', { body: { aheadMs: 25 * 60 * 60 * 1000 } });
    result.setup = { cases: options.cases, parents: parents.length, dailyQuota: DAILY_QUOTA, warmupCohortParents: warmupParents.length, warmupCohortDailyQuota: WARMUP_DAILY_QUOTA, seconds: round((performance.now() - setupStarted) / 1000, 1) };
    log(`set-up done in ${result.setup.seconds} s`);

    const targetsOf = (cohort) => cohort.map((parent) => ({ caseId: parent.caseId, token: parent.token }));
    const sendPath = '/api/cases/{caseId}/messages';
    const barePath = '/api/bench/cases/{caseId}/bare-messages';
    const floorPath = '/floor/cases/{caseId}/messages';
    log('starting the floor server (node:http + pg, one prepared INSERT per request)...');
    const floor = await startFloorServer({ databaseUrl: dbUrl, port: await freePort(), poolSize: 10 });
    cleanup.children.add(floor.child);
    const children = cleanup.children;
    const phase = (settings) => {
      api.assertRunning();
      return runLoadPhase({ baseUrl, connections: options.connections, log, children, ...settings });
    };

    // ---- 2. Warm-up (not measured) ---------------------------------------------------
    // The warm-up cohort's first send per parent is a 201 with a notice, the rest are
    // 429s: both paths run before anything is measured, and the measured cohort's
    // quota is untouched. The socket phase then sends 500 more 201s.
    await phase({ name: 'warm-up, sends', pathTemplate: sendPath, targets: targetsOf(warmupParents), seconds: options.warmupSeconds, keyPrefix: `warm-${runId}` });
    await phase({ name: 'warm-up, bare insert', pathTemplate: barePath, targets: targetsOf(parents), seconds: Math.max(3, options.warmupSeconds / 2), keyPrefix: `warmbare-${runId}` });
    await phase({ name: 'warm-up, floor', baseUrl: floor.url, pathTemplate: floorPath, targets: targetsOf(parents), seconds: Math.max(3, options.warmupSeconds / 2), keyPrefix: `warmfloor-${runId}` });

    // ---- 3. Release-to-socket --------------------------------------------------------
    if (options.waitQuiet) result.quietBeforeMeasuring = await waitForQuietMachine(options.waitQuiet);
    result.releaseToSocket = await measureReleaseToSocket({ baseUrl, parents, sends: options.socketSends, ratePerSecond: options.socketRate, keyPrefix: `socket-${runId}`, log });

    // ---- 4. Measured load ------------------------------------------------------------
    const countRows = () =>
      withClient(dbUrl, async (client) => {
        const { rows } = await client.query(
          `SELECT (SELECT count(*) FROM messages) AS messages, (SELECT count(*) FROM held_back_attempts) AS held_back_attempts,
                  (SELECT count(*) FROM ledger_entries) AS ledger_entries, (SELECT count(*) FROM idempotent_replies) AS idempotent_replies,
                  (SELECT count(*) FROM bench_bare_messages) AS bench_bare_messages, (SELECT count(*) FROM bench_floor_messages) AS bench_floor_messages`,
        );
        const counts = Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
        const counters = await databaseCounters(client, cleanup.databaseName);
        return { ...counts, walSyncsClusterWide: counters.walSyncs, walBytesClusterWide: counters.walBytes, commitsInBenchDatabase: counters.commits };
      });
    const observe = { apiPid: api.pid, databaseUrl: dbUrl, databaseName: cleanup.databaseName, mail, countRows };

    // With --profile, each measured phase gets its own CPU profile of the API process.
    const profiled = async (key, settings) => {
      if (options.profile) api.tell({ profile: 'start' });
      const summary = await phase({ ...settings, observe });
      if (options.profile) {
        summary.apiProfile = await collectProfile(api, profileFile, key, startedAt);
        for (const owner of summary.apiProfile.byOwner ?? []) owner.msPerRequest = round(owner.ms / summary.responses, 3);
      }
      return summary;
    };

    // Each parent has DAILY_QUOTA accepted sends today; the socket phase used up to
    // `reserved` of them. The rotation gives every parent the same share, so this cap
    // keeps every measured send under the quota: the phases measure real, delivered sends.
    const reserved = Math.ceil(options.socketSends / parents.length);
    const sendBudget = parents.length * (DAILY_QUOTA - reserved);
    const roundBudget = Math.floor(sendBudget / options.rounds);
    result.rounds = [];
    for (let round = 1; round <= options.rounds; round++) {
      const label = `round ${round}/${options.rounds}`;
      // Profiled in the first round only: the profiler slows the API, and the other rounds stay comparable.
      const profiledIfFirst = (key, settings) => (round === 1 ? profiled(key, settings) : phase({ ...settings, observe }));
      // The floor first, observed like the API (its process's CPU in the "API" column).
      const floorPhase = await phase({ name: `${label}, floor (node:http + pg)`, baseUrl: floor.url, pathTemplate: floorPath, targets: targetsOf(parents), seconds: options.seconds, keyPrefix: `floor${round}-${runId}`, observe: { ...observe, apiPid: floor.child.pid } });
      const barePhase = await profiledIfFirst('bare', { name: `${label}, bare insert`, pathTemplate: barePath, targets: targetsOf(parents), seconds: options.seconds, keyPrefix: `bare${round}-${runId}` });
      const sendsPhase = await profiledIfFirst('sends', { name: `${label}, sends (201)`, pathTemplate: sendPath, targets: targetsOf(parents), seconds: options.seconds, amount: roundBudget, keyPrefix: `send${round}-${runId}` });
      sendsPhase.sendBudget = roundBudget;
      result.rounds.push({ round, floor: floorPhase, bare: barePhase, sends: sendsPhase });
    }

    result.overQuota = await profiled('over-quota', { name: 'measured, sends over quota (429)', pathTemplate: sendPath, targets: targetsOf(warmupParents), seconds: options.seconds, keyPrefix: `over-${runId}` });

    // ---- 5. Where the time goes, inside PostgreSQL -------------------------------------
    api.assertRunning();
    result.statements = await withClient(dbUrl, async (client) => ({
      roundTripSelect1Ms: await roundTrip(client),
      explain: await explainSendStatements(client, parents[0]),
    }));

    result.verdict = verdict(result);
    result.finishedAt = new Date().toISOString();
    printSummary(result);
    const file = writeResult(result, startedAt);
    log(`result written to ${file}`);
  } catch (error) {
    // The API's log lives in the data directory, which the clean-up removes.
    if (cleanup.api) log(`last lines of the API log:\n${cleanup.api.logTail()}`);
    throw error;
  } finally {
    clearTimeout(watchdog);
    await cleanup.run();
  }
}

function ratio(a, b) {
  return a && b ? round(a / b, 2) : null;
}

/** The middle value (the mean of the two middle ones for an even count); null when there is none. */
function median(values) {
  const sorted = values.filter((value) => value !== null && value !== undefined).sort((x, y) => x - y);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return round(sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, 2);
}

/** One round's phases as ratios: to its own floor, and the sends to its own bare insert. */
function roundRatios({ floor, bare, sends }) {
  return {
    floorPerSecond: floor.requestsPerSecond,
    bareToFloor: ratio(bare.requestsPerSecond, floor.requestsPerSecond),
    sendsToFloor: ratio(sends.requestsPerSecond, floor.requestsPerSecond),
    sendsToBare: ratio(sends.requestsPerSecond, bare.requestsPerSecond),
    throughputCost: ratio(bare.requestsPerSecond, sends.requestsPerSecond),
    p50Cost: ratio(sends.latencyMs.p50, bare.latencyMs.p50),
    p99Cost: ratio(sends.latencyMs.p99, bare.latencyMs.p99),
    sendsPerSecond: sends.requestsPerSecond,
    sendP99Ms: sends.latencyMs.p99,
  };
}

/** The targets, judged on the median over the rounds of each round's own ratio. */
function verdict(result) {
  const { releaseToSocket } = result;
  const perRound = result.rounds.map(roundRatios);
  const mid = (key) => median(perRound.map((ratios) => ratios[key]));
  const bareToFloor = mid('bareToFloor');
  const sendsToBare = mid('sendsToBare');
  const sendsPerSecond = mid('sendsPerSecond');
  const sendP99 = mid('sendP99Ms');
  const throughputCost = mid('throughputCost');
  const p50Cost = mid('p50Cost');
  const socketP99 = releaseToSocket.latencyMs.fromSendStart.p99;
  const floorPerSecond = mid('floorPerSecond');
  return {
    perRound,
    // Medians over the rounds; over quota ran once, against the median floor.
    ofFloor: { bare: bareToFloor, sends: mid('sendsToFloor'), overQuota: ratio(result.overQuota.requestsPerSecond, floorPerSecond), floorPerSecond },
    bareToFloor: { value: bareToFloor, target: `>= ${TARGETS.bareToFloor}`, met: bareToFloor !== null && bareToFloor >= TARGETS.bareToFloor },
    sendsToBare: { value: sendsToBare, target: `>= ${TARGETS.sendsToBare}`, met: sendsToBare !== null && sendsToBare >= TARGETS.sendsToBare },
    sendsPerSecond: { value: sendsPerSecond, target: `>= ${TARGETS.sendsPerSecond}`, met: sendsPerSecond >= TARGETS.sendsPerSecond },
    sendP99Ms: { value: sendP99, target: `< ${TARGETS.p99Ms}`, met: sendP99 !== null && sendP99 < TARGETS.p99Ms },
    // Closed loop at a fixed concurrency: throughput and mean latency are two views of
    // the same per-request cost; both must stay within 2x of the bare insert.
    ledgerCost: {
      throughputRatio: throughputCost,
      p50Ratio: p50Cost,
      p99Ratio: mid('p99Cost'),
      target: `<= ${TARGETS.ledgerCostRatio}x`,
      met: throughputCost !== null && p50Cost !== null && throughputCost <= TARGETS.ledgerCostRatio && p50Cost <= TARGETS.ledgerCostRatio,
    },
    releaseToSocketP99Ms: {
      value: socketP99,
      fromResponseP99: releaseToSocket.latencyMs.fromResponse.p99,
      target: `< ${TARGETS.releaseToSocketP99Ms}`,
      met: socketP99 !== null && socketP99 < TARGETS.releaseToSocketP99Ms && releaseToSocket.eventsMissing === 0,
    },
  };
}

function printSummary(result) {
  const rows = [
    ['phase', 'req/s', 'p50 ms', 'p97.5 ms', 'p99 ms', 'max ms', 'statuses', 'API CPU', 'PG CPU', 'loadgen CPU', 'machine busy', 'API ms/req', 'PG ms/req'],
  ];
  for (const phase of [...result.rounds.flatMap((round) => [round.floor, round.bare, round.sends]), result.overQuota]) {
    const cpu = phase.cpuPercentOfOneCore ?? {};
    rows.push([
      phase.name,
      String(phase.requestsPerSecond),
      String(phase.latencyMs.p50),
      String(phase.latencyMs.p97_5),
      String(phase.latencyMs.p99),
      String(phase.latencyMs.max),
      Object.entries(phase.statusCounts).map(([s, n]) => `${s}:${n}`).join(' ') + (phase.errors ? ` err:${phase.errors}` : ''),
      `${cpu.api}%`,
      `${cpu.postgres}%`,
      `${cpu.loadgen}%`,
      `${cpu.machineBusyPercentOfAllCores}%`,
      String(phase.cpuMsPerRequest?.api),
      String(phase.cpuMsPerRequest?.postgres),
    ]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  const out = [];
  out.push('');
  out.push(`Message channel, ${result.options.connections} connections, ${result.setup.cases} cases / ${result.setup.parents} parents (CPU in % of one core; machine busy in % of all ${result.machine.cores} cores)`);
  out.push(line(rows[0]));
  for (const row of rows.slice(1)) out.push(line(row));
  for (const { round, sends } of result.rounds) {
    const notices = sends.notices;
    if (!notices) continue;
    out.push(
      `round ${round}: notices for the measured 201s: ${notices.receivedByEndOfLoad} of ${notices.expected} received by the end of the load, ` +
        `${notices.drainedWithinMsAfterLoad === null ? `only ${notices.receivedInTheEnd} within 60 s` : `all within ${notices.drainedWithinMsAfterLoad} ms after it`}; ` +
        `API CPU per send including the notices sent after the load: ${notices.apiCpuMsPerSendIncludingDrain} ms`,
    );
  }
  const socket = result.releaseToSocket.latencyMs;
  out.push('');
  out.push(
    `release-to-socket (${result.releaseToSocket.sends} sends at ${result.releaseToSocket.ratePerSecond}/s): ` +
      `from send start p50 ${socket.fromSendStart.p50} / p99 ${socket.fromSendStart.p99} ms; ` +
      `from the 201 p50 ${socket.fromResponse.p50} / p99 ${socket.fromResponse.p99} ms; ` +
      `event before the 201 in ${result.releaseToSocket.eventBeforeHttpResponsePercent}%; missing ${result.releaseToSocket.eventsMissing}`,
  );
  const explained = result.statements.explain.filter((row) => !row.error);
  const sum = (key) => round(explained.reduce((total, row) => total + row[key], 0), 2);
  out.push(
    `inside PostgreSQL (EXPLAIN ANALYZE of one send's ${explained.length} statements${explained.length < result.statements.explain.length ? `, ${result.statements.explain.length - explained.length} failed` : ''}): ` +
      `planning ${sum('planningMs')} ms + execution ${sum('executionMs')} ms; a SELECT 1 round trip from Node: p50 ${result.statements.roundTripSelect1Ms.p50} ms`,
  );
  out.push('');
  const v = result.verdict;
  const mark = (met) => (met ? 'MET   ' : 'MISSED');
  for (const [index, ratios] of v.perRound.entries()) {
    out.push(`round ${index + 1}: floor ${ratios.floorPerSecond} req/s; bare insert ${ratios.bareToFloor} of it; sends ${ratios.sendsToBare} of the bare insert, p99 ${ratios.sendP99Ms} ms`);
  }
  out.push(`medians over the rounds, as a share of each round's floor (median ${v.ofFloor.floorPerSecond} req/s): bare insert ${v.ofFloor.bare}, sends ${v.ofFloor.sends}; over quota (once) ${v.ofFloor.overQuota} of the median floor`);
  out.push(`${mark(v.bareToFloor.met)} bare insert / floor ${v.bareToFloor.value} (target ${v.bareToFloor.target})`);
  out.push(`${mark(v.sendsToBare.met)} sends / bare insert ${v.sendsToBare.value} (target ${v.sendsToBare.target})`);
  out.push(`${mark(v.sendsPerSecond.met)} sends/s ${v.sendsPerSecond.value} (target ${v.sendsPerSecond.target})`);
  out.push(`${mark(v.sendP99Ms.met)} send p99 ${v.sendP99Ms.value} ms (target ${v.sendP99Ms.target} ms)`);
  out.push(`${mark(v.ledgerCost.met)} ledger cost vs bare insert: throughput ${v.ledgerCost.throughputRatio}x, p50 ${v.ledgerCost.p50Ratio}x, p99 ${v.ledgerCost.p99Ratio}x (target ${v.ledgerCost.target})`);
  out.push(`${mark(v.releaseToSocketP99Ms.met)} release-to-socket p99 ${v.releaseToSocketP99Ms.value} ms from send start (target ${v.releaseToSocketP99Ms.target} ms)`);
  const profiles = [result.rounds[0].bare, result.rounds[0].sends, result.overQuota].filter((phase) => phase.apiProfile?.byOwner);
  if (profiles.length) {
    out.push('');
    out.push('API process, ms per request by owner (from the CPU profile; V8 builtins and Node core charged to their caller):');
    const owners = [...new Set(profiles.flatMap((phase) => phase.apiProfile.byOwner.slice(0, 12).map((o) => o.name)))];
    out.push(`  ${'owner'.padEnd(28)}${profiles.map((phase) => phase.name.replace('measured, ', '').padStart(22)).join('')}`);
    for (const owner of owners) {
      const cells = profiles.map((phase) => String(phase.apiProfile.byOwner.find((o) => o.name === owner)?.msPerRequest ?? '-').padStart(22));
      out.push(`  ${owner.padEnd(28)}${cells.join('')}`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function writeResult(result, startedAt) {
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `messages-${startedAt.toISOString().slice(0, 19).replace(/:/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

main().catch((error) => {
  log(`failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
