import { createServer, Server, Socket } from 'node:net';
import { AddressInfo } from 'node:net';
import { CasesService } from '../src/cases/cases.service';
import { MessageReleaseService, NOTICE_LEASE_MS } from '../src/messages/message-release.service';
import { MessagesRepository } from '../src/messages/messages.repository';
import { createCase, createJoinedCase, registerParent, sendMessage, TestParent } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** An SMTP "relay" that accepts connections and never says a word. */
async function startHungRelay(): Promise<{ url: string; connections: () => number; stop: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let count = 0;
  const server: Server = createServer((socket) => {
    count += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => count,
    stop: () => {
      sockets.forEach((socket) => socket.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Two parents in one case, the invitation's token taken from the service instead of a mail (the relay never delivers). */
async function joinedWithoutMail(t: TestApp) {
  const first = await registerParent(t, 'Alex');
  const second = await registerParent(t, 'Sam');
  const created = await createCase(t, first);
  const { token } = await t.app
    .get(CasesService)
    .createInvitation({ userId: first.user.id, sessionId: '', email: first.user.email, displayName: first.user.displayName }, created.id, { email: second.user.email });
  await t.http().post(`/api/invitations/${token}/accept`).set(second.bearer).expect(200);
  return { caseId: created.id, first, second };
}

async function timed<T>(work: () => PromiseLike<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

describe('the notice outbox and a hung mail relay', () => {
  let relay: Awaited<ReturnType<typeof startHungRelay>>;
  let t: TestApp;
  beforeAll(async () => {
    relay = await startHungRelay();
    t = await startTestApp({ env: { SMTP_URL: relay.url } });
  });
  afterAll(async () => {
    await t.close();
    await relay.stop();
  });

  it('holds no lock and no connection while it waits: health, sends and reads stay fast, and the tick gives up within seconds', async () => {
    const { caseId, first, second } = await joinedWithoutMail(t);
    const pending = await sendMessage(t, caseId, first, { topic: 'school', text: 'Waiting for its notice.' }).expect(201);
    const tickStarted = performance.now();
    const ticking = t.app.get(MessageReleaseService).tick();
    // Let the tick claim the notice and start talking to the relay.
    for (let i = 0; i < 50 && relay.connections() === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(relay.connections()).toBeGreaterThan(0);

    for (let round = 0; round < 3; round += 1) {
      const health = await timed(() => t.http().get('/api/health'));
      expect(health.value.status).toBe(200);
      expect(health.ms).toBeLessThan(1_000);
      const send = await timed(() => sendMessage(t, caseId, first, { topic: 'school', text: `While the relay hangs ${round}` }));
      expect(send.value.status).toBe(201);
      expect(send.ms).toBeLessThan(1_000);
    }
    // The message whose notice is being sent can be read meanwhile: its row is not locked.
    const read = await timed(() => t.http().post(`/api/cases/${caseId}/messages/${pending.body.id}/read`).set(second.bearer));
    expect(read.value.status).toBe(200);
    expect(read.ms).toBeLessThan(1_000);

    const result = await ticking;
    expect(performance.now() - tickStarted).toBeLessThan(15_000);
    expect(result.noticed).toBe(0);
    // Nothing was handed over, so nothing is marked, and no claim is left: the next tick tries again.
    const rows: { notified: number; claimed: number }[] = await t.query(
      'SELECT count(*) FILTER (WHERE notified_at IS NOT NULL)::int AS notified, count(*) FILTER (WHERE notice_claimed_at IS NOT NULL)::int AS claimed FROM messages WHERE case_id = $1',
      [caseId],
    );
    expect(rows[0]).toEqual({ notified: 0, claimed: 0 });
  }, 30_000);

  it('does not hold an invitation open longer than the SMTP timeouts, and holds no transaction while it waits', async () => {
    const first = await registerParent(t, 'Alex');
    const created = await createCase(t, first);
    const invitation = timed(() => t.http().post(`/api/cases/${created.id}/invitations`).set(first.bearer).send({ email: 'hung.relay@example.org' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The case is not locked while the mail waits: another change of the same case goes through.
    const other = await timed(() => t.http().put(`/api/cases/${created.id}/inbox-terms`).set(first.bearer).send({ cadence: { mode: 'immediate' }, dailyQuota: 4 }));
    expect(other.value.status).toBe(202);
    expect(other.ms).toBeLessThan(1_000);
    const answered = await invitation;
    expect(answered.value.status).toBe(201);
    expect(answered.value.body.mailDelivered).toBe(false);
    expect(answered.ms).toBeLessThan(15_000);
  }, 30_000);
});

describe('notices across a crash between the hand-off and the mark', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const noticesTo = (parent: TestParent) => t.mail.mailsTo(parent.user.email, /waiting/);

  it('sends the notice again once the claim expires, as the same mail with the same Message-ID (at least once)', async () => {
    t.clock.set('2026-11-02T09:00:00.000Z');
    const { caseId, first, second } = await createJoinedCase(t);
    const ticker = t.app.get(MessageReleaseService);
    await sendMessage(t, caseId, first, { topic: 'school', text: 'One' }).expect(201);
    await sendMessage(t, caseId, first, { topic: 'school', text: 'Two' }).expect(201);

    // The mail is handed over, then the process "dies" before it marks the messages noticed.
    jest.spyOn(t.app.get(MessagesRepository), 'markNotified').mockRejectedValueOnce(new Error('killed between the hand-off and the mark'));
    await expect(ticker.tick()).rejects.toThrow(/killed/);
    await t.mail.waitFor(second.user.email, /2 new messages/);
    expect(noticesTo(second)).toHaveLength(1);

    // While the claim lasts, no other tick (on any process) sends it again.
    expect((await ticker.tick()).noticed).toBe(0);
    // A third message released meanwhile goes in its own mail.
    await sendMessage(t, caseId, first, { topic: 'school', text: 'Three' }).expect(201);
    expect((await ticker.tick()).noticed).toBe(1);
    expect(noticesTo(second)).toHaveLength(2);

    t.clock.set(new Date(t.clock.now().getTime() + NOTICE_LEASE_MS + 1_000));
    expect((await ticker.tick()).noticed).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const mails = noticesTo(second);
    expect(mails).toHaveLength(3);
    expect(mails[2]!.subject).toBe(mails[0]!.subject);
    expect(mails[2]!.messageId).toBe(mails[0]!.messageId);
    expect(mails[1]!.messageId).not.toBe(mails[0]!.messageId);
    expect(mails[0]!.messageId).toMatch(/^<notice\.[0-9a-f]{40}@parallel\.test>$/);
    // Marked now: never again.
    t.clock.set(new Date(t.clock.now().getTime() + NOTICE_LEASE_MS + 1_000));
    expect((await ticker.tick()).noticed).toBe(0);
    expect(noticesTo(second)).toHaveLength(3);
  });
});
