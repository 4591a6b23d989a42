'use strict';

const { spawn } = require('node:child_process');
const { openSync, closeSync, readFileSync, existsSync } = require('node:fs');
const net = require('node:net');
const { join } = require('node:path');
const { requestJson } = require('./http');

/** A free TCP port on this machine, for the API to listen on. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The benchmark's entry: the API's own start-up and build plus the bare-insert baseline (bench/api). */
const BENCH_API_ENTRY = 'bench/dist/bench-api.js';

/**
 * The API as production runs it: the start-up of `node apps/api/dist/main.js` on the
 * API's own build, in its own process with its own event loop, with the baseline endpoint
 * added by bench/api. Its log goes to a file: writes to a pipe are synchronous in Node
 * on Linux, and a slow reader would throttle the API under load.
 */
class ApiProcess {
  constructor({ repoRoot, env, logFile, nodeArgs = [], ipc = false, entry = BENCH_API_ENTRY }) {
    this.repoRoot = repoRoot;
    this.entry = entry;
    this.ipc = ipc;
    this.env = env;
    this.logFile = logFile;
    this.nodeArgs = nodeArgs;
    this.child = null;
    this.exited = null;
    this.stopping = false;
    this.exitStatus = null;
  }

  get pid() {
    return this.child?.pid ?? null;
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.env.PORT}`;
  }

  async start(timeoutMs = 90_000) {
    const main = join(this.repoRoot, this.entry);
    const apiMain = join(this.repoRoot, 'apps/api/dist/main.js');
    for (const file of [apiMain, main]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build && node bench/api/build.js" first (npm run bench:messages does)`);
    }
    const logFd = openSync(this.logFile, 'a');
    this.child = spawn(process.execPath, [...this.nodeArgs, main], {
      cwd: this.repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...this.env },
      stdio: ['ignore', logFd, logFd, ...(this.ipc ? ['ipc'] : [])],
    });
    closeSync(logFd);
    this.child.on('error', (error) => process.stderr.write(`API process: ${error.message}\n`));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.exitStatus = { code, signal };
        if (!this.stopping) process.stderr.write(`the API process exited unexpectedly (code ${code}, signal ${signal})\n`);
        resolve({ code, signal });
      }),
    );
    const deadline = Date.now() + timeoutMs;
    let exitedEarly = null;
    this.exited.then((status) => (exitedEarly = status));
    for (;;) {
      if (exitedEarly) throw new Error(`the API exited during start (${JSON.stringify(exitedEarly)}):\n${this.logTail()}`);
      if (Date.now() > deadline) throw new Error(`the API did not answer /api/health within ${timeoutMs} ms:\n${this.logTail()}`);
      try {
        const health = await requestJson(this.baseUrl, 'GET', '/api/health', { timeoutMs: 2000 });
        if (health.status === 200) return health.body;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** A message over the IPC channel (profiled runs only); resolves with the first answer matching `isAnswer`. */
  request(message, isAnswer, timeoutMs = 10_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.off('message', onMessage);
        reject(new Error(`the API did not answer ${JSON.stringify(message)} within ${timeoutMs} ms`));
      }, timeoutMs);
      const onMessage = (answer) => {
        if (!isAnswer(answer)) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve(answer);
      };
      this.child.on('message', onMessage);
      this.tell(message);
    });
  }

  tell(message) {
    if (!this.child?.connected) throw new Error(`the API process is gone (${JSON.stringify(this.exitStatus)}):\n${this.logTail()}`);
    this.child.send(message);
  }

  /** Throws when the API has died, so a phase does not measure connection errors. */
  assertRunning() {
    if (this.exitStatus) throw new Error(`the API process exited (code ${this.exitStatus.code}, signal ${this.exitStatus.signal}):\n${this.logTail()}`);
  }

  /** SIGTERM (the API closes cleanly), then SIGKILL if it has not exited in time. */
  async stop(graceMs = 10_000) {
    this.stopping = true;
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  logTail(lines = 30) {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }
}

module.exports = { ApiProcess, freePort };
