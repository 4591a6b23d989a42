import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const API_ENTRY = resolve(here, '../../api/dist/main.js');
/** The same start with a clock the tests can move (e2e only; see clock-api.cjs). */
export const MOVABLE_CLOCK_ENTRY = resolve(here, 'clock-api.cjs');
export const WEB_INDEX = resolve(here, '../dist/index.html');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags Chromium needs on a machine with no outside network and no GPU. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function browserTestsCanRun(): boolean {
  return existsSync(CHROMIUM) && existsSync(API_ENTRY) && existsSync(WEB_INDEX);
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The product as `npm start` runs it: built API serving the built web client, embedded database. */
export interface RunningProduct {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
  /** Moves the product's clock forward; only when started with `movableClock`. Answers the product's new now. */
  advanceClock: (milliseconds: number) => Promise<Date>;
}

export interface ProductOptions {
  /**
   * Start through e2e/clock-api.cjs: the same built API and web client, with a clock that
   * `advanceClock` moves (delivery windows open, quota days end) instead of the real one.
   */
  movableClock?: boolean;
}

export async function startProduct(options: ProductOptions = {}): Promise<RunningProduct> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'parallel-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [options.movableClock ? MOVABLE_CLOCK_ENTRY : API_ENTRY], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), DATA_DIR: dataDir, PUBLIC_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the product exited early:\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the product did not answer within 60 s:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return {
    url,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
    advanceClock: async (milliseconds) => {
      if (!options.movableClock) throw new Error('advanceClock needs startProduct({ movableClock: true })');
      const answer = await fetch(`${url}/api/e2e/clock`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ advanceMs: milliseconds }),
      });
      if (!answer.ok) throw new Error(`the clock did not move: ${answer.status} ${await answer.text()}`);
      return new Date(((await answer.json()) as { now: string }).now);
    },
  };
}
