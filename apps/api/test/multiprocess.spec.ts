import { verifyBundle } from '@parallel/domain';
import { unzipSync } from 'fflate';
import { execFileSync, spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess, ApiProcess } from './support/api-process';
import { STRONG_PASSWORD } from './support/factories';
import { startRoundRobinProxy } from './support/round-robin-proxy';
import { SmtpCatcher } from './support/smtp-catcher';
import { connectSocket, RecordingSocket } from './support/socket-client';
import { Client } from 'pg';
import { createTestDatabase, TEST_DATABASE_URL } from './support/test-database';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL?.trim() || null;
const describeWithServices = TEST_DATABASE_URL && TEST_REDIS_URL ? describe : describe.skip;

interface Parent {
  token: string;
  user: { id: string; email: string };
}

describeWithServices('two API processes on one PostgreSQL and Redis (needs TEST_DATABASE_URL and TEST_REDIS_URL)', () => {
  const mail = new SmtpCatcher();
  let database: { url: string; drop: () => Promise<void> };
  let keyDir: string;
  let a: ApiProcess;
  let b: ApiProcess;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    await mail.start();
    database = await createTestDatabase();
    // Replicas sign with one key (SIGNING_KEY_FILE), as a deployment of several would.
    keyDir = mkdtempSync(join(tmpdir(), 'parallel-key-'));
    writeFileSync(join(keyDir, 'signing.pem'), generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    // One Redis prefix for both processes of this run: they share throttles and events, and earlier runs' counters stay apart.
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL!,
      REDIS_PREFIX: `parallel-multiprocess-${process.pid}-${Date.now()}:`,
      SMTP_URL: mail.url,
      RELEASE_TICK_MS: '100',
      SIGNING_KEY_FILE: join(keyDir, 'signing.pem'),
    };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
    await mail.stop();
  });

  async function call<T = any>(api: ApiProcess, method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  }

  let counter = 0;
  async function register(api: ApiProcess, name: string): Promise<Parent> {
    counter += 1;
    const response = await call<Parent>(api, 'POST', '/api/auth/register', undefined, { email: `${name}.${counter}.${Date.now()}@example.org`, password: STRONG_PASSWORD, displayName: name });
    expect(response.status).toBe(201);
    return response.body;
  }

  /** A joined case made through process A, the invitation accepted through process B (or both through one address). */
  async function joinedCase(viaA: ApiProcess = a, viaB: ApiProcess = b) {
    const first = await register(viaA, 'Alex');
    const second = await register(viaB, 'Sam');
    const created = await call<{ id: string }>(viaA, 'POST', '/api/cases', first.token, { name: 'Two processes', timeZone: 'Europe/London', children: ['Mia'] });
    expect((await call(viaA, 'POST', `/api/cases/${created.body.id}/invitations`, first.token, { email: second.user.email })).status).toBe(201);
    const invitation = await mail.waitFor(second.user.email, /invited you/);
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(invitation.text ?? '')![1]!;
    expect((await call(viaB, 'POST', `/api/invitations/${token}/accept`, second.token)).status).toBe(200);
    return { caseId: created.body.id, first, second };
  }

  let sendCount = 0;
  const send = (api: ApiProcess, caseId: string, parent: Parent, text: string) =>
    call<{ id: string; status: string }>(api, 'POST', `/api/cases/${caseId}/messages`, parent.token, { topic: 'schedule', text }, { 'Idempotency-Key': `multi-${Date.now()}-${++sendCount}` });

  it('delivers to a recipient connected to the other process (Redis adapter)', async () => {
    const { caseId, first, second } = await joinedCase();
    const recipient = await connectSocket(b.url, second.token);
    const sender = await connectSocket(a.url, first.token);
    sockets.push(recipient, sender);
    const sent = await send(a, caseId, first, 'Pick-up moved to 17:00 on Friday.');
    expect(sent.status).toBe(201);
    const released = (await recipient.waitFor('message.released')) as { messages: { id: string }[] };
    expect(released.messages.map((m) => m.id)).toEqual([sent.body.id]);

    // And back: the read on process B reaches the sender on process A.
    expect((await call(b, 'POST', `/api/cases/${caseId}/messages/${sent.body.id}/read`, second.token)).status).toBe(200);
    expect(await sender.waitFor('message.read')).toMatchObject({ caseId, messageId: sent.body.id });
  });

  it("sets an export's PDF in its own thread, which reads PostgreSQL itself: the texts are in it, another process makes the same bytes, and its bundle verifies", async () => {
    const { caseId, first, second } = await joinedCase();
    const texts = ['Pick-up moved to 4pm on Friday.', 'שלום, the dentist is at 9:30.', 'مرحبا, the swimming kit is in the bag 🙂'];
    for (const [index, text] of texts.entries()) expect((await send(a, caseId, index === 1 ? second : first, text)).status).toBe(201);
    const made = await call<{ pdfUrl: string; bundleUrl: string }>(a, 'POST', `/api/cases/${caseId}/exports`, first.token, {});
    expect(made.status).toBe(201);
    const download = async (api: ApiProcess, path: string) => {
      const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${first.token}` } });
      expect(response.status).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    };
    const pdf = await download(a, made.body.pdfUrl);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Process B has no kept copy: it sets the PDF again in its own thread, byte for byte the same.
    expect((await download(b, made.body.pdfUrl)).equals(pdf)).toBe(true);
    if (spawnSync('pdftotext', ['-v']).error === undefined) {
      const dir = mkdtempSync(join(tmpdir(), 'parallel-pdf-'));
      try {
        writeFileSync(join(dir, 'record.pdf'), pdf);
        const text = execFileSync('pdftotext', [join(dir, 'record.pdf'), '-'], { encoding: 'utf8' });
        expect(text).toContain('Pick-up moved to 4pm on Friday.');
        expect(text).toContain('Every message in order');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const bundle = unzipSync(new Uint8Array(await download(b, made.body.bundleUrl)));
    expect(Buffer.from(bundle['record.pdf']!).equals(pdf)).toBe(true);
    const verified = await verifyBundle(new Map(Object.entries(bundle)), { verifyEd25519: (message, signature, pem) => verify(null, message, createPublicKey(pem), signature) });
    expect(verified).toMatchObject({ valid: true, caseId });
  });

  it('serves a mixed load behind a round-robin proxy without sticky sessions: no errors, no lost or doubled send, events cross processes', async () => {
    const proxy = await startRoundRobinProxy([a.url, b.url]);
    const front = { url: proxy.url } as ApiProcess;
    try {
      const cases = [];
      for (let index = 0; index < 3; index++) cases.push(await joinedCase(front, front));
      // Every parent listens through the proxy: their sockets land on either process.
      const listeners = new Map<string, RecordingSocket>();
      for (const { first, second } of cases) {
        for (const parent of [first, second]) {
          const socket = await connectSocket(proxy.url, parent.token);
          sockets.push(socket);
          listeners.set(parent.user.id, socket);
        }
      }
      // Each parent sends 7 at once against a daily cap of 5, while both read lists and the record.
      const SENDS = 7;
      const work: Promise<{ kind: string; status: number; body: any; caseId: string; sender?: Parent }>[] = [];
      for (const { caseId, first, second } of cases) {
        for (const sender of [first, second]) {
          for (let n = 0; n < SENDS; n++) {
            work.push(send(front, caseId, sender, `Mixed load ${n} from ${sender.user.id}.`).then((r) => ({ kind: 'send', ...r, caseId, sender })));
            work.push(call(front, 'GET', `/api/cases/${caseId}/messages?limit=20`, sender.token).then((r) => ({ kind: 'list', ...r, caseId })));
          }
          work.push(call(front, 'GET', `/api/cases/${caseId}/ledger?limit=50`, sender.token).then((r) => ({ kind: 'ledger', ...r, caseId })));
        }
      }
      const results = await Promise.all(work);
      expect(results.filter((r) => r.status >= 500)).toEqual([]);
      expect(results.filter((r) => r.kind !== 'send').every((r) => r.status === 200)).toBe(true);
      const sends = results.filter((r) => r.kind === 'send');
      expect(sends.every((r) => r.status === 201 || r.status === 429)).toBe(true);

      for (const { caseId, first, second } of cases) {
        for (const [sender, recipient] of [[first, second], [second, first]] as const) {
          const accepted = sends.filter((r) => r.caseId === caseId && r.sender === sender && r.status === 201).map((r) => r.body.id as string);
          expect(accepted).toHaveLength(5);
          // The recipient hears each accepted message once, whichever process it went through.
          const socket = listeners.get(recipient.user.id)!;
          await socket.waitFor('message.released', () => {
            const heard = socket.events.filter((e) => e.name === 'message.released').flatMap((e) => (e.payload as { messages: { id: string }[] }).messages.map((m) => m.id));
            return accepted.every((id) => heard.includes(id));
          });
          const heard = socket.events.filter((e) => e.name === 'message.released').flatMap((e) => (e.payload as { messages: { id: string }[] }).messages.map((m) => m.id));
          expect(heard.filter((id) => accepted.includes(id)).sort()).toEqual([...accepted].sort());
          // Stored once each; the attempts over the cap are recorded, not lost.
          const inbox = await call<{ items: { id: string }[] }>(front, 'GET', `/api/cases/${caseId}/messages?box=inbox&limit=50`, recipient.token);
          expect(inbox.body.items.map((m) => m.id).sort()).toEqual([...accepted].sort());
        }
        const verified = await call<{ valid: boolean }>(front, 'GET', `/api/cases/${caseId}/ledger/verify`, first.token);
        expect(verified.body).toMatchObject({ valid: true });
      }
      // Both processes served: the proxy alternated.
      const [toA, toB] = proxy.counts();
      expect(Math.min(toA!, toB!)).toBeGreaterThan(20);
    } finally {
      await proxy.close();
    }
  });

  it("ends a session's sockets on the other process when it logs out (Redis adapter)", async () => {
    const { caseId, first, second } = await joinedCase();
    const onB = await connectSocket(b.url, second.token);
    sockets.push(onB);
    const gone = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the socket on process B outlived its session')), 5_000);
      onB.socket.once('disconnect', (reason) => (clearTimeout(timer), resolve(reason)));
    });
    expect((await call(a, 'POST', '/api/auth/logout', second.token)).status).toBe(204);
    expect(await gone).toBe('io server disconnect');
    expect((await send(a, caseId, first, 'After the logout.')).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onB.events).toEqual([]);
  });

  it('releases each held message exactly once while both processes tick', async () => {
    const { caseId, first, second } = await joinedCase();
    // The recipient's inbox takes deliveries at two weekly windows, far from now, and up to 50 messages a day.
    const change = await call<{ effectiveAt: string }>(b, 'PUT', `/api/cases/${caseId}/inbox-terms`, second.token, {
      cadence: { mode: 'windows', windows: [{ weekday: 1, time: '00:00' }, { weekday: 4, time: '00:00' }] },
      dailyQuota: 50,
    });
    expect(change.status).toBe(202);
    // These processes run on the real clock: bring the day's notice forward, behind the record's back (verification notices, below).
    const setup = new Client({ connectionString: database.url });
    await setup.connect();
    try {
      await setup.query('BEGIN');
      await setup.query('ALTER TABLE inbox_terms_changes DISABLE TRIGGER inbox_terms_changes_append_only');
      await setup.query(`UPDATE inbox_terms_changes SET effective_at = requested_at WHERE case_id = $1 AND user_id = $2`, [caseId, second.user.id]);
      await setup.query('ALTER TABLE inbox_terms_changes ENABLE TRIGGER inbox_terms_changes_append_only');
      await setup.query('COMMIT');
    } finally {
      await setup.end();
    }
    const onA = await connectSocket(a.url, second.token);
    const onB = await connectSocket(b.url, second.token);
    sockets.push(onA, onB);

    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const sent = await send(i % 2 ? a : b, caseId, first, `Held note ${i}`);
      expect(sent.body.status).toBe('held');
      ids.push(sent.body.id);
    }
    // Bring the window forward for these messages only; the write-once trigger guards deliver_at, so lift it for this step.
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE messages DISABLE TRIGGER messages_write_once');
      await client.query(`UPDATE messages SET deliver_at = now() - interval '1 second' WHERE id = ANY($1::uuid[])`, [ids]);
      await client.query('ALTER TABLE messages ENABLE TRIGGER messages_write_once');
      await client.query('COMMIT');

      const deadline = Date.now() + 15_000;
      for (;;) {
        const { rows } = await client.query('SELECT count(*)::int AS n FROM messages WHERE id = ANY($1::uuid[]) AND released_at IS NOT NULL', [ids]);
        if (rows[0].n === ids.length) break;
        if (Date.now() > deadline) throw new Error(`only ${rows[0].n} of ${ids.length} released`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const { rows: releases } = await client.query<{ payload: { messageIds: string[] } }>(
        "SELECT payload FROM ledger_entries WHERE case_id = $1 AND type = 'message.released' ORDER BY seq",
        [caseId],
      );
      const releasedIds = releases.flatMap((row) => row.payload.messageIds);
      expect(releasedIds.sort()).toEqual([...ids].sort());
    } finally {
      await client.end();
    }

    // Every socket of the recipient hears of each message once, wherever it is connected.
    for (const socket of [onA, onB]) {
      await socket.waitFor('message.released', (payload: { messages: { id: string }[] }) => payload.messages.some((m) => m.id === ids.at(-1)));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const heard = socket.events.filter((e) => e.name === 'message.released').flatMap((e) => (e.payload as { messages: { id: string }[] }).messages.map((m) => m.id));
      expect(heard.sort()).toEqual([...ids].sort());
    }
    const notices = mail.mailsTo(second.user.email, /waiting/);
    const announced = notices.reduce((sum, notice) => sum + Number(/(\d+) new messages? (is|are) waiting/.exec(notice.subject ?? '')?.[1] ?? 0), 0);
    expect(announced).toBe(ids.length);

    // The chain is whole; the only disagreements verification finds are the ones this test made itself behind
    // the record's back: first the inbox terms' effective time, then deliver_at of the held messages.
    const verified = await call<{ valid: boolean; reason: string }>(a, 'GET', `/api/cases/${caseId}/ledger/verify`, first.token);
    const ledger = await call<{ items: { seq: number; type: string }[] }>(a, 'GET', `/api/cases/${caseId}/ledger?limit=1000`, first.token);
    const changeSeq = ledger.body.items.find((entry) => entry.type === 'inbox_terms.changed')!.seq;
    expect(verified.body).toMatchObject({ valid: false, firstBadSeq: changeSeq, reason: expect.stringMatching(/inbox_terms_changes table .*\(effectiveAt\)/) });
  });
});
