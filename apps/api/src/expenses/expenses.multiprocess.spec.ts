import { ExifTool } from 'exiftool-vendored';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '../../test/support/api-process';
import { STRONG_PASSWORD } from '../../test/support/factories';
import { SmtpCatcher } from '../../test/support/smtp-catcher';
import { connectSocket, RecordingSocket } from '../../test/support/socket-client';
import { createTestDatabase, TEST_DATABASE_URL } from '../../test/support/test-database';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL?.trim() || null;
const describeWithServices = TEST_DATABASE_URL && TEST_REDIS_URL ? describe : describe.skip;
const FIXTURE = join(__dirname, '../../test/fixtures/receipts/receipt-photo.jpg');

interface Parent {
  token: string;
  user: { id: string; email: string };
}

describeWithServices('expenses across two API processes on one PostgreSQL and Redis (needs TEST_DATABASE_URL and TEST_REDIS_URL)', () => {
  const mail = new SmtpCatcher();
  let database: { url: string; drop: () => Promise<void> };
  let a: ApiProcess;
  let b: ApiProcess;
  let socket: RecordingSocket | null = null;
  let scratch: string;
  const exiftool = new ExifTool({ maxProcs: 1 });

  beforeAll(async () => {
    await mail.start();
    database = await createTestDatabase();
    scratch = mkdtempSync(join(tmpdir(), 'expenses-multi-'));
    const env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL!, REDIS_PREFIX: `parallel-expenses-${process.pid}-${Date.now()}:`, SMTP_URL: mail.url, RELEASE_TICK_MS: '0' };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  });
  afterAll(async () => {
    socket?.close();
    await exiftool.end();
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    await mail.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  async function json<T = any>(api: ApiProcess, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  }

  let counter = 0;
  async function register(api: ApiProcess, name: string): Promise<Parent> {
    counter += 1;
    const response = await json<Parent>(api, 'POST', '/api/auth/register', undefined, { email: `${name}.${counter}.${Date.now()}@example.org`, password: STRONG_PASSWORD, displayName: name });
    expect(response.status).toBe(201);
    return response.body;
  }

  it('stores a receipt through one process and serves it, stripped and hashed, through the other; the other parent hears of it there', async () => {
    const first = await register(a, 'Alex');
    const second = await register(b, 'Sam');
    const created = await json<{ id: string }>(a, 'POST', '/api/cases', first.token, { name: 'Two processes', timeZone: 'Europe/London', children: ['Mia'] });
    const caseId = created.body.id;
    expect((await json(a, 'POST', `/api/cases/${caseId}/invitations`, first.token, { email: second.user.email })).status).toBe(201);
    const invitation = await mail.waitFor(second.user.email, /invited you/);
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(invitation.text ?? '')![1]!;
    expect((await json(b, 'POST', `/api/invitations/${token}/accept`, second.token)).status).toBe(200);

    socket = await connectSocket(b.url, second.token);
    const today = new Date().toISOString().slice(0, 10);
    const expense = await json<{ id: string }>(a, 'POST', `/api/cases/${caseId}/expenses`, first.token, { category: 'medical', description: 'Dentist', incurredOn: today, amountMinor: 6000, currency: 'GBP' });
    expect(expense.status).toBe(201);
    expect(await socket.waitFor('expense.changed', (p: { id: string }) => p.id === expense.body.id)).toMatchObject({ caseId, kind: 'expense', status: 'pending' });

    const form = new FormData();
    form.append('file', new Blob([readFileSync(FIXTURE)], { type: 'image/jpeg' }), 'IMG_0001.jpg');
    const uploaded = await fetch(`${a.url}/api/cases/${caseId}/expenses/${expense.body.id}/receipts`, { method: 'POST', headers: { authorization: `Bearer ${first.token}` }, body: form });
    expect(uploaded.status).toBe(201);
    const receipt = (await uploaded.json()) as { id: string; sha256: string; sizeBytes: number };

    const downloaded = await fetch(`${b.url}/api/cases/${caseId}/expenses/${expense.body.id}/receipts/${receipt.id}`, { headers: { authorization: `Bearer ${second.token}` } });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await downloaded.arrayBuffer());
    expect(bytes.length).toBe(receipt.sizeBytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(receipt.sha256);
    const path = join(scratch, 'downloaded.jpg');
    writeFileSync(path, bytes);
    const tags = await exiftool.read(path);
    expect([tags.GPSLatitude, tags.GPSLongitude, tags.Make, tags.Model, tags.SerialNumber, tags.City]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
