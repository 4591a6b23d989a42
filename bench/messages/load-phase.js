'use strict';

const { fork } = require('node:child_process');
const { join } = require('node:path');
const { CpuSampler, PgActivitySampler, topSnapshot } = require('./samplers');
const { round, summarize } = require('./stats');
const { withClient } = require('./database');

const SETTLE_LIMIT_MS = 60_000;
const QUIET_PERCENT = 25;

/**
 * Before a measured phase: the work the previous phase left behind is done (every released
 * message noticed, so the API is not mailing while another server is measured) and the
 * machine has been under 25% busy for a second. Without it, the floor was measured while the
 * API still mailed the socket phase's notices, and the floor moved by a third between runs.
 * Bounded; how long it took, and whether it got there, is in the phase's summary.
 */
async function settle(observe) {
  const started = performance.now();
  const sampler = new CpuSampler({});
  let unnoticed = null;
  let busy = null;
  while (performance.now() - started < SETTLE_LIMIT_MS) {
    unnoticed = await withClient(observe.databaseUrl, async (client) =>
      Number((await client.query('SELECT count(*) AS n FROM messages WHERE released_at IS NOT NULL AND notified_at IS NULL')).rows[0].n),
    );
    const before = sampler.snapshot();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    busy = CpuSampler.usage(before, sampler.snapshot()).machineBusyPercentOfAllCores;
    if (unnoticed === 0 && busy < QUIET_PERCENT) break;
  }
  return { ms: round(performance.now() - started, 0), settled: unnoticed === 0 && busy < QUIET_PERCENT, unnoticedMessages: unnoticed, machineBusyPercent: busy };
}

/**
 * One load phase: the load generator runs in its own process; while it runs, this
 * process samples CPU per process, the API's database connections, and `top`.
 * Warm-ups pass `observe: null` and are not measured.
 */
async function runLoadPhase({ name, baseUrl, pathTemplate, targets, connections, seconds, amount, keyPrefix, observe, log, children }) {
  log(`${name}: ${connections} connections, ${amount ? `up to ${amount} requests or ` : ''}${seconds} s, over ${targets.length} parents...`);
  const worker = fork(join(__dirname, 'load-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(worker);
  const exited = new Promise((resolve) => worker.once('exit', resolve));

  let cpu = null;
  let cpuBefore = null;
  let pgActivity = null;
  let topText = null;
  let topTimer = null;
  let mailBefore = 0;
  let rowsBefore = null;
  const settled = observe ? await settle(observe) : null;
  if (settled) log(`${name}: settled in ${settled.ms} ms (${settled.unnoticedMessages} messages not noticed yet, machine ${settled.machineBusyPercent}% busy)`);
  if (observe) {
    cpu = new CpuSampler({ api: observe.apiPid, loadgen: worker.pid, bench: process.pid });
    mailBefore = await observe.mail.count();
    rowsBefore = await observe.countRows();
    pgActivity = new PgActivitySampler(observe.databaseUrl, observe.databaseName);
  }

  worker.send({ baseUrl, pathTemplate, targets, connections, seconds, amount, keyPrefix });
  const result = await new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      worker.kill('SIGKILL');
      reject(new Error(`${name}: the load generator did not report within ${seconds + 60} s`));
    }, (seconds + 60) * 1000);
    worker.on('message', (message) => {
      if (message.type === 'started') {
        if (!observe) return;
        cpuBefore = cpu.snapshot();
        void pgActivity.start();
        topTimer = setTimeout(() => void topSnapshot().then((text) => (topText = text)), (seconds * 1000) / 2);
      } else if (message.type === 'result') {
        clearTimeout(deadline);
        resolve(message);
      } else if (message.type === 'error') {
        clearTimeout(deadline);
        reject(new Error(`${name}: load generator failed: ${message.message}`));
      }
    });
    exited.then((code) => {
      clearTimeout(deadline);
      reject(new Error(`${name}: load generator exited (${code}) without a result`));
    });
  });
  const cpuAfter = observe ? cpu.snapshot() : null;
  clearTimeout(topTimer);
  await exited;
  children.delete(worker);

  const total = result.latencies.length;
  const statusCounts = {};
  const latencyByStatus = {};
  for (const [status, values] of Object.entries(result.latenciesByStatus)) {
    statusCounts[status] = values.length;
    latencyByStatus[status] = summarize(values);
  }
  const summary = {
    name,
    connections,
    requestedSeconds: seconds,
    requestCap: amount ?? null,
    elapsedSeconds: round(result.elapsedMs / 1000, 2),
    responses: total,
    requestsPerSecond: round(total / (result.elapsedMs / 1000), 0),
    latencyMs: summarize(result.latencies),
    statusCounts,
    latencyMsByStatus: latencyByStatus,
    errors: result.autocannon.errors,
    timeouts: result.autocannon.timeouts,
    responsesPerSecondTimeline: result.timeline.map((bucket) => bucket ?? {}),
    autocannon: result.autocannon,
    settledBefore: settled,
  };
  if (observe) {
    const mailsAtEndOfLoad = (await observe.mail.count()) - mailBefore;
    // Requests still in flight when the generator stops finish a moment later; wait for them before counting rows.
    await new Promise((resolve) => setTimeout(resolve, 500));
    summary.cpuPercentOfOneCore = CpuSampler.usage(cpuBefore, cpuAfter);
    // CPU time each request cost, in ms: the figure that does not depend on the concurrency.
    const perRequest = (percent) => (percent === null ? null : round((percent * 10) / summary.requestsPerSecond, 2));
    summary.cpuMsPerRequest = { api: perRequest(summary.cpuPercentOfOneCore.api), postgres: perRequest(summary.cpuPercentOfOneCore.postgres) };
    summary.apiDatabaseConnections = await pgActivity.stop();
    summary.top = topText;
    const rowsAfter = await observe.countRows();
    summary.rowsWritten = Object.fromEntries(Object.entries(rowsAfter).map(([table, count]) => [table, count - rowsBefore[table]]));
    if (summary.rowsWritten.messages > 0) summary.notices = await awaitNotices({ observe, mailBefore, mailsAtEndOfLoad, expected: summary.rowsWritten.messages, cpu, cpuBefore, cpuAfter });
    summary.mailsReceived = (await observe.mail.count()) - mailBefore;
  }
  log(
    `${name}: ${summary.requestsPerSecond} req/s, p50 ${summary.latencyMs.p50} ms, p99 ${summary.latencyMs.p99} ms, ` +
      `statuses ${JSON.stringify(statusCounts)}${summary.errors ? `, ${summary.errors} errors` : ''}`,
  );
  return summary;
}

/**
 * Notices are sent after the answer, so some may still be queued in the API when the
 * load stops: wait until notices covering every released message have arrived (at most 60 s),
 * and charge the API CPU spent meanwhile to the sends, so deferring work does not
 * make a send look cheaper than it is.
 */
async function awaitNotices({ observe, mailBefore, mailsAtEndOfLoad, expected, cpu, cpuBefore, cpuAfter }) {
  const started = performance.now();
  let received = (await observe.mail.count()) - mailBefore;
  while (received < expected && performance.now() - started < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    received = (await observe.mail.count()) - mailBefore;
  }
  const drained = cpu.snapshot();
  // /proc times are in 1/100 s: ticks x 10 = ms.
  const apiMs = (from, to) => (from.roles.api === null || to.roles.api === null ? null : (to.roles.api - from.roles.api) * 10);
  const duringLoad = apiMs(cpuBefore, cpuAfter);
  const afterLoad = apiMs(cpuAfter, drained);
  return {
    expected,
    receivedByEndOfLoad: mailsAtEndOfLoad,
    pendingAtEndOfLoad: Math.max(0, expected - mailsAtEndOfLoad),
    receivedInTheEnd: received,
    drainedWithinMsAfterLoad: received >= expected ? round(drained.at - cpuAfter.at, 0) : null,
    apiCpuMsAfterLoad: afterLoad,
    // Per message written: that counts the sends still in flight when the load stopped, whose work is in the drain too.
    apiCpuMsPerSendIncludingDrain: duringLoad === null || afterLoad === null ? null : round((duringLoad + afterLoad) / expected, 2),
  };
}

module.exports = { runLoadPhase };
