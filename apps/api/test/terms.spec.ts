import { createJoinedCase, setInboxTerms } from './support/factories';
import { connectSocket, RecordingSocket } from './support/socket-client';
import { startTestApp, TestApp } from './support/test-app';

const MONDAY_9AM_LONDON = '2026-11-02T09:00:00.000Z';
const MON_THU_18 = { mode: 'windows', windows: [{ weekday: 4, time: '18:00' }, { weekday: 1, time: '18:00' }] };

describe('inbox terms: each parent sets their own, announced, in force after a day', () => {
  let t: TestApp;
  const sockets: RecordingSocket[] = [];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t.close();
  });
  beforeEach(() => t.clock.set(MONDAY_9AM_LONDON));

  it('starts both inboxes with the case’s first terms, and shows the shared terms apart', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const settings = await t.http().get(`/api/cases/${caseId}/settings`).set(second.bearer).expect(200);
    const inbox = (userId: string) => ({ userId, inForce: { cadence: { mode: 'immediate' }, dailyQuota: 5 }, inForceSince: MONDAY_9AM_LONDON, pending: null });
    expect(settings.body).toEqual({
      inboxes: [inbox(first.user.id), inbox(second.user.id)],
      shared: { urgentPer30Days: 3, showReadTimes: true, split: { firstParentBasisPoints: 5000 } },
      pendingProposal: null,
    });
  });

  it('takes a change alone: 202 with its effective time, announced to the other parent, recorded, then in force', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const other = await connectSocket(t.url, first.token);
    sockets.push(other);
    const answer = await t.http().put(`/api/cases/${caseId}/inbox-terms`).set(second.bearer).send({ cadence: MON_THU_18, dailyQuota: 3 }).expect(202);
    expect(answer.body).toEqual({
      userId: second.user.id,
      terms: { cadence: { mode: 'windows', windows: [{ weekday: 1, time: '18:00' }, { weekday: 4, time: '18:00' }] }, dailyQuota: 3 },
      requestedAt: MONDAY_9AM_LONDON,
      effectiveAt: '2026-11-03T09:00:00.000Z',
      replacedPending: false,
    });
    expect(await other.waitFor('terms.changed')).toEqual({ caseId, kind: 'inbox', userId: second.user.id, effectiveAt: '2026-11-03T09:00:00.000Z' });

    const pending = await t.http().get(`/api/cases/${caseId}/settings`).set(first.bearer).expect(200);
    const secondInbox = pending.body.inboxes.find((inbox: { userId: string }) => inbox.userId === second.user.id);
    expect(secondInbox).toMatchObject({ inForce: { dailyQuota: 5 }, pending: { terms: { dailyQuota: 3 }, effectiveAt: '2026-11-03T09:00:00.000Z' } });

    const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(first.bearer).expect(200);
    expect(ledger.body.items.at(-1)).toMatchObject({
      sealed: false,
      type: 'inbox_terms.changed',
      actorId: second.user.id,
      payload: { userId: second.user.id, cadence: answer.body.terms.cadence, dailyQuota: 3, effectiveAt: '2026-11-03T09:00:00.000Z' },
    });
    for (const parent of [first, second]) {
      expect((await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(parent.bearer).expect(200)).body).toMatchObject({ valid: true });
    }

    t.clock.set('2026-11-03T09:00:00.000Z');
    const inForce = await t.http().get(`/api/cases/${caseId}/settings`).set(second.bearer).expect(200);
    expect(inForce.body.inboxes.find((inbox: { userId: string }) => inbox.userId === second.user.id)).toMatchObject({
      inForce: { dailyQuota: 3, cadence: { mode: 'windows' } },
      inForceSince: '2026-11-03T09:00:00.000Z',
      pending: null,
    });
    expect(inForce.body.inboxes.find((inbox: { userId: string }) => inbox.userId === first.user.id)).toMatchObject({ inForce: { dailyQuota: 5 } });
  });

  it('lets a newer change replace a pending one, which never takes effect; both are recorded', async () => {
    const { caseId, second, first } = await createJoinedCase(t);
    await setInboxTerms(t, caseId, second, { cadence: { mode: 'immediate' }, dailyQuota: 2 });
    t.clock.set('2026-11-02T20:00:00.000Z');
    const newer = await setInboxTerms(t, caseId, second, { cadence: { mode: 'immediate' }, dailyQuota: 8 });
    expect(newer).toMatchObject({ replacedPending: true, effectiveAt: '2026-11-03T20:00:00.000Z' });
    t.clock.set('2026-11-03T12:00:00.000Z');
    const settings = await t.http().get(`/api/cases/${caseId}/settings`).set(first.bearer).expect(200);
    expect(settings.body.inboxes.find((inbox: { userId: string }) => inbox.userId === second.user.id)).toMatchObject({ inForce: { dailyQuota: 5 }, pending: { terms: { dailyQuota: 8 } } });
    const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(first.bearer).expect(200);
    expect(ledger.body.items.filter((e: { type: string }) => e.type === 'inbox_terms.changed')).toHaveLength(2);
    expect((await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(first.bearer).expect(200)).body).toMatchObject({ valid: true });
  });

  it('refuses terms already in force or already waiting', async () => {
    const { caseId, second } = await createJoinedCase(t);
    const same = await t.http().put(`/api/cases/${caseId}/inbox-terms`).set(second.bearer).send({ cadence: { mode: 'immediate' }, dailyQuota: 5 });
    expect([same.status, same.body.details]).toEqual([400, [expect.objectContaining({ field: 'body', rule: 'changesSomething' })]]);
  });

  it.each([
    [{ cadence: { mode: 'windows', windows: [{ weekday: 1, time: '18:00' }] }, dailyQuota: 3 }, 'cadence.windows', 'minItems'],
    [{ cadence: { mode: 'immediate' }, dailyQuota: 1 }, 'dailyQuota', 'min'],
    [{ cadence: { mode: 'immediate' }, dailyQuota: 51 }, 'dailyQuota', 'max'],
    [{ cadence: { mode: 'immediate' }, dailyQuota: 2.5 }, 'dailyQuota', 'integer'],
    [{ cadence: { mode: 'hourly' }, dailyQuota: 3 }, 'cadence.mode', 'oneOf'],
    [{ cadence: { mode: 'windows', windows: [{ weekday: 1, time: '25:00' }, { weekday: 2, time: '18:00' }] }, dailyQuota: 3 }, 'cadence.windows[0].time', 'format'],
    [{ dailyQuota: 3 }, 'cadence', 'required'],
    [{ cadence: { mode: 'immediate' } }, 'dailyQuota', 'required'],
    [{ cadence: { mode: 'immediate' }, dailyQuota: 3, showReadTimes: false }, 'showReadTimes', 'unknownField'],
  ])('refuses %j naming %s and %s, and records nothing', async (body, field, rule) => {
    const { caseId, first } = await createJoinedCase(t);
    const head = (await t.http().get(`/api/cases/${caseId}`).set(first.bearer).expect(200)).body.ledgerHead.seq;
    const response = await t.http().put(`/api/cases/${caseId}/inbox-terms`).set(first.bearer).send(body);
    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual(expect.objectContaining({ field, rule }));
    expect((await t.http().get(`/api/cases/${caseId}`).set(first.bearer).expect(200)).body.ledgerHead.seq).toBe(head);
  });
});

describe('changing the shared terms by proposal and acceptance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('changes nothing until the other parent accepts, then records both steps', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const changes = { urgentPer30Days: 1, split: { firstParentBasisPoints: 6000 } };
    const proposed = await t.http().post(`/api/cases/${caseId}/proposals`).set(first.bearer).send({ changes }).expect(201);
    expect(proposed.body).toMatchObject({ status: 'pending', proposedBy: first.user.id, changes });

    const pending = await t.http().get(`/api/cases/${caseId}/settings`).set(second.bearer).expect(200);
    expect(pending.body.shared).toEqual({ urgentPer30Days: 3, showReadTimes: true, split: { firstParentBasisPoints: 5000 } });
    expect(pending.body.pendingProposal.id).toBe(proposed.body.id);

    const selfAccept = await t.http().post(`/api/cases/${caseId}/proposals/${proposed.body.id}/accept`).set(first.bearer);
    expect(selfAccept.status).toBe(403);
    const accepted = await t.http().post(`/api/cases/${caseId}/proposals/${proposed.body.id}/accept`).set(second.bearer).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', decidedBy: second.user.id });

    const after = await t.http().get(`/api/cases/${caseId}/settings`).set(first.bearer).expect(200);
    expect(after.body).toMatchObject({ shared: { urgentPer30Days: 1, showReadTimes: true, split: { firstParentBasisPoints: 6000 } }, pendingProposal: null });
    expect(after.body.inboxes.map((inbox: { inForce: { dailyQuota: number } }) => inbox.inForce.dailyQuota)).toEqual([5, 5]);
    expect((await t.http().get(`/api/cases/${caseId}`).set(first.bearer).expect(200)).body.terms).toEqual(after.body.shared);
    const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(first.bearer).expect(200);
    expect(ledger.body.items.map((e: { type: string }) => e.type).slice(-2)).toEqual(['terms.proposed', 'terms.accepted']);
    expect(ledger.body.items.at(-1).payload.terms).toEqual(after.body.shared);
    expect((await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(first.bearer).expect(200)).body).toMatchObject({ valid: true });

    const again = await t.http().post(`/api/cases/${caseId}/proposals/${proposed.body.id}/decline`).set(second.bearer);
    expect(again.status).toBe(409);
  });

  it('lets the other parent decline and the proposer withdraw, each recorded', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const a = await t.http().post(`/api/cases/${caseId}/proposals`).set(first.bearer).send({ changes: { showReadTimes: false } }).expect(201);
    const blocked = await t.http().post(`/api/cases/${caseId}/proposals`).set(second.bearer).send({ changes: { urgentPer30Days: 2 } });
    expect(blocked.status).toBe(409);
    await t.http().post(`/api/cases/${caseId}/proposals/${a.body.id}/withdraw`).set(second.bearer).expect(403);
    await t.http().post(`/api/cases/${caseId}/proposals/${a.body.id}/decline`).set(second.bearer).expect(200);
    t.clock.advance(60_000);
    const b = await t.http().post(`/api/cases/${caseId}/proposals`).set(second.bearer).send({ changes: { urgentPer30Days: 2 } }).expect(201);
    await t.http().post(`/api/cases/${caseId}/proposals/${b.body.id}/withdraw`).set(second.bearer).expect(200);
    const settings = await t.http().get(`/api/cases/${caseId}/settings`).set(first.bearer).expect(200);
    expect(settings.body.shared).toMatchObject({ showReadTimes: true, urgentPer30Days: 3 });
    const history = await t.http().get(`/api/cases/${caseId}/proposals`).set(first.bearer).expect(200);
    expect(history.body.items.map((p: { status: string }) => p.status)).toEqual(['withdrawn', 'declined']);
    const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(first.bearer).expect(200);
    expect(ledger.body.items.map((e: { type: string }) => e.type).slice(-4)).toEqual(['terms.proposed', 'terms.declined', 'terms.proposed', 'terms.withdrawn']);
  });

  it.each([
    [{ dailyQuota: 3 }, 'changes.dailyQuota', 'inboxTerms'],
    [{ cadence: { mode: 'immediate' } }, 'changes.cadence', 'inboxTerms'],
    [{ urgentPer30Days: 11 }, 'changes.urgentPer30Days', 'max'],
    [{ urgentPer30Days: 2.5 }, 'changes.urgentPer30Days', 'integer'],
    [{ split: { firstParentBasisPoints: 10001 } }, 'changes.split.firstParentBasisPoints', 'max'],
    [{ colour: 'blue' }, 'changes.colour', 'unknown'],
    [{}, 'changes', 'nonEmpty'],
    [{ urgentPer30Days: 3 }, 'changes', 'changesSomething'],
  ])('refuses %j naming %s and %s', async (changes, field, rule) => {
    const { caseId, first } = await createJoinedCase(t);
    const response = await t.http().post(`/api/cases/${caseId}/proposals`).set(first.bearer).send({ changes });
    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('says where inbox terms are set when a proposal names them', async () => {
    const { caseId, first } = await createJoinedCase(t);
    const response = await t.http().post(`/api/cases/${caseId}/proposals`).set(first.bearer).send({ changes: { dailyQuota: 3 } });
    expect(response.body.message).toMatch(/inbox terms.*inbox-terms/);
  });

  it('refuses a proposal without a changes object', async () => {
    const { caseId, first } = await createJoinedCase(t);
    const response = await t.http().post(`/api/cases/${caseId}/proposals`).set(first.bearer).send({ changes: 'everything' });
    expect(response.body.details).toContainEqual(expect.objectContaining({ field: 'changes', rule: 'isObject' }));
  });

  it('answers 404 for a proposal of another case', async () => {
    const one = await createJoinedCase(t);
    const two = await createJoinedCase(t);
    const proposed = await t.http().post(`/api/cases/${one.caseId}/proposals`).set(one.first.bearer).send({ changes: { urgentPer30Days: 4 } }).expect(201);
    const response = await t.http().post(`/api/cases/${two.caseId}/proposals/${proposed.body.id}/accept`).set(two.second.bearer);
    expect(response.status).toBe(404);
  });

  it('refuses to accept a proposal from before inbox terms that names the quota; it can still be declined', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const [row] = await t.query<{ id: string }>(
      `INSERT INTO terms_proposals (id, case_id, proposed_by, changes, status, created_at) VALUES (gen_random_uuid(), $1, $2, '{"dailyQuota":2}', 'pending', now()) RETURNING id`,
      [caseId, first.user.id],
    );
    const id = row!.id;
    const accept = await t.http().post(`/api/cases/${caseId}/proposals/${id}/accept`).set(second.bearer);
    expect(accept.status).toBe(409);
    expect(accept.body.message).toMatch(/inbox/);
    await t.http().post(`/api/cases/${caseId}/proposals/${id}/decline`).set(second.bearer).expect(200);
  });
});
