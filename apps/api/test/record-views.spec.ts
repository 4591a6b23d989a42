import { verifyLedgerChain } from '@parallel/domain';
import { MessageReleaseService } from '../src/messages/message-release.service';
import { agreeOnTerms, createJoinedCase, createJoinedCaseWithInboxes, sendMessage, TestParent } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Views of the record (record format 1): every reader's view reaches the present, holds all
 * of the reader's own entries, seals what they may not see yet, and verifies; verification
 * holds the chain to the case's stored head and the tables to the chain.
 */
describe('views of the record', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2026-11-02T09:00:00.000Z'));

  const ledgerOf = async (caseId: string, parent: TestParent, query = '') =>
    (await t.http().get(`/api/cases/${caseId}/ledger${query}`).set(parent.bearer).expect(200)).body.items as {
      seq: number;
      sealed: boolean;
      type?: string;
      actorId?: string | null;
      payload?: Record<string, unknown>;
    }[];
  const verify = async (caseId: string, parent: TestParent) => (await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(parent.bearer).expect(200)).body;

  it("keeps a parent's own later messages and proposals in their view after the other parent reads while read times are hidden", async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    await agreeOnTerms(t, caseId, first, second, { showReadTimes: false });
    const sent = await sendMessage(t, caseId, first, { topic: 'school', text: 'Trip form due Wednesday.' }).expect(201);
    await t.http().post(`/api/cases/${caseId}/messages/${sent.body.id}/read`).set(second.bearer).expect(200);
    t.clock.advance(60_000);
    const later = await sendMessage(t, caseId, first, { topic: 'health', text: 'Dentist moved to Friday 10:00.' }).expect(201);
    const proposal = await t.http().post(`/api/cases/${caseId}/proposals`).set(first.bearer).send({ changes: { urgentPer30Days: 2 } }).expect(201);

    const view = await ledgerOf(caseId, first);
    expect(view.find((e) => e.type === 'message.sent' && e.payload?.messageId === later.body.id)).toBeDefined();
    expect(view.find((e) => e.type === 'terms.proposed' && e.payload?.proposalId === proposal.body.id)).toBeDefined();
    const head = (await t.http().get(`/api/cases/${caseId}`).set(first.bearer).expect(200)).body.ledgerHead;
    expect(view.at(-1)!.seq).toBe(head.seq);
    expect(await verify(caseId, first)).toMatchObject({ valid: true, headSeq: head.seq });
    // Nothing of the read shows to the sender, before or after it is recorded.
    expect(view.some((e) => e.type === 'message.read' || e.type === 'message.reads_recorded')).toBe(false);
    t.clock.set('2026-11-03T00:01:00.000Z');
    await t.app.get(MessageReleaseService).tick();
    const after = await ledgerOf(caseId, first);
    expect(after.at(-1)).toMatchObject({ sealed: true });
    expect(verifyLedgerChain(after as never, { caseId })).toMatchObject({ valid: true, sealedCount: 1 });
  });

  it('seals held-back texts for their recipient unless they ask to see them', async () => {
    const { caseId, first, second } = await createJoinedCaseWithInboxes(t, '2026-11-02T09:00:00.000Z', { second: { cadence: { mode: 'immediate' }, dailyQuota: 2 } });
    for (const text of ['One', 'Two']) await sendMessage(t, caseId, first, { topic: 'other', text }).expect(201);
    await sendMessage(t, caseId, first, { topic: 'other', text: 'Answer me NOW' }).expect(429);

    const recipient = await ledgerOf(caseId, second);
    expect(JSON.stringify(recipient)).not.toContain('Answer me NOW');
    expect(recipient.at(-1)).toMatchObject({ sealed: true });
    const revealed = await ledgerOf(caseId, second, '?revealHeldBack=true');
    expect(revealed.at(-1)).toMatchObject({ sealed: false, type: 'message.held_back', payload: { text: 'Answer me NOW', reason: 'quota_exceeded' } });
    // The sender always sees their own attempt.
    expect((await ledgerOf(caseId, first)).at(-1)).toMatchObject({ sealed: false, type: 'message.held_back' });
    expect(await verify(caseId, second)).toMatchObject({ valid: true, sealedCount: 1 });
  });

  it('notices an entry removed from the end of the chain behind the trigger’s back', async () => {
    const { caseId, first } = await createJoinedCase(t);
    await sendMessage(t, caseId, first, { topic: 'school', text: 'Pick-up at 15:30.' }).expect(201);
    const head = (await verify(caseId, first)).headSeq as number;
    await t.query('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only');
    try {
      await t.query('DELETE FROM ledger_entries WHERE case_id = $1 AND seq = $2', [caseId, head]);
    } finally {
      await t.query('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only');
    }
    expect(await verify(caseId, first)).toMatchObject({ valid: false, firstBadSeq: head, reason: expect.stringMatching(/missing/) });
  });

  it('notices a message text changed in its table while the chain itself is intact', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const sent = await sendMessage(t, caseId, first, { topic: 'school', text: 'Pick-up at 15:30.' }).expect(201);
    const entry = (await ledgerOf(caseId, first)).find((e) => e.payload?.messageId === sent.body.id)!;
    await t.query('ALTER TABLE messages DISABLE TRIGGER messages_write_once');
    try {
      await t.query(`UPDATE messages SET text = 'Pick-up at 17:30.' WHERE id = $1`, [sent.body.id]);
    } finally {
      await t.query('ALTER TABLE messages ENABLE TRIGGER messages_write_once');
    }
    for (const parent of [first, second]) {
      expect(await verify(caseId, parent)).toMatchObject({ valid: false, firstBadSeq: entry.seq, reason: expect.stringMatching(/messages table .*\(text\)/) });
    }
  });

  it('notices a row that the record does not contain', async () => {
    const { caseId, first } = await createJoinedCase(t);
    await t.query(
      `INSERT INTO terms_proposals (id, case_id, proposed_by, changes, status, created_at) VALUES (gen_random_uuid(), $1, $2, '{"dailyQuota":1}', 'declined', now())`,
      [caseId, first.user.id],
    );
    expect(await verify(caseId, first)).toMatchObject({ valid: false, reason: expect.stringMatching(/terms_proposals table/) });
  });
});
