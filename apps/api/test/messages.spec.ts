import { MessageReleaseService } from '../src/messages/message-release.service';
import { agreeOnTerms, createCase, createJoinedCase, createJoinedCaseWithInboxes, newKey, registerParent, sendMessage, setInboxTerms } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const MONDAY_9AM_LONDON = '2026-11-02T09:00:00.000Z';

describe('the message channel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(MONDAY_9AM_LONDON));

  const release = () => t.app.get(MessageReleaseService).releaseDue();
  const inboxOf = async (caseId: string, parent: { bearer: Record<string, string> }) =>
    (await t.http().get(`/api/cases/${caseId}/messages?box=inbox`).set(parent.bearer).expect(200)).body.items as { id: string; text: string }[];

  describe('sending', () => {
    it('delivers at once under the immediate cadence, records it, and mails a notice without the text', async () => {
      const { caseId, first, second } = await createJoinedCase(t);
      const sent = await sendMessage(t, caseId, first, { topic: 'school', text: 'Parents’ evening is Thursday 17:30, room 4. 🏫' });
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({
        topic: 'school',
        text: 'Parents’ evening is Thursday 17:30, room 4. 🏫',
        urgent: false,
        senderId: first.user.id,
        recipientId: second.user.id,
        direction: 'sent',
        sentAt: MONDAY_9AM_LONDON,
        deliverAt: MONDAY_9AM_LONDON,
        deliveredAt: MONDAY_9AM_LONDON,
        readAt: null,
        status: 'delivered',
      });
      const inbox = await inboxOf(caseId, second);
      expect(inbox).toEqual([expect.objectContaining({ id: sent.body.id, direction: 'received', text: sent.body.text })]);
      expect(await inboxOf(caseId, first)).toEqual([]);

      // The notice leaves through the outbox on the next tick, never from the request itself.
      expect(t.mail.mailsTo(second.user.email, /waiting/)).toHaveLength(0);
      expect(await t.app.get(MessageReleaseService).tick()).toEqual({ released: 0, readsRecorded: 0, noticed: 1 });
      expect(await t.app.get(MessageReleaseService).tick()).toEqual({ released: 0, readsRecorded: 0, noticed: 0 });
      const notice = await t.mail.waitFor(second.user.email, /waiting/);
      expect(notice.subject).toBe('Parallel: 1 new message is waiting');
      expect(notice.text).not.toContain('Parents’ evening');
      expect(notice.text).toContain(`http://parallel.test/cases/${caseId}`);

      const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(second.bearer).expect(200);
      expect(ledger.body.items.at(-1)).toMatchObject({
        type: 'message.sent',
        actorId: first.user.id,
        payload: { messageId: sent.body.id, text: sent.body.text, topic: 'school', urgent: false, recipientId: second.user.id },
      });
    });

    it('keeps a notice in the outbox while the mail server is down, and sends it once it is back', async () => {
      const { caseId, first, second } = await createJoinedCase(t);
      const ticker = t.app.get(MessageReleaseService);
      await ticker.tick();
      await t.mail.stop();
      try {
        await sendMessage(t, caseId, first, { topic: 'schedule', text: 'Handover at the library, 16:00.' }).expect(201);
        expect(await ticker.tick()).toEqual({ released: 0, readsRecorded: 0, noticed: 0 });
      } finally {
        await t.mail.start(t.mail.port);
      }
      expect(await ticker.tick()).toEqual({ released: 0, readsRecorded: 0, noticed: 1 });
      const notice = await t.mail.waitFor(second.user.email, /waiting/);
      expect(notice.text).not.toContain('library');
    });

    it('keeps the text exactly as sent: no trimming, no HTML interpretation', async () => {
      const { caseId, first, second } = await createJoinedCase(t);
      const text = '  <b>Pick-up</b> at 5 & bring <script>alert(1)</script>\n\tthanks  ';
      const sent = await sendMessage(t, caseId, first, { topic: 'other', text }).expect(201);
      const fetched = await t.http().get(`/api/cases/${caseId}/messages/${sent.body.id}`).set(second.bearer).expect(200);
      expect(fetched.body.text).toBe(text);
      expect(fetched.headers['content-type']).toMatch(/application\/json/);
    });

    it('accepts 5,000 characters counted as code points (emoji included) and refuses 5,001', async () => {
      const { caseId, first } = await createJoinedCase(t);
      await sendMessage(t, caseId, first, { topic: 'other', text: '🙂'.repeat(5000) }).expect(201);
      const tooLong = await sendMessage(t, caseId, first, { topic: 'other', text: 'a'.repeat(5001) });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.details).toEqual([expect.objectContaining({ field: 'text', rule: 'messageText', message: 'text must be at most 5000 characters long' })]);
    });

    it.each([
      [{ text: 'Pick-up at 5' }, 'topic', 'isIn'],
      [{ topic: 'gossip', text: 'Pick-up at 5' }, 'topic', 'isIn'],
      [{ topic: 'school' }, 'text', 'isString'],
      [{ topic: 'school', text: '' }, 'text', 'messageText'],
      [{ topic: 'school', text: '   \n ' }, 'text', 'messageText'],
      [{ topic: 'school', text: 'nul \u0000 byte' }, 'text', 'noNullCharacter'],
      [{ topic: 'school', text: 'half \ud83d pair' }, 'text', 'wellFormedUnicode'],
      [{ topic: 'school', text: 'ok', urgent: 'yes' }, 'urgent', 'isBoolean'],
      [{ topic: 'school', text: 'ok', html: true }, 'html', 'unknownField'],
    ])('refuses %j naming %s and %s, and stores nothing', async (body, field, rule) => {
      const { caseId, first, second } = await createJoinedCase(t);
      const response = await sendMessage(t, caseId, first, body);
      expect(response.status).toBe(400);
      expect(response.body.details).toContainEqual(expect.objectContaining({ field, rule }));
      expect(await inboxOf(caseId, second)).toEqual([]);
      const held = await t.http().get(`/api/cases/${caseId}/held-back`).set(first.bearer).expect(200);
      expect(held.body.items).toEqual([]);
    });

    it('requires a well-formed Idempotency-Key', async () => {
      const { caseId, first } = await createJoinedCase(t);
      const missing = await t.http().post(`/api/cases/${caseId}/messages`).set(first.bearer).send({ topic: 'school', text: 'hi' });
      expect(missing.status).toBe(400);
      expect(missing.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key', rule: 'required' })]);
      const bad = await sendMessage(t, caseId, first, { topic: 'school', text: 'hi' }, 'short');
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key', rule: 'format' })]);
    });

    it('answers a retried send with the first result and never makes a second message', async () => {
      const { caseId, first, second } = await createJoinedCase(t);
      const key = newKey();
      const body = { topic: 'health', text: 'Mia has a dentist appointment Friday 10:00.' };
      const [a, b] = await Promise.all([sendMessage(t, caseId, first, body, key), sendMessage(t, caseId, first, body, key)]);
      expect(a.status).toBe(201);
      expect(b.status).toBe(201);
      expect(b.body).toEqual(a.body);
      t.clock.advance(60_000);
      const later = await sendMessage(t, caseId, first, body, key).expect(201);
      expect(later.body).toEqual(a.body);
      expect(await inboxOf(caseId, second)).toHaveLength(1);
      const reused = await sendMessage(t, caseId, first, { ...body, text: 'Something else' }, key);
      expect(reused.status).toBe(409);
      expect(reused.body.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key', rule: 'sameRequest' })]);
    });

    it('refuses non-members (404), unknown cases (404), and a case whose other parent has not joined (409)', async () => {
      const { caseId } = await createJoinedCase(t);
      const outsider = await registerParent(t, 'Outsider');
      expect((await sendMessage(t, caseId, outsider, { topic: 'school', text: 'hi' })).status).toBe(404);
      expect((await sendMessage(t, '7f1b3c1e-0000-4000-8000-000000000000', outsider, { topic: 'school', text: 'hi' })).status).toBe(404);
      expect((await sendMessage(t, 'not-a-uuid', outsider, { topic: 'school', text: 'hi' })).body.details).toEqual([
        expect.objectContaining({ field: 'caseId', rule: 'isUuid' }),
      ]);
      const alone = await createCase(t, outsider);
      const response = await sendMessage(t, alone.id, outsider, { topic: 'school', text: 'hi' });
      expect(response.status).toBe(409);
      expect(response.body.message).toMatch(/not joined/);
    });
  });

  describe('immutability', () => {
    it('has no route to edit or delete a message', async () => {
      const { caseId, first } = await createJoinedCase(t);
      const sent = await sendMessage(t, caseId, first, { topic: 'school', text: 'Original text' }).expect(201);
      for (const method of ['put', 'patch', 'delete'] as const) {
        const response = await t.http()[method](`/api/cases/${caseId}/messages/${sent.body.id}`).set(first.bearer).send({ text: 'Edited' });
        expect(response.status).toBe(404);
      }
      const document = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
      const messageMethods = Object.entries(document.paths)
        .filter(([path]) => path.includes('/messages'))
        .flatMap(([, methods]) => Object.keys(methods));
      expect(new Set(messageMethods)).toEqual(new Set(['get', 'post']));
    });

    it('refuses UPDATE and DELETE of a message in the database itself', async () => {
      const { caseId, first } = await createJoinedCase(t);
      const sent = await sendMessage(t, caseId, first, { topic: 'school', text: 'Original text' }).expect(201);
      await expect(t.query(`UPDATE messages SET text = 'Edited' WHERE id = $1`, [sent.body.id])).rejects.toThrow(/cannot be edited/);
      await expect(t.query(`UPDATE messages SET released_at = now() WHERE id = $1`, [sent.body.id])).rejects.toThrow(/cannot be edited/);
      await expect(t.query('DELETE FROM messages WHERE id = $1', [sent.body.id])).rejects.toThrow(/cannot be deleted/);
      const fetched = await t.http().get(`/api/cases/${caseId}/messages/${sent.body.id}`).set(first.bearer).expect(200);
      expect(fetched.body.text).toBe('Original text');
    });
  });

  describe('daily quota', () => {
    it('answers 429 with the next allowed time after N sends, and records the attempt with its text', async () => {
      const { caseId, first, second } = await createJoinedCase(t);
      for (let i = 1; i <= 5; i++) await sendMessage(t, caseId, first, { topic: 'schedule', text: `Message ${i}` }).expect(201);
      const over = await sendMessage(t, caseId, first, { topic: 'schedule', text: 'Message 6, over the quota' });
      expect(over.status).toBe(429);
      // Midnight in London (GMT in November) after Monday 09:00.
      expect(over.body).toMatchObject({ statusCode: 429, reason: 'quota_exceeded', retryAt: '2026-11-03T00:00:00.000Z' });
      expect(over.body.message).toMatch(/kept in the case record/);
      expect(await inboxOf(caseId, second)).toHaveLength(5);

      const attempt = expect.objectContaining({ id: over.body.heldBackId, senderId: first.user.id, text: 'Message 6, over the quota', reason: 'quota_exceeded', retryAt: '2026-11-03T00:00:00.000Z' });
      // The sender sees their own attempt; the recipient sees no text unless they choose to.
      expect((await t.http().get(`/api/cases/${caseId}/held-back`).set(first.bearer).expect(200)).body).toEqual({ items: [attempt], nextCursor: null });
      const recipientDefault = await t.http().get(`/api/cases/${caseId}/held-back`).set(second.bearer).expect(200);
      expect(recipientDefault.body).toEqual({ items: [], nextCursor: null });
      expect(JSON.stringify(recipientDefault.body)).not.toContain('over the quota');
      const summary = await t.http().get(`/api/cases/${caseId}/held-back/summary`).set(second.bearer).expect(200);
      expect(summary.body).toEqual({ mine: { today: 0, total: 0 }, other: { today: 1, total: 1 } });
      expect(JSON.stringify(summary.body)).not.toContain('over the quota');
      expect((await t.http().get(`/api/cases/${caseId}/held-back?of=other`).set(second.bearer).expect(200)).body.items).toEqual([attempt]);
      expect((await t.http().get(`/api/cases/${caseId}/held-back/summary`).set(first.bearer).expect(200)).body).toEqual({ mine: { today: 1, total: 1 }, other: { today: 0, total: 0 } });
      const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(first.bearer).expect(200);
      expect(ledger.body.items.at(-1)).toMatchObject({ type: 'message.held_back', payload: { text: 'Message 6, over the quota', reason: 'quota_exceeded' } });

      // The other parent's quota is their own.
      await sendMessage(t, caseId, second, { topic: 'schedule', text: 'Reply' }).expect(201);
      t.clock.set('2026-11-03T00:00:00.000Z');
      await sendMessage(t, caseId, first, { topic: 'schedule', text: 'Next day' }).expect(201);
    });

    it('counts the day in the case’s time zone', async () => {
      // New York, 23:30 local on Monday = 04:30Z Tuesday; the recipient takes 2 a day.
      const { caseId, first } = await createJoinedCaseWithInboxes(t, '2026-11-03T04:30:00.000Z', { second: { cadence: { mode: 'immediate' }, dailyQuota: 2 } }, { timeZone: 'America/New_York' });
      await sendMessage(t, caseId, first, { topic: 'schedule', text: 'evening' }).expect(201);
      await sendMessage(t, caseId, first, { topic: 'schedule', text: 'late' }).expect(201);
      const over = await sendMessage(t, caseId, first, { topic: 'schedule', text: 'too many' });
      expect(over.status).toBe(429);
      expect(over.body.retryAt).toBe('2026-11-03T05:00:00.000Z');
    });

    it('absorbs a barrage: 100 sends at once end as exactly N messages and 100 - N held-back records', async () => {
      const { caseId, first, second } = await createJoinedCase(t);
      const responses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => sendMessage(t, caseId, first, { topic: 'other', text: `Barrage ${i}` })),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(95);
      expect(await inboxOf(caseId, second)).toHaveLength(5);
      const held = await t.http().get(`/api/cases/${caseId}/held-back?of=other&limit=500`).set(second.bearer).expect(200);
      expect(held.body.items).toHaveLength(95);
      const texts = new Set([...held.body.items.map((item: { text: string }) => item.text), ...(await inboxOf(caseId, second)).map((m) => m.text)]);
      expect(texts.size).toBe(100);
      const verified = await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(second.bearer).expect(200);
      expect(verified.body).toMatchObject({ valid: true, count: 3 + 100 });
    });
  });

  describe('delivery windows', () => {
    it("holds a message until the recipient's window: invisible to the recipient, dated for the sender, released once", async () => {
      // Tuesday; the recipient's inbox takes deliveries Mon and Thu at 18:00.
      const { caseId, first, second } = await createJoinedCaseWithInboxes(t, '2026-11-03T10:00:00.000Z', {
        second: { cadence: { mode: 'windows', windows: [{ weekday: 4, time: '18:00' }, { weekday: 1, time: '18:00' }] }, dailyQuota: 5 },
      });
      const sent = await sendMessage(t, caseId, first, { topic: 'travel', text: 'Flight lands Saturday 14:05, gate B.' }).expect(201);
      expect(sent.body).toMatchObject({ status: 'held', deliverAt: '2026-11-05T18:00:00.000Z', deliveredAt: null });

      expect(await inboxOf(caseId, second)).toEqual([]);
      expect((await t.http().get(`/api/cases/${caseId}/messages?box=all`).set(second.bearer).expect(200)).body.items).toEqual([]);
      expect((await t.http().get(`/api/cases/${caseId}/threads`).set(second.bearer).expect(200)).body.items).toEqual([]);
      await t.http().get(`/api/cases/${caseId}/messages/${sent.body.id}`).set(second.bearer).expect(404);
      await t.http().post(`/api/cases/${caseId}/messages/${sent.body.id}/read`).set(second.bearer).expect(404);
      expect(t.mail.mailsTo(second.user.email, /waiting/)).toHaveLength(0);
      // The recipient's record keeps its place, sealed: nothing of it shows, and the chain still verifies to the present.
      const recipientLedger = await t.http().get(`/api/cases/${caseId}/ledger`).set(second.bearer).expect(200);
      expect(JSON.stringify(recipientLedger.body)).not.toContain('Flight lands');
      const sealed = recipientLedger.body.items.at(-1);
      expect(sealed).toEqual({ v: 1, caseId, seq: sealed.seq, at: '2026-11-03T10:00:00.000Z', prevHash: expect.any(String), bodyHash: expect.any(String), hash: expect.any(String), sealed: true });
      const head = sealed.seq;
      expect((await t.http().get(`/api/cases/${caseId}`).set(second.bearer).expect(200)).body.ledgerHead.seq).toBe(head);
      expect((await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(second.bearer).expect(200)).body).toMatchObject({ valid: true, headSeq: head, sealedCount: 1 });
      const senderLedger = await t.http().get(`/api/cases/${caseId}/ledger`).set(first.bearer).expect(200);
      expect(senderLedger.body.items.at(-1)).toMatchObject({ seq: head, sealed: false, type: 'message.sent', payload: { text: 'Flight lands Saturday 14:05, gate B.' } });
      expect((await t.http().get(`/api/cases/${caseId}/messages/${sent.body.id}`).set(first.bearer).expect(200)).body.status).toBe('held');

      t.clock.set('2026-11-05T17:59:59.999Z');
      expect(await release()).toBe(0);
      expect(await inboxOf(caseId, second)).toEqual([]);

      t.clock.set('2026-11-05T18:00:00.000Z');
      expect(await release()).toBe(1);
      expect(await release()).toBe(0);
      const inbox = await inboxOf(caseId, second);
      expect(inbox).toEqual([expect.objectContaining({ id: sent.body.id, deliveredAt: '2026-11-05T18:00:00.000Z', status: 'delivered' })]);
      const notice = await t.mail.waitFor(second.user.email, /waiting/);
      expect(notice.text).not.toContain('Flight');
      expect(t.mail.mailsTo(second.user.email, /waiting/)).toHaveLength(1);
      const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(second.bearer).expect(200);
      expect(ledger.body.items.filter((e: { type: string }) => e.type === 'message.released')).toEqual([
        expect.objectContaining({ actorId: null, payload: { messageIds: [sent.body.id] } }),
      ]);
      // Released, the message's entry opens for its recipient.
      expect(ledger.body.items.find((e: { seq: number }) => e.seq === head)).toMatchObject({ sealed: false, payload: { text: 'Flight lands Saturday 14:05, gate B.' } });
    });

    it('lets urgent messages through at once, up to the limit per 30 days', async () => {
      const { caseId, first, second } = await createJoinedCaseWithInboxes(t, MONDAY_9AM_LONDON, {
        second: { cadence: { mode: 'windows', windows: [{ weekday: 5, time: '18:00' }, { weekday: 6, time: '10:00' }] }, dailyQuota: 10 },
      });
      await agreeOnTerms(t, caseId, first, second, { urgentPer30Days: 2 });
      const a = await sendMessage(t, caseId, first, { topic: 'health', text: 'Leo has a fever of 39.5, at urgent care now.', urgent: true }).expect(201);
      expect(a.body).toMatchObject({ urgent: true, status: 'delivered', deliveredAt: MONDAY_9AM_LONDON });
      expect(await inboxOf(caseId, second)).toEqual([expect.objectContaining({ id: a.body.id, urgent: true })]);
      t.clock.advance(24 * 60 * 60 * 1000);
      await sendMessage(t, caseId, first, { topic: 'health', text: 'Discharged, home now.', urgent: true }).expect(201);
      const third = await sendMessage(t, caseId, first, { topic: 'health', text: 'One more urgent', urgent: true });
      expect(third.status).toBe(429);
      expect(third.body).toMatchObject({ reason: 'urgent_limit_reached', retryAt: '2026-12-02T09:00:00.000Z' });
      expect(third.body.message).toMatch(/regular message/);
      const regular = await sendMessage(t, caseId, first, { topic: 'health', text: 'One more, not urgent' }).expect(201);
      expect(regular.body.status).toBe('held');
      const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(second.bearer).expect(200);
      expect(ledger.body.items.filter((e: { type: string; payload: { urgent?: boolean } }) => e.type === 'message.sent' && e.payload.urgent)).toHaveLength(2);
    });

    it("applies a change of the recipient's inbox terms only after a day's notice, and only to their inbox", async () => {
      const { caseId, first, second } = await createJoinedCase(t);
      const change = await setInboxTerms(t, caseId, second, { cadence: { mode: 'windows', windows: [{ weekday: 3, time: '12:00' }, { weekday: 6, time: '12:00' }] }, dailyQuota: 3 });
      expect(change).toMatchObject({ userId: second.user.id, requestedAt: MONDAY_9AM_LONDON, effectiveAt: '2026-11-03T09:00:00.000Z', replacedPending: false });
      const before = await sendMessage(t, caseId, first, { topic: 'school', text: 'Before it binds' }).expect(201);
      expect(before.body.status).toBe('delivered');
      t.clock.set('2026-11-03T09:00:00.000Z');
      const after = await sendMessage(t, caseId, first, { topic: 'school', text: 'After it binds' }).expect(201);
      expect(after.body).toMatchObject({ status: 'held', deliverAt: '2026-11-04T12:00:00.000Z' });
      // The other way round nothing changed: the first parent's inbox is still immediate.
      const reply = await sendMessage(t, caseId, second, { topic: 'school', text: 'Reply' }).expect(201);
      expect(reply.body.status).toBe('delivered');
      // The cap is the recipient's too: 3 a day from the other parent.
      await sendMessage(t, caseId, first, { topic: 'school', text: 'Two' }).expect(201);
      await sendMessage(t, caseId, first, { topic: 'school', text: 'Three' }).expect(201);
      expect((await sendMessage(t, caseId, first, { topic: 'school', text: 'Four' })).status).toBe(429);
    });

    it("accepts an urgent message within its allowance after the day's last quota slot is used", async () => {
      const { caseId, first, second } = await createJoinedCaseWithInboxes(t, MONDAY_9AM_LONDON, {
        second: { cadence: { mode: 'immediate' }, dailyQuota: 2 },
      });
      await sendMessage(t, caseId, first, { topic: 'school', text: 'One' }).expect(201);
      await sendMessage(t, caseId, first, { topic: 'school', text: 'Two' }).expect(201);
      expect((await sendMessage(t, caseId, first, { topic: 'school', text: 'Three' })).status).toBe(429);
      const urgent = await sendMessage(t, caseId, first, { topic: 'health', text: 'Leo is in hospital, come to St Mary’s.', urgent: true });
      expect(urgent.status).toBe(201);
      expect(urgent.body).toMatchObject({ urgent: true, status: 'delivered', deliveredAt: MONDAY_9AM_LONDON });
      expect(await inboxOf(caseId, second)).toEqual(expect.arrayContaining([expect.objectContaining({ id: urgent.body.id })]));
      // Ordinary messages are still held back for the rest of the day.
      expect((await sendMessage(t, caseId, first, { topic: 'school', text: 'Four' })).status).toBe(429);
    });
  });

  describe('allowance', () => {
    it('answers what the composer needs, by the same rules as a send', async () => {
      const { caseId, first } = await createJoinedCaseWithInboxes(t, '2026-11-03T10:00:00.000Z', {
        second: { cadence: { mode: 'windows', windows: [{ weekday: 4, time: '18:00' }, { weekday: 1, time: '18:00' }] }, dailyQuota: 2 },
      });
      const fresh = await t.http().get(`/api/cases/${caseId}/messages/allowance`).set(first.bearer).expect(200);
      expect(fresh.body).toEqual({
        dailyQuota: 2,
        sentToday: 0,
        remainingToday: 2,
        nextSendAt: null,
        urgentPer30Days: 3,
        urgentRemaining: 3,
        nextUrgentAt: null,
        deliveryMode: 'windows',
        deliverAtIfSentNow: '2026-11-05T18:00:00.000Z',
      });
      const sent = await sendMessage(t, caseId, first, { topic: 'school', text: 'One' }).expect(201);
      expect(sent.body.deliverAt).toBe(fresh.body.deliverAtIfSentNow);
      await sendMessage(t, caseId, first, { topic: 'school', text: 'Urgent', urgent: true }).expect(201);
      const spent = await t.http().get(`/api/cases/${caseId}/messages/allowance`).set(first.bearer).expect(200);
      expect(spent.body).toMatchObject({ sentToday: 2, remainingToday: 0, nextSendAt: '2026-11-04T00:00:00.000Z', urgentRemaining: 2, nextUrgentAt: null });
      const refused = await sendMessage(t, caseId, first, { topic: 'school', text: 'Three' });
      expect([refused.status, refused.body.retryAt]).toEqual([429, spent.body.nextSendAt]);
    });

    it('answers 409 while the other parent has not joined', async () => {
      const alone = await registerParent(t, 'Alone');
      const created = await createCase(t, alone);
      const response = await t.http().get(`/api/cases/${created.id}/messages/allowance`).set(alone.bearer);
      expect(response.status).toBe(409);
    });
  });

  describe('reading', () => {
    it('records the first read once, as a ledger entry, and shows it to the sender', async () => {
      const { caseId, first, second } = await createJoinedCase(t);
      const sent = await sendMessage(t, caseId, first, { topic: 'school', text: 'Report cards come home Friday.' }).expect(201);
      await t.http().get(`/api/cases/${caseId}/messages/${sent.body.id}`).set(second.bearer).expect(200);
      expect((await t.http().get(`/api/cases/${caseId}/messages/${sent.body.id}`).set(first.bearer)).body.readAt).toBeNull();
      t.clock.set('2026-11-02T12:00:00.000Z');
      const read = await t.http().post(`/api/cases/${caseId}/messages/${sent.body.id}/read`).set(second.bearer).expect(200);
      expect(read.body).toMatchObject({ readAt: '2026-11-02T12:00:00.000Z', status: 'read' });
      t.clock.set('2026-11-02T13:00:00.000Z');
      const again = await t.http().post(`/api/cases/${caseId}/messages/${sent.body.id}/read`).set(second.bearer).expect(200);
      expect(again.body.readAt).toBe('2026-11-02T12:00:00.000Z');
      const asSender = await t.http().get(`/api/cases/${caseId}/messages/${sent.body.id}`).set(first.bearer).expect(200);
      expect(asSender.body).toMatchObject({ readAt: '2026-11-02T12:00:00.000Z', status: 'read' });
      const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(first.bearer).expect(200);
      expect(ledger.body.items.filter((e: { type: string }) => e.type === 'message.read')).toEqual([
        expect.objectContaining({ actorId: second.user.id, payload: { messageId: sent.body.id }, at: '2026-11-02T12:00:00.000Z' }),
      ]);
      const own = await t.http().post(`/api/cases/${caseId}/messages/${sent.body.id}/read`).set(first.bearer);
      expect(own.status).toBe(403);
    });

    it('hides read times from the sender when the case says so, and still records them', async () => {
      const { caseId, first, second } = await createJoinedCase(t);
      await agreeOnTerms(t, caseId, second, first, { showReadTimes: false });
      const sent = await sendMessage(t, caseId, first, { topic: 'school', text: 'Trip form due Wednesday.' }).expect(201);
      const read = await t.http().post(`/api/cases/${caseId}/messages/${sent.body.id}/read`).set(second.bearer).expect(200);
      expect(read.body.readAt).toBe(MONDAY_9AM_LONDON);
      const asSender = await t.http().get(`/api/cases/${caseId}/messages/${sent.body.id}`).set(first.bearer).expect(200);
      expect(asSender.body).toMatchObject({ readAt: null, status: 'delivered' });
      // The record keeps the read, but not at once: it is recorded once its day has ended in the case's zone.
      const entriesOf = async (parent: typeof first) => (await t.http().get(`/api/cases/${caseId}/ledger`).set(parent.bearer).expect(200)).body.items as { seq: number; sealed: boolean; type?: string; payload?: unknown }[];
      const headBefore = (await entriesOf(second)).at(-1)!.seq;
      const ticker = t.app.get(MessageReleaseService);
      expect((await ticker.tick()).readsRecorded).toBe(0);
      expect((await entriesOf(first)).at(-1)!.seq).toBe(headBefore);
      t.clock.set('2026-11-02T23:59:59.999Z'); // still Monday in London
      expect((await ticker.tick()).readsRecorded).toBe(0);
      t.clock.set('2026-11-03T00:00:30.000Z');
      expect((await ticker.tick()).readsRecorded).toBe(1);
      // The reader sees their read, with its exact time; for the sender the entry is sealed: its time says only "some day before".
      const readerView = (await entriesOf(second)).at(-1)!;
      expect(readerView).toMatchObject({ seq: headBefore + 1, sealed: false, type: 'message.reads_recorded', payload: { reads: [{ messageId: sent.body.id, readAt: MONDAY_9AM_LONDON }] } });
      const senderView = (await entriesOf(first)).at(-1)!;
      expect(senderView).toMatchObject({ seq: headBefore + 1, sealed: true, at: '2026-11-03T00:00:30.000Z' });
      expect(senderView).not.toHaveProperty('payload');
      for (const parent of [first, second]) {
        expect((await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(parent.bearer).expect(200)).body).toMatchObject({ valid: true, headSeq: headBefore + 1 });
      }
      expect((await ticker.tick()).readsRecorded).toBe(0);
    });

    it('lists inbox, sent and topic threads with cursor pages', async () => {
      const { caseId, first, second } = await createJoinedCase(t);
      await setInboxTerms(t, caseId, second, { cadence: { mode: 'immediate' }, dailyQuota: 20 });
      t.clock.advance(24 * 60 * 60 * 1000);
      for (let i = 0; i < 7; i++) {
        t.clock.advance(1000);
        await sendMessage(t, caseId, first, { topic: i % 2 ? 'school' : 'health', text: `Note ${i}` }).expect(201);
      }
      t.clock.advance(1000);
      await sendMessage(t, caseId, second, { topic: 'school', text: 'Reply' }).expect(201);
      const page1 = await t.http().get(`/api/cases/${caseId}/messages?box=inbox&limit=3`).set(second.bearer).expect(200);
      expect(page1.body.items.map((m: { text: string }) => m.text)).toEqual(['Note 6', 'Note 5', 'Note 4']);
      const page2 = await t.http().get(`/api/cases/${caseId}/messages?box=inbox&limit=3&cursor=${page1.body.nextCursor}`).set(second.bearer).expect(200);
      expect(page2.body.items.map((m: { text: string }) => m.text)).toEqual(['Note 3', 'Note 2', 'Note 1']);
      const sent = await t.http().get(`/api/cases/${caseId}/messages?box=sent`).set(second.bearer).expect(200);
      expect(sent.body.items.map((m: { text: string }) => m.text)).toEqual(['Reply']);
      const school = await t.http().get(`/api/cases/${caseId}/messages?topic=school`).set(second.bearer).expect(200);
      expect(school.body.items.map((m: { text: string }) => m.text)).toEqual(['Reply', 'Note 5', 'Note 3', 'Note 1']);
      const threads = await t.http().get(`/api/cases/${caseId}/threads`).set(second.bearer).expect(200);
      expect(threads.body.items).toEqual([
        expect.objectContaining({ topic: 'school', count: 4, unread: 3 }),
        expect.objectContaining({ topic: 'health', count: 4, unread: 4 }),
      ]);
      const badCursor = await t.http().get(`/api/cases/${caseId}/messages?cursor=nonsense`).set(second.bearer);
      expect(badCursor.status).toBe(400);
      expect(badCursor.body.details).toEqual([expect.objectContaining({ field: 'cursor', rule: 'format' })]);
      const badBox = await t.http().get(`/api/cases/${caseId}/messages?box=trash`).set(second.bearer);
      expect(badBox.body.details).toEqual([expect.objectContaining({ field: 'box', rule: 'isIn' })]);
    });
  });

});
