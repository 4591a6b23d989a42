import { verifyLedgerChain } from '@parallel/domain';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lockDataDir } from '../src/database/data-dir-lock';
import { MessageReleaseService } from '../src/messages/message-release.service';
import { createCase, registerParent, sendMessage, STRONG_PASSWORD } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** `npm start` runs on embedded PGlite; these tests always use it, whatever TEST_DATABASE_URL says. */
describe('the embedded database (PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parallel-embedded-'));
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database: 'embedded', dataDir, env: { SMTP_URL: '' } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports itself as embedded', async () => {
    expect((await t.http().get('/api/health').expect(200)).body.database).toBe('embedded');
  });

  it('serves many concurrent writes to the same cases without an error or a lost entry', async () => {
    const parents = await Promise.all(Array.from({ length: 6 }, (_, i) => registerParent(t, `Concurrent${i}`)));
    const cases = await Promise.all(parents.map((parent) => createCase(t, parent)));
    // The pool's own tests (src/database) prove the queueing; this checks it end to end through HTTP.
    const rounds = 8;
    const responses = await Promise.all(
      cases.flatMap((created, i) =>
        Array.from({ length: rounds }, (_, round) =>
          t.http().post(`/api/cases/${created.id}/invitations`).set(parents[i]!.bearer).send({ email: `invitee.${i}.${round}@example.org` }),
        ),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
    for (const [i, created] of cases.entries()) {
      const ledger = await t.http().get(`/api/cases/${created.id}/ledger`).set(parents[i]!.bearer).expect(200);
      expect(ledger.body.items).toHaveLength(1 + rounds);
      expect(verifyLedgerChain(ledger.body.items, { caseId: created.id }).valid).toBe(true);
    }
  });

  it('writes mail as .eml files under DATA_DIR/outbox when no SMTP_URL is set', async () => {
    const parent = await registerParent(t, 'Outbox');
    const created = await createCase(t, parent);
    await t.http().post(`/api/cases/${created.id}/invitations`).set(parent.bearer).send({ email: 'outbox.invitee@example.org' }).expect(201);
    const files = readdirSync(join(dataDir, 'outbox')).filter((file) => file.endsWith('.eml'));
    const mails = files.map((file) => readFileSync(join(dataDir, 'outbox', file), 'utf8'));
    const mail = mails.find((text) => text.includes('To: outbox.invitee@example.org'));
    expect(mail).toBeDefined();
    expect(mail).toMatch(/Subject: Outbox invited you to a Parallel case/);
    expect(mail).toMatch(/http:\/\/parallel\.test\/invite\/[A-Za-z0-9_-]+/);
  });

  it('delivers a message and writes its notice to the outbox on the next tick', async () => {
    const first = await registerParent(t, 'Alex');
    const second = await registerParent(t, 'Sam');
    const caseId = (await createCase(t, first)).id;
    await t.http().post(`/api/cases/${caseId}/invitations`).set(first.bearer).send({ email: second.user.email }).expect(201);
    const invitation = readdirSync(join(dataDir, 'outbox'))
      .map((file) => readFileSync(join(dataDir, 'outbox', file), 'utf8'))
      .find((text) => text.includes(`To: ${second.user.email}`));
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(invitation!.replace(/=\r?\n/g, ''))![1]!;
    await t.http().post(`/api/invitations/${token}/accept`).set(second.bearer).expect(200);
    await sendMessage(t, caseId, first, { topic: 'schedule', text: 'Pick-up 17:00 at school.' }).expect(201);
    expect(await t.app.get(MessageReleaseService).tick()).toEqual({ released: 0, readsRecorded: 0, noticed: 1 });
    const notices = readdirSync(join(dataDir, 'outbox'))
      .map((file) => readFileSync(join(dataDir, 'outbox', file), 'utf8'))
      .filter((text) => text.includes(`To: ${second.user.email}`) && text.includes('waiting'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).not.toContain('Pick-up');
  });

  it('refuses a second process on the same data directory while the first runs', async () => {
    const child = spawn(process.execPath, ['-e', 'process.stdout.write("ready"); setInterval(() => {}, 1000)']);
    await new Promise((resolve) => child.stdout.once('data', resolve));
    const lockPath = join(dataDir, 'parallel.lock');
    // The running app holds the lock; pretend the child owns it to prove a live owner is respected.
    const ownLock = readFileSync(lockPath, 'utf8');
    expect(ownLock).toBe(String(process.pid));
    writeFileSync(lockPath, String(child.pid));
    try {
      expect(() => lockDataDir(dataDir)).toThrow(/in use by another Parallel process \(pid \d+\)/);
    } finally {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    }
    // Its owner is gone: the stale lock is taken over.
    const release = lockDataDir(dataDir);
    expect(readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    release();
    writeFileSync(lockPath, ownLock);
  });

  it('stops a second API process (`npm start`) on the same data directory at once, with one line and a non-zero exit', async () => {
    const main = builtApiEntry();
    const started = Date.now();
    const child = spawn(process.execPath, [main], {
      env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: dataDir, RELEASE_TICK_MS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolveExit) => child.once('exit', (exitCode) => resolveExit(exitCode)));
    clearTimeout(timer);
    // The app of this test file (this process) holds the directory.
    expect({ code, stdout, stderr }).toEqual({
      code: 3,
      stdout: '',
      stderr:
        `Parallel cannot start: The data directory ${dataDir} is in use by another Parallel process (pid ${process.pid}). ` +
        'Stop that process, or set DATA_DIR to another directory, or set DATABASE_URL to use PostgreSQL.\n',
    });
    // At once: no database opened, no retries (it used to take 25 s of them).
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(readFileSync(join(dataDir, 'parallel.lock'), 'utf8')).toBe(String(process.pid));
    await t.http().get('/api/health').expect(200);
  });

  it('keeps everything across a restart', async () => {
    const parent = await registerParent(t, 'Persistent');
    await t.close();
    t = await startTestApp({ database: 'embedded', dataDir, env: { SMTP_URL: '' } });
    const login = await t.http().post('/api/auth/login').send({ email: parent.user.email, password: STRONG_PASSWORD });
    expect(login.status).toBe(200);
  });
});

/** `apps/api/dist/main.js`, which `npm start` runs; built here when missing or older than the start-up code it tests. */
function builtApiEntry(): string {
  const apiRoot = resolve(__dirname, '..');
  const main = join(apiRoot, 'dist/main.js');
  const sources = ['src/main.ts', 'src/database/data-dir-lock.ts', 'src/config/app-config.ts'].map((file) => join(apiRoot, file));
  const stale = !existsSync(main) || sources.some((source) => statSync(source).mtimeMs > statSync(main).mtimeMs);
  if (stale) execFileSync('npm', ['run', 'build', '-w', '@parallel/api'], { cwd: resolve(apiRoot, '../..'), stdio: 'ignore' });
  return main;
}
