import ICAL from 'ical.js';
import { createCase, createJoinedCase, registerParent, type TestParent } from '../../test/support/factories';
import { connectSocket, type RecordingSocket } from '../../test/support/socket-client';
import { startTestApp, type TestApp } from '../../test/support/test-app';

/** The fixed clock: Mon 2 Nov 2026, 09:00 in London (winter time, UTC+0). */
const MONDAY_9AM = '2026-11-02T09:00:00.000Z';
const DAY = 86_400_000;

describe('the schedule API', () => {
  let t: TestApp;
  const sockets: RecordingSocket[] = [];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t.close();
  });
  beforeEach(() => t.clock.set(MONDAY_9AM));

  const head = async (caseId: string, parent: TestParent) => (await t.http().get(`/api/cases/${caseId}`).set(parent.bearer).expect(200)).body.ledgerHead.seq as number;

  async function agreedPlan(caseId: string, first: TestParent, second: TestParent, body: Record<string, unknown> = {}) {
    const proposed = await t
      .http()
      .post(`/api/cases/${caseId}/schedule/plans`)
      .set(first.bearer)
      .send({ pattern: '2-2-3', startDate: '2026-11-09', exchangeTime: '18:00', firstParentId: first.user.id, place: 'School gate', ...body })
      .expect(201);
    await t.http().post(`/api/cases/${caseId}/schedule/plans/${proposed.body.id}/accept`).set(second.bearer).expect(200);
    return proposed.body as { id: string };
  }

  const nights = (body: { days: { parentId: string | null }[] }, first: TestParent) => body.days.map((d) => (d.parentId === null ? '-' : d.parentId === first.user.id ? 'A' : 'B')).join('');

  it('a plan applies once the other parent accepts, from its start on; both steps recorded, the other parent told live', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const other = await connectSocket(t.url, second.token);
    sockets.push(other);
    const proposed = await t
      .http()
      .post(`/api/cases/${caseId}/schedule/plans`)
      .set(first.bearer)
      .send({ pattern: '2-2-3', startDate: '2026-11-09', exchangeTime: '18:00', firstParentId: first.user.id, place: 'School gate' })
      .expect(201);
    expect(proposed.body).toMatchObject({
      status: 'pending',
      pattern: '2-2-3',
      firstParentId: first.user.id,
      secondParentId: second.user.id,
      effectiveFrom: '2026-11-09T18:00:00.000Z',
      courtOrderAvailableAt: '2026-11-16T09:00:00.000Z',
      courtOrder: null,
      disputes: [],
    });
    expect(await other.waitFor('schedule.changed')).toEqual({ caseId, kind: 'plan', id: proposed.body.id, status: 'pending' });

    const before = await t.http().get(`/api/cases/${caseId}/schedule?from=2026-11-08&to=2026-11-15`).set(second.bearer).expect(200);
    expect(nights(before.body, first)).toBe('--------');
    expect(before.body.pendingPlan).toMatchObject({ id: proposed.body.id });

    const accepted = await t.http().post(`/api/cases/${caseId}/schedule/plans/${proposed.body.id}/accept`).set(second.bearer).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', decidedBy: second.user.id });

    const schedule = await t.http().get(`/api/cases/${caseId}/schedule?from=2026-11-08&to=2026-11-22`).set(first.bearer).expect(200);
    expect(nights(schedule.body, first)).toBe('-AABBAAABBAABBB');
    expect(schedule.body.exchanges[0]).toEqual({
      id: '20261111T1800Z',
      at: '2026-11-11T18:00:00.000Z',
      fromParentId: first.user.id,
      toParentId: second.user.id,
      place: 'School gate',
      source: 'plan',
      sourceId: proposed.body.id,
      checkIns: [],
    });
    expect(schedule.body.plans.map((p: { id: string }) => p.id)).toEqual([proposed.body.id]);
    expect(schedule.body.pendingPlan).toBeNull();

    const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(second.bearer).expect(200);
    expect(ledger.body.items.slice(-2).map((e: { type: string }) => e.type)).toEqual(['schedule.plan_proposed', 'schedule.plan_accepted']);
    expect((await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(first.bearer).expect(200)).body).toMatchObject({ valid: true });
  });

  it('refuses a second answer, the proposer’s own acceptance, and a plan whose start has passed', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const proposed = await t
      .http()
      .post(`/api/cases/${caseId}/schedule/plans`)
      .set(first.bearer)
      .send({ pattern: 'alternating-weeks', startDate: '2026-11-05', exchangeTime: '18:00', firstParentId: second.user.id })
      .expect(201);
    await t.http().post(`/api/cases/${caseId}/schedule/plans/${proposed.body.id}/accept`).set(first.bearer).expect(403);
    await t.http().post(`/api/cases/${caseId}/schedule/plans`).set(second.bearer).send({ pattern: '2-2-3', startDate: '2026-11-20', exchangeTime: '18:00', firstParentId: second.user.id }).expect(409);
    t.clock.set('2026-11-06T09:00:00.000Z');
    const late = await t.http().post(`/api/cases/${caseId}/schedule/plans/${proposed.body.id}/accept`).set(second.bearer).expect(409);
    expect(late.body.message).toContain('past');
    await t.http().post(`/api/cases/${caseId}/schedule/plans/${proposed.body.id}/decline`).set(second.bearer).expect(200);
    await t.http().post(`/api/cases/${caseId}/schedule/plans/${proposed.body.id}/decline`).set(second.bearer).expect(409);
  });

  it('a proposal unanswered for 14 days can be applied by its proposer as court-ordered; the other parent can dispute it', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const proposed = await t
      .http()
      .post(`/api/cases/${caseId}/schedule/plans`)
      .set(first.bearer)
      .send({ pattern: 'every-other-weekend', startDate: '2026-12-01', exchangeTime: '17:00', firstParentId: second.user.id, midweekVisit: { weekday: 3, from: '16:00', to: '19:00' } })
      .expect(201);
    const order = { orderReference: 'FD26P00123', orderDate: '2026-10-20' };
    t.clock.set('2026-11-16T08:59:00.000Z');
    await t.http().post(`/api/cases/${caseId}/schedule/plans/${proposed.body.id}/court-order`).set(first.bearer).send(order).expect(409);
    t.clock.set('2026-11-16T09:00:00.000Z');
    await t.http().post(`/api/cases/${caseId}/schedule/plans/${proposed.body.id}/court-order`).set(second.bearer).send(order).expect(403);
    const future = await t.http().post(`/api/cases/${caseId}/schedule/plans/${proposed.body.id}/court-order`).set(first.bearer).send({ ...order, orderDate: '2026-12-01' }).expect(400);
    expect(future.body.details).toEqual([expect.objectContaining({ field: 'orderDate', rule: 'notFuture' })]);
    const applied = await t.http().post(`/api/cases/${caseId}/schedule/plans/${proposed.body.id}/court-order`).set(first.bearer).send(order).expect(200);
    expect(applied.body).toMatchObject({ status: 'court_ordered', courtOrder: { reference: 'FD26P00123', date: '2026-10-20' } });
    await t.http().post(`/api/cases/${caseId}/schedule/plans/${proposed.body.id}/disputes`).set(first.bearer).send({ reason: 'x' }).expect(403);
    const disputed = await t.http().post(`/api/cases/${caseId}/schedule/plans/${proposed.body.id}/disputes`).set(second.bearer).send({ reason: 'The order was appealed' }).expect(201);
    expect(disputed.body).toMatchObject({ status: 'court_ordered', disputes: [{ disputedBy: second.user.id, reason: 'The order was appealed' }] });

    const week = await t.http().get(`/api/cases/${caseId}/schedule?from=2026-12-01&to=2026-12-07`).set(second.bearer).expect(200);
    // Tue 1 Dec from 17:00: the main parent (first); Wed visit with the second; Fri 17:00 to Sun 17:00 the second's weekend.
    expect(nights(week.body, first)).toBe('AAABBAA');
    const ledger = await t.http().get(`/api/cases/${caseId}/ledger`).set(first.bearer).expect(200);
    expect(ledger.body.items.slice(-2).map((e: { type: string }) => e.type)).toEqual(['schedule.plan_court_ordered', 'schedule.plan_disputed']);
  });

  it('overrides: proposed, accepted, in force over the plan; overlaps, an end before the start and the past refused, nothing altered', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    await agreedPlan(caseId, first, second);
    const holiday = { kind: 'holiday', reason: 'Christmas', startDate: '2026-12-24', startTime: '10:00', endDate: '2026-12-26', endTime: '10:00', parentId: second.user.id, alternateYears: true };
    const created = await t.http().post(`/api/cases/${caseId}/schedule/overrides`).set(first.bearer).send(holiday).expect(201);
    expect(created.body).toMatchObject({ status: 'pending', alternateYears: true, place: '' });
    const seq = await head(caseId, first);
    for (const [body, field, rule] of [
      [{ ...holiday, startDate: '2026-12-25', endDate: '2026-12-27' }, 'startDate', 'noOverlap'],
      [{ ...holiday, startDate: '2026-12-10', endDate: '2026-12-09' }, 'endDate', 'afterStart'],
      [{ ...holiday, startDate: '2026-11-01', endDate: '2026-11-03' }, 'startDate', 'future'],
      [{ ...holiday, endDate: '2026-02-30' }, 'endDate', 'isDate'],
      [{ ...holiday, endDate: '26-12-30' }, 'endDate', 'matches'],
      [{ ...holiday, parentId: '00000000-0000-4000-8000-000000000000' }, 'parentId', 'isParent'],
      [{ ...holiday, kind: 'party' }, 'kind', 'isIn'],
    ] as const) {
      const response = await t.http().post(`/api/cases/${caseId}/schedule/overrides`).set(first.bearer).send(body);
      expect({ status: response.status, details: response.body.details }).toEqual({ status: 400, details: expect.arrayContaining([expect.objectContaining({ field, rule })]) });
    }
    expect(await head(caseId, first)).toBe(seq);
    await t.http().post(`/api/cases/${caseId}/schedule/overrides/${created.body.id}/accept`).set(second.bearer).expect(200);
    const christmas = await t.http().get(`/api/cases/${caseId}/schedule?from=2026-12-24&to=2026-12-25`).set(first.bearer).expect(200);
    expect(christmas.body.days.map((d: { parentId: string; source: string }) => [d.parentId, d.source])).toEqual([
      [second.user.id, 'override'],
      [second.user.id, 'override'],
    ]);
    const nextYear = await t.http().get(`/api/cases/${caseId}/schedule?from=2027-12-24&to=2027-12-25`).set(first.bearer).expect(200);
    expect(nextYear.body.days.map((d: { parentId: string }) => d.parentId)).toEqual([first.user.id, first.user.id]);
    expect(nextYear.body.overrides.map((o: { id: string }) => o.id)).toEqual([created.body.id]);
  });

  it('swaps: give a day, the other accepts and the calendar changes; past days refused; declines keep their reason; requests expire', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    await agreedPlan(caseId, first, second);
    // 2-2-3 from Mon 9 Nov 18:00: the first parent has Mon 9, Tue 10, Fri 13..Sun 15 nights.
    const seq = await head(caseId, first);
    for (const [body, field, rule] of [
      [{ kind: 'give', giveDates: ['2026-11-01'] }, 'giveDates[0]', 'future'],
      [{ kind: 'give', giveDates: ['2026-11-02'] }, 'giveDates[0]', 'future'],
      [{ kind: 'give', giveDates: ['2026-11-11'] }, 'giveDates[0]', 'yourDay'],
      [{ kind: 'give', giveDates: ['2026-11-31'] }, 'giveDates[0]', 'isDate'],
      [{ kind: 'trade', giveDates: ['2026-11-10'] }, 'takeDates', 'minItems'],
      [{ kind: 'give', giveDates: 'tomorrow' }, 'giveDates', 'isArray'],
    ] as const) {
      const response = await t.http().post(`/api/cases/${caseId}/swaps`).set(first.bearer).send(body);
      expect({ status: response.status, details: response.body.details }).toEqual({ status: 400, details: expect.arrayContaining([expect.objectContaining({ field, rule })]) });
    }
    expect(await head(caseId, first)).toBe(seq);

    const asked = await t.http().post(`/api/cases/${caseId}/swaps`).set(first.bearer).send({ kind: 'trade', giveDates: ['2026-11-10'], takeDates: ['2026-11-11'], note: 'Work trip' }).expect(201);
    expect(asked.body).toMatchObject({ status: 'pending', expiresAt: '2026-11-10T00:00:00.000Z', note: 'Work trip' });
    await t.http().post(`/api/cases/${caseId}/swaps/${asked.body.id}/accept`).set(first.bearer).expect(403);
    const accepted = await t.http().post(`/api/cases/${caseId}/swaps/${asked.body.id}/accept`).set(second.bearer).send({ reason: 'Fine' }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', reason: 'Fine' });
    const week = await t.http().get(`/api/cases/${caseId}/schedule?from=2026-11-09&to=2026-11-12`).set(first.bearer).expect(200);
    expect(nights(week.body, first)).toBe('ABAB');
    expect(week.body.days[1]).toMatchObject({ source: 'swap', sourceId: asked.body.id });
    expect(week.body.swaps.map((s: { id: string }) => s.id)).toEqual([asked.body.id]);

    const declined = await t.http().post(`/api/cases/${caseId}/swaps`).set(first.bearer).send({ kind: 'give', giveDates: ['2026-11-13'] }).expect(201);
    const answer = await t.http().post(`/api/cases/${caseId}/swaps/${declined.body.id}/decline`).set(second.bearer).send({ reason: 'Away that weekend' }).expect(200);
    expect(answer.body).toMatchObject({ status: 'declined', reason: 'Away that weekend' });

    const expiring = await t.http().post(`/api/cases/${caseId}/swaps`).set(first.bearer).send({ kind: 'give', giveDates: ['2026-11-14'] }).expect(201);
    t.clock.set('2026-11-14T00:00:00.000Z');
    const list = await t.http().get(`/api/cases/${caseId}/swaps`).set(second.bearer).expect(200);
    expect(list.body.items.find((s: { id: string }) => s.id === expiring.body.id)).toMatchObject({ status: 'expired' });
    const tooLate = await t.http().post(`/api/cases/${caseId}/swaps/${expiring.body.id}/accept`).set(second.bearer).expect(409);
    expect(tooLate.body.message).toContain('expired');
  });

  it('check-ins: on time, late by N minutes or missed, once per parent and exchange; recorded and shown with the exchange', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    await agreedPlan(caseId, first, second);
    t.clock.set('2026-11-11T18:30:00.000Z');
    const url = `/api/cases/${caseId}/exchanges/20261111T1800Z/check-ins`;
    const late = await t.http().post(url).set(second.bearer).send({ status: 'late', lateMinutes: 20, note: 'Arrived 18:20' }).expect(201);
    expect(late.body).toMatchObject({ exchangeId: '20261111T1800Z', exchangeAt: '2026-11-11T18:00:00.000Z', recordedBy: second.user.id, status: 'late', lateMinutes: 20 });
    await t.http().post(url).set(second.bearer).send({ status: 'on_time' }).expect(409);
    await t.http().post(url).set(first.bearer).send({ status: 'on_time' }).expect(201);
    const bad = await t.http().post(url).set(first.bearer).send({ status: 'late' });
    expect([bad.status, bad.body.details?.[0]]).toEqual([400, expect.objectContaining({ field: 'lateMinutes', rule: 'required' })]);
    await t.http().post(`/api/cases/${caseId}/exchanges/20261111T1700Z/check-ins`).set(first.bearer).send({ status: 'missed' }).expect(404);
    const malformed = await t.http().post(`/api/cases/${caseId}/exchanges/yesterday/check-ins`).set(first.bearer).send({ status: 'missed' }).expect(400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'exchangeId', rule: 'isExchangeId' })]);
    const future = await t.http().post(`/api/cases/${caseId}/exchanges/20261116T1800Z/check-ins`).set(first.bearer).send({ status: 'on_time' }).expect(400);
    expect(future.body.details).toEqual([expect.objectContaining({ field: 'exchangeId', rule: 'notYet' })]);
    const schedule = await t.http().get(`/api/cases/${caseId}/schedule?from=2026-11-11&to=2026-11-11`).set(first.bearer).expect(200);
    expect(schedule.body.exchanges[0].checkIns.map((c: { status: string }) => c.status)).toEqual(['late', 'on_time']);
  });

  it('time shares as lived and as planned, for any range up to about ten years', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    await agreedPlan(caseId, first, second, { pattern: 'alternating-weeks', startDate: '2026-11-09', exchangeTime: '00:00' });
    const swap = await t.http().post(`/api/cases/${caseId}/swaps`).set(first.bearer).send({ kind: 'give', giveDates: ['2026-11-10'] }).expect(201);
    await t.http().post(`/api/cases/${caseId}/swaps/${swap.body.id}/accept`).set(second.bearer).expect(200);
    const share = await t.http().get(`/api/cases/${caseId}/schedule/time-share?from=2026-11-09&to=2026-11-22`).set(first.bearer).expect(200);
    expect(share.body).toEqual({
      from: '2026-11-09',
      to: '2026-11-22',
      parents: [
        { parentId: first.user.id, overnights: 6, hours: 144, percent: 42.86 },
        { parentId: second.user.id, overnights: 8, hours: 192, percent: 57.14 },
      ],
      unscheduledDays: 0,
      planned: {
        parents: [
          { parentId: first.user.id, overnights: 7, hours: 168, percent: 50 },
          { parentId: second.user.id, overnights: 7, hours: 168, percent: 50 },
        ],
        unscheduledDays: 0,
      },
    });
    await t.http().get(`/api/cases/${caseId}/schedule/time-share?from=2026-11-09&to=2036-11-08`).set(first.bearer).expect(200);
  });

  it.each([
    ['from=2026-11-10&to=2026-11-09', 'to', 'notBeforeFrom'],
    ['from=2026-02-30&to=2026-03-09', 'from', 'isDate'],
    ['from=2026-11-01&to=2028-01-01', 'to', 'maxRange'],
    ['from=tomorrow&to=2026-11-09', 'from', 'matches'],
    ['to=2026-11-09', 'from', 'matches'],
  ])('refuses the range %s naming %s', async (query, field, rule) => {
    const { caseId, first } = await createJoinedCase(t);
    const response = await t.http().get(`/api/cases/${caseId}/schedule?${query}`).set(first.bearer).expect(400);
    expect(response.body.details).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('refuses plan input naming the field, and records nothing', async () => {
    const { caseId, first } = await createJoinedCase(t);
    const seq = await head(caseId, first);
    const base = { pattern: '2-2-3', startDate: '2026-11-09', exchangeTime: '18:00', firstParentId: first.user.id };
    for (const [body, field, rule] of [
      [{ ...base, startDate: '2026-11-01' }, 'startDate', 'future'],
      [{ ...base, startDate: '2026-02-30' }, 'startDate', 'isDate'],
      [{ ...base, exchangeTime: '7pm' }, 'exchangeTime', 'matches'],
      [{ ...base, pattern: 'weekly' }, 'pattern', 'isIn'],
      [{ ...base, pattern: 'custom' }, 'rotation', 'minItems'],
      [{ ...base, pattern: 'custom', rotation: [3, 0] }, 'rotation', 'min'],
      [{ ...base, firstParentId: '00000000-0000-4000-8000-000000000000' }, 'firstParentId', 'isParent'],
      [{ ...base, colour: 'red' }, 'colour', 'unknownField'],
    ] as const) {
      const response = await t.http().post(`/api/cases/${caseId}/schedule/plans`).set(first.bearer).send(body);
      expect({ status: response.status, details: response.body.details }).toEqual({ status: 400, details: expect.arrayContaining([expect.objectContaining({ field, rule })]) });
    }
    expect(await head(caseId, first)).toBe(seq);
  });

  it('computes in the case’s zone across a DST change: New York, 02:30 exchanges on the night clocks go forward', async () => {
    t.clock.set('2027-02-20T15:00:00.000Z');
    const { caseId, first, second } = await createJoinedCase(t, { timeZone: 'America/New_York' });
    const other = await connectSocket(t.url, first.token);
    sockets.push(other);
    await agreedPlan(caseId, first, second, { pattern: 'alternating-weeks', startDate: '2027-03-07', exchangeTime: '02:30' });
    const march = await t.http().get(`/api/cases/${caseId}/schedule?from=2027-03-07&to=2027-03-21`).set(first.bearer).expect(200);
    // Sun 14 Mar 2027: 02:00 EST jumps to 03:00 EDT, so 02:30 happens at 03:30 EDT (07:30 UTC).
    expect(march.body.exchanges.map((e: { at: string }) => e.at)).toEqual(['2027-03-14T07:30:00.000Z', '2027-03-21T06:30:00.000Z']);
    expect(march.body.intervals[0]).toMatchObject({ from: '2027-03-07T05:00:00.000Z', parentId: null });
    const swap = await t.http().post(`/api/cases/${caseId}/swaps`).set(second.bearer).send({ kind: 'give', giveDates: ['2027-03-15'] }).expect(201);
    expect(swap.body.expiresAt).toBe('2027-03-15T04:00:00.000Z');
    expect(await other.waitFor('schedule.changed', (event: { kind: string }) => event.kind === 'swap')).toEqual({ caseId, kind: 'swap', id: swap.body.id, status: 'pending' });
  });

  it('needs both parents for a plan', async () => {
    const alone = await registerParent(t, 'Alone');
    const created = await createCase(t, alone);
    const response = await t
      .http()
      .post(`/api/cases/${created.id}/schedule/plans`)
      .set(alone.bearer)
      .send({ pattern: '2-2-3', startDate: '2026-11-09', exchangeTime: '18:00', firstParentId: alone.user.id })
      .expect(409);
    expect(response.body.message).toContain('other parent');
  });

  it('refuses a stranger and a parent of another case on every schedule route, and changes nothing', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const plan = await agreedPlan(caseId, first, second);
    const other = await createJoinedCase(t);
    const stranger = await registerParent(t, 'Stranger');
    const seq = await head(caseId, first);
    const id = '00000000-0000-4000-8000-000000000000';
    const routes: [string, string, Record<string, unknown>?][] = [
      ['get', `/schedule?from=2026-11-09&to=2026-11-15`],
      ['get', `/schedule/time-share?from=2026-11-09&to=2026-11-15`],
      ['get', `/schedule/plans`],
      ['post', `/schedule/plans`, { pattern: '2-2-3', startDate: '2026-11-20', exchangeTime: '18:00', firstParentId: first.user.id }],
      ['post', `/schedule/plans/${plan.id}/withdraw`],
      ['post', `/schedule/plans/${plan.id}/court-order`, { orderReference: 'X', orderDate: '2026-10-01' }],
      ['post', `/schedule/plans/${plan.id}/disputes`, { reason: 'x' }],
      ['get', `/schedule/overrides`],
      ['post', `/schedule/overrides`, { kind: 'holiday', reason: 'x', startDate: '2026-12-24', startTime: '10:00', endDate: '2026-12-26', endTime: '10:00', parentId: first.user.id }],
      ['post', `/schedule/overrides/${id}/accept`],
      ['get', `/swaps`],
      ['post', `/swaps`, { kind: 'give', giveDates: ['2026-11-10'] }],
      ['post', `/swaps/${id}/accept`],
      ['post', `/exchanges/20261111T1800Z/check-ins`, { status: 'on_time' }],
      ['get', `/calendar-feed`],
      ['post', `/calendar-feed/rotate`],
    ];
    for (const caller of [other.first, stranger]) {
      for (const [method, path, body] of routes) {
        const request = method === 'get' ? t.http().get(`/api/cases/${caseId}${path}`) : t.http().post(`/api/cases/${caseId}${path}`).send(body ?? {});
        const response = await request.set(caller.bearer);
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
      }
    }
    expect(await head(caseId, first)).toBe(seq);
  });

  it('a calendar feed per parent: RFC 5545 that ical.js reads, zone and stable UIDs, exchanges with place and handover; rotating revokes it', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    await agreedPlan(caseId, first, second);
    const feed = await t.http().get(`/api/cases/${caseId}/calendar-feed`).set(first.bearer).expect(200);
    expect(feed.body.url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await t.http().get(`/api/cases/${caseId}/calendar-feed`).set(first.bearer).expect(200)).body.url).toBe(feed.body.url);
    const secondFeed = await t.http().get(`/api/cases/${caseId}/calendar-feed`).set(second.bearer).expect(200);
    expect(secondFeed.body.url).not.toBe(feed.body.url);
    const path = new URL(feed.body.url).pathname;
    const stored = await t.query<{ secret_hash: string }>('SELECT secret_hash FROM calendar_feeds WHERE case_id = $1', [caseId]);
    expect(stored.every((row) => !feed.body.url.includes(row.secret_hash))).toBe(true);

    const ics = await t.http().get(path).expect(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(ics.text));
    const vtimezone = calendar.getFirstSubcomponent('vtimezone');
    expect(vtimezone?.getFirstPropertyValue('tzid')).toBe('Europe/London');
    // Times resolve through the feed's own VTIMEZONE, as a calendar app reads them.
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
    const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    const exchange = events.find((event) => event.uid.includes('20261111T1800Z'));
    expect(exchange).toBeDefined();
    expect(exchange!.summary).toBe('Exchange: You hand over to Sam');
    expect(exchange!.location).toBe('School gate');
    expect(exchange!.startDate.toJSDate().toISOString()).toBe('2026-11-11T18:00:00.000Z');
    expect(exchange!.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/London');
    // Every exchange, in winter and in summer time alike, at the instant its id names.
    const exchanges = events.filter((event) => event.uid.startsWith('exchange-'));
    expect(exchanges.length).toBeGreaterThan(100);
    expect(exchanges.some((event) => event.uid.includes('T1700Z'))).toBe(true);
    for (const event of exchanges) {
      const id = /(\d{8}T\d{4}Z)@/.exec(event.uid)?.[1] ?? '';
      const at = `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}T${id.slice(9, 11)}:${id.slice(11, 13)}:00.000Z`;
      expect({ uid: event.uid, at: event.startDate.toJSDate().toISOString() }).toEqual({ uid: event.uid, at });
    }
    expect(events.some((event) => event.summary === 'Children with you')).toBe(true);

    const again = await t.http().get(path).expect(200);
    const uids = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
    expect(uids(again.text)).toEqual(uids(ics.text));

    const rotated = await t.http().post(`/api/cases/${caseId}/calendar-feed/rotate`).set(first.bearer).expect(200);
    expect(rotated.body.url).not.toBe(feed.body.url);
    await t.http().get(path).expect(404);
    await t.http().get(new URL(rotated.body.url).pathname).expect(200);
    await t.http().get(new URL(secondFeed.body.url).pathname).expect(200);
    await t.http().get('/api/calendar/not-a-secret.ics').expect(404);
    await t.http().get(`/api/calendar/${'A'.repeat(43)}.ics`).expect(404);
  });

  it('the database refuses to rewrite the schedule’s record: decided once, check-ins and disputes append-only, no TRUNCATE', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const plan = await agreedPlan(caseId, first, second);
    const swap = await t.http().post(`/api/cases/${caseId}/swaps`).set(first.bearer).send({ kind: 'give', giveDates: ['2026-11-10'] }).expect(201);
    // What the app does is allowed: a pending swap is decided once.
    await t.http().post(`/api/cases/${caseId}/swaps/${swap.body.id}/withdraw`).set(first.bearer).expect(200);
    t.clock.set('2026-11-11T18:05:00.000Z');
    await t.http().post(`/api/cases/${caseId}/exchanges/20261111T1800Z/check-ins`).set(first.bearer).send({ status: 'on_time' }).expect(201);
    const forbidden: [string, unknown[]][] = [
      ...['schedule_plans', 'schedule_plan_disputes', 'schedule_overrides', 'schedule_swaps', 'schedule_check_ins'].map((table): [string, unknown[]] => [`TRUNCATE ${table} CASCADE`, []]),
      ["UPDATE schedule_plans SET status = 'declined' WHERE id = $1", [plan.id]],
      ["UPDATE schedule_plans SET spec = '{}' WHERE id = $1", [plan.id]],
      ['DELETE FROM schedule_plans WHERE id = $1', [plan.id]],
      ["UPDATE schedule_swaps SET give_dates = '[\"2026-11-20\"]' WHERE id = $1", [swap.body.id]],
      ["UPDATE schedule_check_ins SET status = 'missed' WHERE case_id = $1", [caseId]],
      ['DELETE FROM schedule_check_ins WHERE case_id = $1', [caseId]],
    ];
    const allowed: string[] = [];
    for (const [sql, params] of forbidden) {
      const refused = await t.query(sql, params).then(
        () => false,
        () => true,
      );
      if (!refused) allowed.push(sql);
    }
    expect(allowed).toEqual([]);
  });

  it('keeps the whole record verifiable after every kind of schedule change', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    await agreedPlan(caseId, first, second);
    const swap = await t.http().post(`/api/cases/${caseId}/swaps`).set(first.bearer).send({ kind: 'give', giveDates: ['2026-11-10'] }).expect(201);
    await t.http().post(`/api/cases/${caseId}/swaps/${swap.body.id}/withdraw`).set(first.bearer).expect(200);
    t.clock.set(new Date(Date.parse('2026-11-11T18:05:00Z')).toISOString());
    await t.http().post(`/api/cases/${caseId}/exchanges/20261111T1800Z/check-ins`).set(first.bearer).send({ status: 'missed', note: 'No one came' }).expect(201);
    for (const parent of [first, second]) {
      expect((await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(parent.bearer).expect(200)).body).toMatchObject({ valid: true });
    }
    // A check-in slipped into the table behind the record's back is found.
    await t.query(
      `INSERT INTO schedule_check_ins (id, case_id, exchange_id, exchange_at, from_parent_id, to_parent_id, recorded_by, status, created_at)
       VALUES ($1, $2, '20261113T1800Z', '2026-11-13T18:00:00Z', $3, $4, $4, 'missed', now())`,
      ['00000000-0000-4000-8000-00000000c0de', caseId, first.user.id, second.user.id],
    );
    const tampered = await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(first.bearer).expect(200);
    expect(tampered.body).toMatchObject({ valid: false, reason: expect.stringContaining('schedule_check_ins') });
    expect(DAY).toBe(86_400_000);
  });
});
