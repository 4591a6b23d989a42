import { MessageReleaseService } from '../src/messages/message-release.service';
import { RealtimeGateway } from '../src/notifications/realtime.gateway';
import { agreeOnTerms, createJoinedCase, createJoinedCaseWithInboxes, sendMessage, STRONG_PASSWORD } from './support/factories';
import { connectSocket, RecordingSocket, refusedHandshake } from './support/socket-client';
import { startTestApp, TestApp } from './support/test-app';

describe('real-time events over socket.io', () => {
  let t: TestApp;
  const sockets: RecordingSocket[] = [];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));
  afterAll(() => t.close());

  it('refuses a handshake without a session, with a forged one, and after logout', async () => {
    expect(await refusedHandshake(t.url, {})).toMatch(/unauthorized/);
    expect(await refusedHandshake(t.url, { token: 'forged' })).toMatch(/unauthorized/);
    const { first } = await createJoinedCase(t);
    await t.http().post('/api/auth/logout').set(first.bearer).expect(204);
    expect(await refusedHandshake(t.url, { token: first.token })).toMatch(/unauthorized/);
  });

  it('accepts the session cookie at the handshake, as the web client sends it', async () => {
    const { first } = await createJoinedCase(t);
    const { io } = await import('socket.io-client');
    const socket = io(t.url, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { Cookie: `parallel_session=${first.token}`, Origin: 'http://parallel.test' },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.close();
  });

  it('pushes a released message to the recipient only, and the first read to the sender', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const recipient = await connectSocket(t.url, second.token);
    const sender = await connectSocket(t.url, first.token);
    sockets.push(recipient, sender);
    const sent = await sendMessage(t, caseId, first, { topic: 'activities', text: 'Swimming moved to Saturday 9:00.' }).expect(201);
    const released = (await recipient.waitFor('message.released')) as { caseId: string; messages: { id: string; topic: string }[] };
    expect(released).toEqual({ caseId, messages: [expect.objectContaining({ id: sent.body.id, topic: 'activities', urgent: false })] });
    expect(JSON.stringify(released)).not.toContain('Swimming');

    await t.http().post(`/api/cases/${caseId}/messages/${sent.body.id}/read`).set(second.bearer).expect(200);
    const read = await sender.waitFor('message.read');
    expect(read).toEqual({ caseId, messageId: sent.body.id, readAt: t.clock.now().toISOString() });
    expect(sender.events.filter((e) => e.name === 'message.released')).toEqual([]);
    expect(recipient.events.filter((e) => e.name === 'message.read')).toEqual([]);
  });

  it("pushes a held message only when the recipient's window opens", async () => {
    const { caseId, first, second } = await createJoinedCaseWithInboxes(t, '2026-11-02T09:00:00.000Z', {
      second: { cadence: { mode: 'windows', windows: [{ weekday: 3, time: '07:30' }, { weekday: 6, time: '07:30' }] }, dailyQuota: 5 },
    });
    const recipient = await connectSocket(t.url, second.token);
    const sender = await connectSocket(t.url, first.token);
    sockets.push(recipient, sender);
    const sent = await sendMessage(t, caseId, first, { topic: 'school', text: 'Bring the permission slip.' }).expect(201);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(recipient.events).toEqual([]);
    expect(sender.events).toEqual([]);
    t.clock.set('2026-11-04T07:30:00.000Z');
    await t.app.get(MessageReleaseService).releaseDue();
    const released = (await recipient.waitFor('message.released')) as { messages: { id: string; deliveredAt: string }[] };
    expect(released.messages).toEqual([expect.objectContaining({ id: sent.body.id, deliveredAt: '2026-11-04T07:30:00.000Z' })]);
    // The sender hears that it was delivered (and when), never the recipient: it is not their message.
    expect(await sender.waitFor('message.delivered')).toEqual({ caseId, messages: [{ id: sent.body.id, deliveredAt: '2026-11-04T07:30:00.000Z' }] });
    expect(recipient.events.filter((e) => e.name === 'message.delivered')).toEqual([]);
  });

  it('does not tell the sender about reads when the case hides read times', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    await agreeOnTerms(t, caseId, second, first, { showReadTimes: false });
    const sender = await connectSocket(t.url, first.token);
    sockets.push(sender);
    const sent = await sendMessage(t, caseId, first, { topic: 'school', text: 'Concert Friday 18:00.' }).expect(201);
    await t.http().post(`/api/cases/${caseId}/messages/${sent.body.id}/read`).set(second.bearer).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sender.events.filter((e) => e.name === 'message.read')).toEqual([]);
  });

  it('tells the other parent of a proposal and the proposer of its answer', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const proposer = await connectSocket(t.url, first.token);
    const other = await connectSocket(t.url, second.token);
    sockets.push(proposer, other);
    const proposed = await t.http().post(`/api/cases/${caseId}/proposals`).set(first.bearer).send({ changes: { urgentPer30Days: 2 } }).expect(201);
    expect(await other.waitFor('terms.changed')).toEqual({ caseId, kind: 'proposal', proposalId: proposed.body.id, status: 'pending' });
    await t.http().post(`/api/cases/${caseId}/proposals/${proposed.body.id}/accept`).set(second.bearer).expect(200);
    expect(await proposer.waitFor('terms.changed')).toEqual({ caseId, kind: 'proposal', proposalId: proposed.body.id, status: 'accepted' });
  });

  describe('a socket lives no longer than its session', () => {
    const disconnected = (recording: RecordingSocket, timeoutMs = 5_000) =>
      new Promise<string>((resolve, reject) => {
        if (!recording.socket.connected) return resolve('already');
        const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs);
        recording.socket.once('disconnect', (reason) => (clearTimeout(timer), resolve(reason)));
      });

    it('ends the socket when its session logs out, and it receives nothing after', async () => {
      const { caseId, first, second } = await createJoinedCase(t);
      const recipient = await connectSocket(t.url, second.token);
      const sender = await connectSocket(t.url, first.token);
      sockets.push(recipient, sender);
      const gone = disconnected(recipient);
      await t.http().post('/api/auth/logout').set(second.bearer).expect(204);
      expect(await gone).toBe('io server disconnect');
      await sendMessage(t, caseId, first, { topic: 'school', text: 'After the logout.' }).expect(201);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(recipient.events).toEqual([]);
      // The other parent's socket, on another session, is untouched.
      expect(sender.socket.connected).toBe(true);
    });

    it("ends only the sockets of the session that logged out, not the same user's other sessions", async () => {
      const { caseId, first, second } = await createJoinedCase(t);
      const signedIn = await t.http().post('/api/auth/login').send({ email: second.user.email, password: STRONG_PASSWORD }).expect(200);
      const phone = await connectSocket(t.url, signedIn.body.token as string);
      const laptop = await connectSocket(t.url, second.token);
      sockets.push(phone, laptop);
      const gone = disconnected(laptop);
      await t.http().post('/api/auth/logout').set(second.bearer).expect(204);
      await gone;
      const sent = await sendMessage(t, caseId, first, { topic: 'school', text: 'Still reaches the phone.' }).expect(201);
      expect(await phone.waitFor('message.released')).toMatchObject({ messages: [expect.objectContaining({ id: sent.body.id })] });
    });

    it('cuts sockets whose session expired or was revoked without a logout, at the next re-check', async () => {
      const { caseId, first, second } = await createJoinedCase(t);
      const recipient = await connectSocket(t.url, second.token);
      const sender = await connectSocket(t.url, first.token);
      sockets.push(recipient, sender);
      expect(await t.app.get(RealtimeGateway).recheckSessions()).toBe(0);
      await t.query('UPDATE sessions SET expires_at = $2 WHERE user_id = $1', [second.user.id, new Date(t.clock.now().getTime() - 1000)]);
      const gone = disconnected(recipient);
      expect(await t.app.get(RealtimeGateway).recheckSessions()).toBe(1);
      await gone;
      await sendMessage(t, caseId, first, { topic: 'school', text: 'After the expiry.' }).expect(201);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(recipient.events).toEqual([]);
      expect(sender.socket.connected).toBe(true);
    });

    it('refuses a handshake from another origin, and a cookie without an origin; a bearer token without one is a non-browser client', async () => {
      const { first } = await createJoinedCase(t);
      expect(await refusedHandshake(t.url, { token: first.token }, { Origin: 'https://evil.example' })).toMatch(/forbidden/);
      expect(await refusedHandshake(t.url, {}, { Origin: 'https://evil.example', Cookie: `parallel_session=${first.token}` })).toMatch(/forbidden/);
      expect(await refusedHandshake(t.url, {}, { Origin: 'http://parallel.test.evil.example', Cookie: `parallel_session=${first.token}` })).toMatch(/forbidden/);
      expect(await refusedHandshake(t.url, {}, { Cookie: `parallel_session=${first.token}` })).toMatch(/unauthorized/);
      const fromApp = await connectSocket(t.url, first.token);
      sockets.push(fromApp);
      expect(fromApp.socket.connected).toBe(true);
    });
  });
});
