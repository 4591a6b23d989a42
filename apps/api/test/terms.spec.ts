import { createJoinedCase } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('changing the case’s terms by proposal and acceptance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('changes nothing until the other parent accepts, then records both steps', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const changes = { cadence: { mode: 'windows', windows: [{ weekday: 4, time: '18:00' }, { weekday: 1, time: '18:00' }] }, dailyQuota: 3 };
    const proposed = await t.http().post(`/api/cases/${caseId}/proposals`).set(first.bearer).send({ changes }).expect(201);
    expect(proposed.body).toMatchObject({ status: 'pending', proposedBy: first.user.id });
    // Windows come back in canonical order.
    expect(proposed.body.changes.cadence.windows).toEqual([{ weekday: 1, time: '18:00' }, { weekday: 4, time: '18:00' }]);

    const pending = await t.http().get(`/api/cases/${caseId}/settings`).set(second.bearer).expect(200);
    expect(pending.body.terms).toMatchObject({ cadence: { mode: 'immediate' }, dailyQuota: 5 });
    expect(pending.body.pendingProposal.id).toBe(proposed.body.id);

    const selfAccept = await t.http().post(`/api/cases/${caseId}/proposals/${proposed.body.id}/accept`).set(first.bearer);
    expect(selfAccept.status).toBe(403);
    const accepted = await t.http().post(`/api/cases/${caseId}/proposals/${proposed.body.id}/accept`).set(second.bearer).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', decidedBy: second.user.id });

    const after = await t.http().get(`/api/cases/${caseId}/settings`).set(first.bearer).expect(200);
    expect(after.body).toMatchObject({ terms: { dailyQuota: 3, cadence: { mode: 'windows' }, urgentPer30Days: 3 }, pendingProposal: null });
    const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(first.bearer).expect(200);
    const types = ledger.body.items.map((e: { type: string }) => e.type);
    expect(types.slice(-2)).toEqual(['terms.proposed', 'terms.accepted']);
    expect(ledger.body.items.at(-1).payload.terms).toMatchObject({ dailyQuota: 3 });

    const again = await t.http().post(`/api/cases/${caseId}/proposals/${proposed.body.id}/decline`).set(second.bearer);
    expect(again.status).toBe(409);
  });

  it('lets the other parent decline and the proposer withdraw, each recorded', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const a = await t.http().post(`/api/cases/${caseId}/proposals`).set(first.bearer).send({ changes: { showReadTimes: false } }).expect(201);
    const blocked = await t.http().post(`/api/cases/${caseId}/proposals`).set(second.bearer).send({ changes: { dailyQuota: 2 } });
    expect(blocked.status).toBe(409);
    await t.http().post(`/api/cases/${caseId}/proposals/${a.body.id}/withdraw`).set(second.bearer).expect(403);
    await t.http().post(`/api/cases/${caseId}/proposals/${a.body.id}/decline`).set(second.bearer).expect(200);
    t.clock.advance(60_000);
    const b = await t.http().post(`/api/cases/${caseId}/proposals`).set(second.bearer).send({ changes: { dailyQuota: 2 } }).expect(201);
    await t.http().post(`/api/cases/${caseId}/proposals/${b.body.id}/withdraw`).set(second.bearer).expect(200);
    const settings = await t.http().get(`/api/cases/${caseId}/settings`).set(first.bearer).expect(200);
    expect(settings.body.terms).toMatchObject({ showReadTimes: true, dailyQuota: 5 });
    const history = await t.http().get(`/api/cases/${caseId}/proposals`).set(first.bearer).expect(200);
    expect(history.body.items.map((p: { status: string }) => p.status)).toEqual(['withdrawn', 'declined']);
    const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(first.bearer).expect(200);
    expect(ledger.body.items.map((e: { type: string }) => e.type).slice(-4)).toEqual(['terms.proposed', 'terms.declined', 'terms.proposed', 'terms.withdrawn']);
  });

  it.each([
    [{ dailyQuota: 0 }, 'changes.dailyQuota', 'min'],
    [{ dailyQuota: 2.5 }, 'changes.dailyQuota', 'integer'],
    [{ urgentPer30Days: 11 }, 'changes.urgentPer30Days', 'max'],
    [{ cadence: { mode: 'windows', windows: [{ weekday: 8, time: '18:00' }] } }, 'changes.cadence.windows[0].weekday', 'max'],
    [{ cadence: { mode: 'windows', windows: [{ weekday: 1, time: '25:00' }] } }, 'changes.cadence.windows[0].time', 'format'],
    [{ cadence: { mode: 'hourly' } }, 'changes.cadence.mode', 'oneOf'],
    [{ colour: 'blue' }, 'changes.colour', 'unknown'],
    [{}, 'changes', 'nonEmpty'],
    [{ dailyQuota: 5 }, 'changes', 'changesSomething'],
  ])('refuses %j naming %s and %s', async (changes, field, rule) => {
    const { caseId, first } = await createJoinedCase(t);
    const response = await t.http().post(`/api/cases/${caseId}/proposals`).set(first.bearer).send({ changes });
    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('refuses a proposal without a changes object', async () => {
    const { caseId, first } = await createJoinedCase(t);
    const response = await t.http().post(`/api/cases/${caseId}/proposals`).set(first.bearer).send({ changes: 'everything' });
    expect(response.body.details).toContainEqual(expect.objectContaining({ field: 'changes', rule: 'isObject' }));
  });

  it('answers 404 for a proposal of another case', async () => {
    const one = await createJoinedCase(t);
    const two = await createJoinedCase(t);
    const proposed = await t.http().post(`/api/cases/${one.caseId}/proposals`).set(one.first.bearer).send({ changes: { dailyQuota: 4 } }).expect(201);
    const response = await t.http().post(`/api/cases/${two.caseId}/proposals/${proposed.body.id}/accept`).set(two.second.bearer);
    expect(response.status).toBe(404);
  });
});
