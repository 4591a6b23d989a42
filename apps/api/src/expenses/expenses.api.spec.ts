import { createJoinedCase, registerParent, agreeOnTerms, TestParent } from '../../test/support/factories';
import { connectSocket, RecordingSocket } from '../../test/support/socket-client';
import { startTestApp, TestApp } from '../../test/support/test-app';

const NOW = '2026-03-05T12:00:00.000Z';
const EXPENSE = { category: 'school', description: 'Science museum trip', incurredOn: '2026-03-04', amountMinor: 4550, currency: 'GBP' };

/** Expenses over HTTP on the real app and database: logging, answers, payments, balance, CSV, and every refusal. */
describe('expenses', () => {
  let t: TestApp;
  const sockets: RecordingSocket[] = [];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t.close();
  });
  beforeEach(() => t.clock.set(NOW));

  const logExpense = (caseId: string, parent: TestParent, body: Record<string, unknown> = {}) =>
    t.http().post(`/api/cases/${caseId}/expenses`).set(parent.bearer).send({ ...EXPENSE, ...body });
  const head = async (caseId: string, parent: TestParent) => {
    const page = await t.http().get(`/api/cases/${caseId}/ledger`).set(parent.bearer).expect(200);
    return (page.body.items as { seq: number }[]).length;
  };
  const lastEntry = async (caseId: string, parent: TestParent) => {
    const page = await t.http().get(`/api/cases/${caseId}/ledger`).set(parent.bearer).expect(200);
    return page.body.items.at(-1) as { type: string; actorId: string; payload: Record<string, unknown> };
  };

  it('logs an expense split by the case’s split, recorded in the ledger, and tells the other parent live', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const other = await connectSocket(t.url, second.token);
    sockets.push(other);
    const created = await logExpense(caseId, first).expect(201);
    expect(created.body).toMatchObject({
      loggedBy: first.user.id,
      category: 'school',
      description: 'Science museum trip',
      incurredOn: '2026-03-04',
      amountMinor: 4550,
      currency: 'GBP',
      minorDigits: 2,
      splitSource: 'case',
      shares: [
        { parentId: first.user.id, basisPoints: 5000, amountMinor: 2275 },
        { parentId: second.user.id, basisPoints: 5000, amountMinor: 2275 },
      ],
      status: 'pending',
      loggedAt: NOW,
      decidedAt: null,
      replacesExpenseId: null,
      replacedByExpenseId: null,
      receipts: [],
    });
    expect(await other.waitFor('expense.changed')).toEqual({ caseId, kind: 'expense', id: created.body.id, status: 'pending', actorId: first.user.id });
    expect(await lastEntry(caseId, second)).toMatchObject({
      type: 'expense.logged',
      actorId: first.user.id,
      payload: { expenseId: created.body.id, amountMinor: 4550, currency: 'GBP', split: { firstParentBasisPoints: 5000 }, splitSource: 'case', replacesExpenseId: null },
    });
    const list = await t.http().get(`/api/cases/${caseId}/expenses`).set(second.bearer).expect(200);
    expect(list.body).toEqual({ items: [created.body], nextCursor: null });
    expect((await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(second.bearer).expect(200)).body).toMatchObject({ valid: true });
  });

  it('takes the case’s split as agreed by proposal, and a per-expense split given as both parents’ shares', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    await agreeOnTerms(t, caseId, second, first, { split: { firstParentBasisPoints: 6000 } });
    const byCase = await logExpense(caseId, second, { amountMinor: 999 }).expect(201);
    expect(byCase.body.shares).toEqual([
      { parentId: first.user.id, basisPoints: 6000, amountMinor: 599 },
      { parentId: second.user.id, basisPoints: 4000, amountMinor: 400 },
    ]);
    const override = await logExpense(caseId, first, {
      amountMinor: 1,
      shares: [
        { parentId: second.user.id, basisPoints: 6667 },
        { parentId: first.user.id, basisPoints: 3333 },
      ],
    }).expect(201);
    expect(override.body).toMatchObject({ splitSource: 'override', shares: [{ basisPoints: 3333, amountMinor: 0 }, { basisPoints: 6667, amountMinor: 1 }] });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a zero amount', { amountMinor: 0 }, 'amountMinor', 'min'],
    ['a negative amount', { amountMinor: -100 }, 'amountMinor', 'min'],
    ['a fraction of a minor unit', { amountMinor: 45.5 }, 'amountMinor', 'isInt'],
    ['an amount as text', { amountMinor: '4550' }, 'amountMinor', 'isInt'],
    ['an unknown currency', { currency: 'XYZ' }, 'currency', 'isIn'],
    ['a lower-case currency', { currency: 'gbp' }, 'currency', 'isIn'],
    ['an unknown category', { category: 'holiday' }, 'category', 'isIn'],
    ['an empty description', { description: '' }, 'description', 'isLength'],
    ['a blank description', { description: '   ' }, 'description', 'notBlank'],
    ['a day that does not exist', { incurredOn: '2026-02-30' }, 'incurredOn', 'isDate'],
    ['a day in the future', { incurredOn: '2026-03-06' }, 'incurredOn', 'notFuture'],
    ['an unknown field', { paidBy: 'someone' }, 'paidBy', 'unknownField'],
    ['shares not adding up to 10000', { shares: 'SUM' }, 'shares', 'sum'],
    ['one share only', { shares: 'ONE' }, 'shares', 'count'],
    ['a share for a stranger', { shares: 'STRANGER' }, 'shares[1].parentId', 'parent'],
    ['a negative share', { shares: 'NEGATIVE' }, 'shares[0].basisPoints', 'min'],
    ['a fractional share', { shares: 'FRACTION' }, 'shares[0].basisPoints', 'isInt'],
  ])('refuses %s with a 400 naming field and rule, and records nothing', async (_name, body, field, rule) => {
    const { caseId, first, second } = await createJoinedCase(t);
    const shares: Record<string, unknown[]> = {
      SUM: [{ parentId: first.user.id, basisPoints: 6000 }, { parentId: second.user.id, basisPoints: 3000 }],
      ONE: [{ parentId: first.user.id, basisPoints: 10000 }],
      STRANGER: [{ parentId: first.user.id, basisPoints: 5000 }, { parentId: '00000000-0000-4000-8000-000000000000', basisPoints: 5000 }],
      NEGATIVE: [{ parentId: first.user.id, basisPoints: -1 }, { parentId: second.user.id, basisPoints: 10001 }],
      FRACTION: [{ parentId: first.user.id, basisPoints: 50.5 }, { parentId: second.user.id, basisPoints: 49.5 }],
    };
    const before = await head(caseId, first);
    const sent = typeof body.shares === 'string' ? { ...body, shares: shares[body.shares] } : body;
    const refused = await logExpense(caseId, first, sent).expect(400);
    expect(refused.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    expect(await head(caseId, first)).toBe(before);
    expect((await t.http().get(`/api/cases/${caseId}/expenses`).set(first.bearer).expect(200)).body.items).toEqual([]);
  });

  it('waits for the other parent to join before sharing expenses', async () => {
    const alone = await registerParent(t, 'Alone');
    const created = await t.http().post('/api/cases').set(alone.bearer).send({ name: 'Case', timeZone: 'Europe/London', children: ['Mia'] }).expect(201);
    await logExpense(created.body.id, alone).expect(409);
  });

  it('lets only the other parent approve, once; approving one’s own is refused and changes nothing', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const { body: expense } = await logExpense(caseId, first).expect(201);
    const before = await head(caseId, first);
    const own = await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/approve`).set(first.bearer).expect(403);
    expect(own.body.message).toMatch(/cannot answer your own/);
    expect(await head(caseId, first)).toBe(before);
    t.clock.set('2026-03-05T13:00:00.000Z');
    const approved = await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/approve`).set(second.bearer).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedAt: '2026-03-05T13:00:00.000Z', decidedBy: second.user.id });
    expect(await lastEntry(caseId, first)).toMatchObject({ type: 'expense.approved', actorId: second.user.id, payload: { expenseId: expense.id } });
    await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/approve`).set(second.bearer).expect(409);
    await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/dispute`).set(second.bearer).send({ reason: 'Changed my mind' }).expect(409);
    await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/withdraw`).set(first.bearer).expect(409);
    await t.http().post(`/api/cases/${caseId}/expenses/00000000-0000-4000-8000-000000000000/approve`).set(second.bearer).expect(404);
  });

  it('answers a dispute with a correction that references the first expense, editing nothing; or by withdrawing', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const { body: expense } = await logExpense(caseId, first).expect(201);
    await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/dispute`).set(second.bearer).send({}).expect(400);
    await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/dispute`).set(first.bearer).send({ reason: 'x' }).expect(403);
    const disputed = await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/dispute`).set(second.bearer).send({ reason: 'The receipt says 40.50' }).expect(200);
    expect(disputed.body).toMatchObject({ status: 'disputed', disputeReason: 'The receipt says 40.50', decidedBy: second.user.id });
    await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/resubmit`).set(second.bearer).send({ ...EXPENSE, amountMinor: 4050 }).expect(403);
    await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/resubmit`).set(first.bearer).send({ ...EXPENSE, amountMinor: 0 }).expect(400);
    const corrected = await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/resubmit`).set(first.bearer).send({ ...EXPENSE, amountMinor: 4050 }).expect(201);
    expect(corrected.body).toMatchObject({ status: 'pending', amountMinor: 4050, replacesExpenseId: expense.id });
    expect(await lastEntry(caseId, second)).toMatchObject({ type: 'expense.logged', payload: { expenseId: corrected.body.id, replacesExpenseId: expense.id, amountMinor: 4050 } });
    const old = await t.http().get(`/api/cases/${caseId}/expenses/${expense.id}`).set(second.bearer).expect(200);
    expect(old.body).toMatchObject({ status: 'resubmitted', amountMinor: 4550, disputeReason: 'The receipt says 40.50', replacedByExpenseId: corrected.body.id });
    await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/resubmit`).set(first.bearer).send(EXPENSE).expect(409);

    await t.http().post(`/api/cases/${caseId}/expenses/${corrected.body.id}/dispute`).set(second.bearer).send({ reason: 'Still wrong' }).expect(200);
    await t.http().post(`/api/cases/${caseId}/expenses/${corrected.body.id}/withdraw`).set(second.bearer).expect(403);
    const withdrawn = await t.http().post(`/api/cases/${caseId}/expenses/${corrected.body.id}/withdraw`).set(first.bearer).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', disputeReason: 'Still wrong', closedAt: NOW });

    const disputedOnly = await t.http().get(`/api/cases/${caseId}/expenses?status=withdrawn`).set(first.bearer).expect(200);
    expect(disputedOnly.body.items.map((e: { id: string }) => e.id)).toEqual([corrected.body.id]);
    await t.http().get(`/api/cases/${caseId}/expenses?status=lost`).set(first.bearer).expect(400);
    await t.http().get(`/api/cases/${caseId}/expenses?from=2026-03-05&to=2026-03-01`).set(first.bearer).expect(400);
    expect((await t.http().get(`/api/cases/${caseId}/expenses?from=2026-03-05`).set(first.bearer).expect(200)).body.items).toEqual([]);
  });

  it('keeps the expense, payment and receipt tables in agreement with the ledger, and verification notices a row behind its back', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const expense = (await logExpense(caseId, first).expect(201)).body;
    await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/receipts`).set(first.bearer).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'r.pdf').expect(201);
    await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/dispute`).set(second.bearer).send({ reason: 'Too much' }).expect(200);
    const corrected = (await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/resubmit`).set(first.bearer).send({ ...EXPENSE, amountMinor: 4000 }).expect(201)).body;
    await t.http().post(`/api/cases/${caseId}/expenses/${corrected.id}/approve`).set(second.bearer).expect(200);
    const pendingOne = (await logExpense(caseId, second).expect(201)).body;
    await t.http().post(`/api/cases/${caseId}/expenses/${pendingOne.id}/withdraw`).set(second.bearer).expect(200);
    const payment = (await t.http().post(`/api/cases/${caseId}/payments`).set(second.bearer).send({ amountMinor: 2000, currency: 'GBP', paidOn: '2026-03-05', method: 'cash' }).expect(201)).body;
    await t.http().post(`/api/cases/${caseId}/payments/${payment.id}/proofs`).set(second.bearer).attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'p.pdf').expect(201);
    await t.http().post(`/api/cases/${caseId}/payments/${payment.id}/confirm`).set(first.bearer).expect(200);
    expect((await t.http().get(`/api/cases/${caseId}/balance`).set(first.bearer).expect(200)).body.balances).toEqual([]);
    for (const parent of [first, second]) {
      expect((await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(parent.bearer).expect(200)).body).toMatchObject({ valid: true });
    }
    // Bytes of a stored receipt changed by someone who turned the triggers off: verification notices.
    await t.query(`ALTER TABLE receipt_chunks DISABLE TRIGGER receipt_chunks_append_only`);
    await t.query(`UPDATE receipt_chunks SET data = '\\x25504446' WHERE receipt_id IN (SELECT id FROM receipts WHERE case_id = $1 AND expense_id IS NOT NULL)`, [caseId]);
    const tampered = await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(second.bearer).expect(200);
    expect(tampered.body).toMatchObject({ valid: false, reason: expect.stringContaining('receipts table disagrees') });
    await t.query(`UPDATE receipt_chunks SET data = $2 WHERE receipt_id IN (SELECT id FROM receipts WHERE case_id = $1 AND expense_id IS NOT NULL)`, [caseId, Buffer.from('%PDF-1.4\n%%EOF\n')]);
    await t.query(`ALTER TABLE receipt_chunks ENABLE TRIGGER receipt_chunks_append_only`);
    expect((await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(second.bearer).expect(200)).body).toMatchObject({ valid: true });
    await t.query(
      `INSERT INTO expenses (id, case_id, logged_by, category, description, incurred_on, amount_minor, currency, first_parent_basis_points, split_source, status, logged_at, ledger_seq)
       VALUES ('00000000-0000-4000-8000-00000000e0e0', $1, $2, 'other', 'Slipped in', '2026-03-01', 100000, 'GBP', 5000, 'case', 'approved', now(), 1)`,
      [caseId, first.user.id],
    );
    const verified = await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(second.bearer).expect(200);
    expect(verified.body).toMatchObject({ valid: false, reason: expect.stringContaining('expenses table disagrees') });
  });

  it('refuses in the database to edit an expense’s facts or delete it', async () => {
    const { caseId, first } = await createJoinedCase(t);
    const { body: expense } = await logExpense(caseId, first).expect(201);
    await expect(t.query('UPDATE expenses SET amount_minor = 1 WHERE id = $1', [expense.id])).rejects.toThrow(/expenses/);
    await expect(t.query('DELETE FROM expenses WHERE id = $1', [expense.id])).rejects.toThrow(/DELETE is not allowed/);
  });

  it('records partial payments that count once the parent paid confirms them; the balance per currency follows', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const { body: expense } = await logExpense(caseId, first, { amountMinor: 4551 }).expect(201);
    expect((await t.http().get(`/api/cases/${caseId}/balance`).set(first.bearer).expect(200)).body).toEqual({ balances: [] });
    await t.http().post(`/api/cases/${caseId}/expenses/${expense.id}/approve`).set(second.bearer).expect(200);
    // 4551 halved: 2275.5 rounds to the even 2276 for the first parent, so the second owes 2275.
    expect((await t.http().get(`/api/cases/${caseId}/balance`).set(second.bearer).expect(200)).body).toEqual({
      balances: [{ currency: 'GBP', minorDigits: 2, fromParentId: second.user.id, toParentId: first.user.id, amountMinor: 2275 }],
    });
    const other = await connectSocket(t.url, first.token);
    sockets.push(other);
    const payment = await t.http().post(`/api/cases/${caseId}/payments`).set(second.bearer).send({ amountMinor: 1000, currency: 'GBP', paidOn: '2026-03-05', method: 'bank_transfer', reference: 'MIA SCHOOL' }).expect(201);
    expect(payment.body).toMatchObject({ paidBy: second.user.id, paidTo: first.user.id, amountMinor: 1000, status: 'recorded', confirmedAt: null, proofs: [] });
    expect(await other.waitFor('expense.changed', (p: { kind: string }) => p.kind === 'payment')).toMatchObject({ kind: 'payment', id: payment.body.id, status: 'recorded' });
    expect((await t.http().get(`/api/cases/${caseId}/balance`).set(first.bearer).expect(200)).body.balances[0].amountMinor).toBe(2275);
    await t.http().post(`/api/cases/${caseId}/payments/${payment.body.id}/confirm`).set(second.bearer).expect(403);
    const confirmed = await t.http().post(`/api/cases/${caseId}/payments/${payment.body.id}/confirm`).set(first.bearer).expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedAt: NOW });
    await t.http().post(`/api/cases/${caseId}/payments/${payment.body.id}/confirm`).set(first.bearer).expect(409);
    expect(await lastEntry(caseId, second)).toMatchObject({ type: 'payment.confirmed', actorId: first.user.id, payload: { paymentId: payment.body.id } });
    expect((await t.http().get(`/api/cases/${caseId}/balance`).set(first.bearer).expect(200)).body.balances).toEqual([
      { currency: 'GBP', minorDigits: 2, fromParentId: second.user.id, toParentId: first.user.id, amountMinor: 1275 },
    ]);
    const payments = await t.http().get(`/api/cases/${caseId}/payments`).set(first.bearer).expect(200);
    expect(payments.body).toEqual({ items: [confirmed.body], nextCursor: null });
    for (const bad of [{ amountMinor: 0 }, { amountMinor: 1.5 }, { currency: 'ABC' }, { method: 'bitcoin' }, { paidOn: '2026-03-07' }]) {
      await t.http().post(`/api/cases/${caseId}/payments`).set(second.bearer).send({ amountMinor: 1000, currency: 'GBP', paidOn: '2026-03-05', method: 'cash', ...bad }).expect(400);
    }
  });

  it('keeps currencies apart, with 0 and 3 decimals, and splits one minor unit at 3333/6667 exactly', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const approve = async (id: string) => t.http().post(`/api/cases/${caseId}/expenses/${id}/approve`).set(second.bearer).expect(200);
    const shares = (firstBp: number) => [{ parentId: first.user.id, basisPoints: firstBp }, { parentId: second.user.id, basisPoints: 10000 - firstBp }];
    const yen = await logExpense(caseId, first, { amountMinor: 1001, currency: 'JPY', shares: shares(3333) }).expect(201);
    expect(yen.body).toMatchObject({ minorDigits: 0, shares: [{ amountMinor: 334 }, { amountMinor: 667 }] });
    const dinar = await logExpense(caseId, first, { amountMinor: 1, currency: 'KWD', shares: shares(3333) }).expect(201);
    expect(dinar.body).toMatchObject({ minorDigits: 3, shares: [{ amountMinor: 0 }, { amountMinor: 1 }] });
    await approve(yen.body.id);
    await approve(dinar.body.id);
    expect((await t.http().get(`/api/cases/${caseId}/balance`).set(first.bearer).expect(200)).body.balances).toEqual([
      { currency: 'JPY', minorDigits: 0, fromParentId: second.user.id, toParentId: first.user.id, amountMinor: 667 },
      { currency: 'KWD', minorDigits: 3, fromParentId: second.user.id, toParentId: first.user.id, amountMinor: 1 },
    ]);
  });

  it('exports expenses and payments of a range as RFC 4180 CSV, amounts in major units', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    await logExpense(caseId, first, { incurredOn: '2026-02-27', description: 'Before the range' }).expect(201);
    await logExpense(caseId, first, { incurredOn: '2026-03-02', description: 'Shoes, size "32"\nand socks', category: 'clothing', amountMinor: 3999 }).expect(201);
    await logExpense(caseId, second, { incurredOn: '2026-03-03', description: '=HYPERLINK("x")', amountMinor: 1500, currency: 'JPY' }).expect(201);
    await t.http().post(`/api/cases/${caseId}/payments`).set(second.bearer).send({ amountMinor: 5, currency: 'KWD', paidOn: '2026-03-04', method: 'cash' }).expect(201);
    const csv = await t.http().get(`/api/cases/${caseId}/expenses.csv?from=2026-03-01&to=2026-03-31`).set(first.bearer).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="expenses-2026-03-01-to-2026-03-31.csv"');
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('Type,Date,Category or method,Description or reference,Amount,Currency,Paid by,Paid to,Share of Alex,Share of Sam,Status,Recorded at,Id,Replaces');
    expect(lines[1]).toMatch(/^expense,2026-03-02,clothing,"Shoes, size ""32""\nand socks",39\.99,GBP,Alex,,20\.00,19\.99,pending,2026-03-05T12:00:00\.000Z,[0-9a-f-]{36},$/);
    expect(csv.text).toContain(`expense,2026-03-03,school,"'=HYPERLINK(""x"")",1500,JPY,Sam,,750,750,pending`);
    expect(csv.text).toContain('payment,2026-03-04,cash,,0.005,KWD,Sam,Alex,,,recorded');
    expect(csv.text).not.toContain('Before the range');
    expect(csv.text.endsWith('\r\n')).toBe(true);
    await t.http().get(`/api/cases/${caseId}/expenses.csv?from=2026-13-01`).set(first.bearer).expect(400);
  });

  it('refuses strangers and parents of other cases on every expense route, with real ids', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const other = await createJoinedCase(t);
    const stranger = await registerParent(t, 'Stranger');
    const { body: expense } = await logExpense(caseId, first).expect(201);
    const { body: payment } = await t.http().post(`/api/cases/${caseId}/payments`).set(second.bearer).send({ amountMinor: 100, currency: 'GBP', paidOn: '2026-03-05', method: 'cash' }).expect(201);
    const before = await head(caseId, first);
    const base = `/api/cases/${caseId}`;
    const calls: [string, string, Record<string, unknown>?][] = [
      ['POST', `${base}/expenses`, EXPENSE],
      ['GET', `${base}/expenses`],
      ['GET', `${base}/expenses/${expense.id}`],
      ['GET', `${base}/expenses.csv`],
      ['GET', `${base}/balance`],
      ['POST', `${base}/expenses/${expense.id}/approve`],
      ['POST', `${base}/expenses/${expense.id}/dispute`, { reason: 'no' }],
      ['POST', `${base}/expenses/${expense.id}/withdraw`],
      ['POST', `${base}/expenses/${expense.id}/resubmit`, EXPENSE],
      ['POST', `${base}/payments`, { amountMinor: 100, currency: 'GBP', paidOn: '2026-03-05', method: 'cash' }],
      ['GET', `${base}/payments`],
      ['POST', `${base}/payments/${payment.id}/confirm`],
    ];
    for (const outsider of [stranger, other.first]) {
      for (const [method, url, body] of calls) {
        const request = method === 'GET' ? t.http().get(url) : t.http().post(url).send(body ?? {});
        const response = await request.set(outsider.bearer);
        expect({ method, url, status: response.status }).toEqual({ method, url, status: 404 });
      }
    }
    for (const [method, url, body] of calls) {
      const response = await (method === 'GET' ? t.http().get(url) : t.http().post(url).send(body ?? {}));
      expect({ method, url, status: response.status }).toEqual({ method, url, status: 401 });
    }
    expect(await head(caseId, first)).toBe(before);
  });
});
