'use strict';

const { execFile } = require('node:child_process');
const { readFileSync, readdirSync } = require('node:fs');
const { Client } = require('pg');
const { round } = require('./stats');

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux (getconf CLK_TCK)

function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function postgresPids() {
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() === 'postgres') pids.push(Number(name));
    } catch {
      // The process ended while listing.
    }
  }
  return pids;
}

function machineTicks() {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  const total = cpu.reduce((sum, v) => sum + v, 0);
  return { busy: total - idle, total };
}

/**
 * CPU used by each process of the benchmark between two snapshots, read from /proc:
 * in % of one core (200% = both cores of this machine). "other" is whatever else ran
 * on the machine meanwhile.
 */
class CpuSampler {
  constructor(pids) {
    this.pids = pids; // { api, loadgen, bench }
  }

  snapshot() {
    const postgres = {};
    for (const pid of postgresPids()) postgres[pid] = processTicks(pid);
    const roles = {};
    for (const [role, pid] of Object.entries(this.pids)) roles[role] = pid ? processTicks(pid) : null;
    return { at: performance.now(), machine: machineTicks(), roles, postgres };
  }

  static usage(before, after) {
    const seconds = (after.at - before.at) / 1000;
    const percent = (ticks) => round((ticks / CLOCK_TICKS_PER_SECOND / seconds) * 100, 1);
    const usage = {};
    let accounted = 0;
    for (const role of Object.keys(after.roles)) {
      const delta = after.roles[role] !== null && before.roles[role] !== null ? after.roles[role] - before.roles[role] : null;
      usage[role] = delta === null ? null : percent(delta);
      accounted += delta ?? 0;
    }
    let postgresTicks = 0;
    for (const [pid, ticks] of Object.entries(after.postgres)) postgresTicks += ticks - (before.postgres[pid] ?? 0);
    usage.postgres = percent(postgresTicks);
    accounted += postgresTicks;
    const machineBusy = after.machine.busy - before.machine.busy;
    const machineTotal = after.machine.total - before.machine.total;
    usage.machineBusyPercentOfAllCores = round((machineBusy / machineTotal) * 100, 1);
    usage.other = percent(Math.max(0, machineBusy - accounted));
    return usage;
  }
}

/** `top -b -n1` during load: the picture anyone can reproduce by hand. */
function topSnapshot() {
  return new Promise((resolve) => {
    execFile('top', ['-b', '-n', '1', '-w', '160'], { timeout: 5000 }, (error, stdout) => {
      resolve(error ? `top failed: ${error.message}` : stdout.split('\n').slice(0, 18).join('\n'));
    });
  });
}

/**
 * Samples what the API's database connections are doing, every `intervalMs`:
 * running a statement, waiting for a lock, waiting for a WAL flush, or idle inside a
 * transaction (waiting for the API to send its next statement), or idle in the pool.
 */
class PgActivitySampler {
  constructor(databaseUrl, databaseName, intervalMs = 50) {
    this.databaseUrl = databaseUrl;
    this.databaseName = databaseName;
    this.intervalMs = intervalMs;
    this.client = null;
    this.timer = null;
    this.busy = false;
    this.samples = 0;
    this.tally = {};
    this.lockWaitQueries = {};
  }

  async start() {
    this.client = new Client({ connectionString: this.databaseUrl, application_name: 'parallel-bench-sampler' });
    await this.client.connect();
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
  }

  async sample() {
    if (this.busy) return;
    this.busy = true;
    try {
      const { rows } = await this.client.query(
        `SELECT state, wait_event_type, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS query
           FROM pg_stat_activity WHERE datname = $1 AND application_name = 'parallel-api'`,
        [this.databaseName],
      );
      this.samples += 1;
      for (const row of rows) {
        let category;
        if (row.state === 'active') {
          category = row.wait_event_type ? `active, waiting on ${row.wait_event_type}:${row.wait_event}` : 'active, running';
          if (row.wait_event_type === 'Lock') this.lockWaitQueries[row.query] = (this.lockWaitQueries[row.query] ?? 0) + 1;
        } else {
          category = row.state ?? 'unknown';
        }
        this.tally[category] = (this.tally[category] ?? 0) + 1;
      }
    } catch {
      // A failed sample is skipped; the count of samples says how many were taken.
    } finally {
      this.busy = false;
    }
  }

  async stop() {
    clearInterval(this.timer);
    while (this.busy) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.client?.end().catch(() => undefined);
    const meanConnections = {};
    for (const [category, count] of Object.entries(this.tally).sort((a, b) => b[1] - a[1])) meanConnections[category] = round(count / this.samples, 2);
    return { samples: this.samples, intervalMs: this.intervalMs, meanConnections, lockWaitQueries: this.lockWaitQueries };
  }
}

module.exports = { CpuSampler, PgActivitySampler, topSnapshot };
