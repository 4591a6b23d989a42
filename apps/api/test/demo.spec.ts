import { seedDemo } from '../src/demo';
import { startTestApp, TestApp } from './support/test-app';

/** `npm run demo`: a case worth opening, recorded through the real services, and only once. */
describe('the demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-11-12T15:00:00.000Z'); // a Thursday afternoon, before Sam's 18:00 window
  });
  afterAll(() => t.close());

  const signIn = async (email: string) =>
    (await t.http().post('/api/auth/login').send({ email, password: 'grey-rock-demo-2026' }).expect(200)).body as { token: string; user: { id: string } };

  it('seeds four weeks of a case with every kind of fact, verifiable, and adds nothing the second time', async () => {
    await seedDemo(t.app, 'http://parallel.test');
    expect(t.clock.now().toISOString()).toBe('2026-11-12T15:00:00.000Z');
    const alex = await signIn('alex@demo.parallel.localhost');
    const sam = await signIn('sam@demo.parallel.localhost');
    const bearer = (who: { token: string }) => ({ Authorization: `Bearer ${who.token}` });
    const cases = (await t.http().get('/api/cases').set(bearer(alex)).expect(200)).body.items as { id: string; name: string }[];
    expect(cases.map((c) => c.name)).toEqual(['Alex and Sam (demo)']);
    const caseId = cases[0]!.id;

    const counts = await t.query<{ sent_by_alex: string; sent_by_sam: string; read: string; held: string; held_back: string }>(
      `SELECT (SELECT count(*) FROM messages WHERE case_id = $1 AND sender_id = $2) AS sent_by_alex,
              (SELECT count(*) FROM messages WHERE case_id = $1 AND sender_id = $3) AS sent_by_sam,
              (SELECT count(*) FROM messages WHERE case_id = $1 AND first_read_at IS NOT NULL) AS read,
              (SELECT count(*) FROM messages WHERE case_id = $1 AND released_at IS NULL) AS held,
              (SELECT count(*) FROM held_back_attempts WHERE case_id = $1) AS held_back`,
      [caseId, alex.user.id, sam.user.id],
    );
    const row = counts[0]!;
    expect(Number(row.sent_by_alex)).toBeGreaterThan(10);
    expect(Number(row.sent_by_sam)).toBeGreaterThan(5);
    expect(Number(row.read)).toBeGreaterThan(5);
    expect(Number(row.held)).toBeGreaterThanOrEqual(1);
    expect(Number(row.held_back)).toBe(4);

    const settings = (await t.http().get(`/api/cases/${caseId}/settings`).set(bearer(sam)).expect(200)).body;
    expect(settings.pendingProposal).toMatchObject({ proposedBy: sam.user.id, status: 'pending', changes: { showReadTimes: false } });
    const inbox = (userId: string) => settings.inboxes.find((i: { userId: string }) => i.userId === userId);
    expect(inbox(sam.user.id)).toMatchObject({ inForce: { dailyQuota: 3, cadence: { mode: 'windows' } }, pending: null });
    expect(inbox(alex.user.id)).toMatchObject({ inForce: { dailyQuota: 5 }, pending: { terms: { dailyQuota: 4 } } });
    expect((await t.http().get(`/api/cases/${caseId}/held-back/summary`).set(bearer(sam)).expect(200)).body.other.total).toBe(4);
    // Expenses in several states, a receipt, payments confirmed and waiting, a balance in two currencies.
    const expenses = (await t.http().get(`/api/cases/${caseId}/expenses?limit=100`).set(bearer(sam)).expect(200)).body.items as { status: string; receipts: unknown[] }[];
    expect(expenses.map((expense) => expense.status).sort()).toEqual(['approved', 'approved', 'approved', 'approved', 'pending', 'resubmitted', 'withdrawn']);
    expect(expenses.filter((expense) => expense.receipts.length === 1)).toHaveLength(1);
    const payments = (await t.http().get(`/api/cases/${caseId}/payments`).set(bearer(sam)).expect(200)).body.items as { status: string }[];
    expect(payments.map((payment) => payment.status).sort()).toEqual(['confirmed', 'recorded']);
    expect((await t.http().get(`/api/cases/${caseId}/balance`).set(bearer(alex)).expect(200)).body.balances).toEqual([
      { currency: 'EUR', minorDigits: 2, fromParentId: sam.user.id, toParentId: alex.user.id, amountMinor: 6000 },
      { currency: 'GBP', minorDigits: 2, fromParentId: alex.user.id, toParentId: sam.user.id, amountMinor: 4162 },
    ]);
    // The schedule: a plan agreed, check-ins at the first handovers, a trade accepted, Christmas by turns, a swap waiting for Alex.
    const plans = (await t.http().get(`/api/cases/${caseId}/schedule/plans`).set(bearer(alex)).expect(200)).body.items;
    expect(plans).toEqual([expect.objectContaining({ pattern: '2-2-5-5', proposedBy: alex.user.id, status: 'accepted' })]);
    const swaps = (await t.http().get(`/api/cases/${caseId}/swaps`).set(bearer(alex)).expect(200)).body.items;
    expect(swaps).toEqual([
      expect.objectContaining({ kind: 'give', requestedBy: sam.user.id, status: 'pending' }),
      expect.objectContaining({ kind: 'trade', requestedBy: alex.user.id, status: 'accepted' }),
    ]);
    const overrides = (await t.http().get(`/api/cases/${caseId}/schedule/overrides`).set(bearer(alex)).expect(200)).body.items;
    expect(overrides).toEqual([
      expect.objectContaining({ reason: 'Christmas', startDate: '2026-12-24', alternateYears: true, status: 'accepted' }),
    ]);
    const checkIns = await t.query<{ count: string }>('SELECT count(*) FROM schedule_check_ins WHERE case_id = $1', [caseId]);
    expect(Number(checkIns[0]!.count)).toBe(6);
    // Sam's lawyer: given access after the barrage, opened the record once and exported it.
    const accesses = (await t.http().get(`/api/cases/${caseId}/professional-access`).set(bearer(alex)).expect(200)).body.items;
    expect(accesses).toEqual([expect.objectContaining({ name: 'Priya Shah', role: 'lawyer', grantedBy: sam.user.id, status: 'active', visitCount: 1, canRevoke: false })]);
    const exportsByLawyer = await t.query<{ count: string }>('SELECT count(*) FROM exports WHERE case_id = $1 AND grant_id IS NOT NULL', [caseId]);
    expect(Number(exportsByLawyer[0]!.count)).toBe(1);
    for (const who of [alex, sam]) {
      expect((await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(bearer(who)).expect(200)).body).toMatchObject({ valid: true });
    }

    const head = (await t.http().get(`/api/cases/${caseId}`).set(bearer(alex)).expect(200)).body.ledgerHead.seq;
    await seedDemo(t.app, 'http://parallel.test');
    expect((await t.http().get('/api/cases').set(bearer(alex)).expect(200)).body.items).toHaveLength(1);
    expect((await t.http().get(`/api/cases/${caseId}`).set(bearer(alex)).expect(200)).body.ledgerHead.seq).toBe(head);
  });
});
