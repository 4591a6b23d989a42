import { PROFESSIONAL_VISIT_COOKIE } from '../src/professional-access/professional-visit-cookie';
import { createJoinedCase, registerParent, sendMessage, TestParent } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

const NOW = '2026-11-02T09:00:00.000Z';
const IN_30_DAYS = '2026-12-02T09:00:00.000Z';
const ORIGIN = { Origin: 'http://parallel.test' };

interface ListedExport {
  id: string;
  ledgerSeq: number;
  requestedBy: string | null;
  grantId: string | null;
  madeBy: { kind: string; name: string; role: string | null };
  from: string | null;
  to: string | null;
  sections: string[];
  createdAt: string;
  pdfUrl: string;
  bundleUrl: string;
}

/** The list of earlier exports, for the parents and for a professional's visit. */
describe('earlier exports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(NOW));

  let counter = 0;
  const grantLawyer = async (caseId: string, parent: TestParent, expiresAt = IN_30_DAYS) => {
    counter += 1;
    const granted = await t
      .http()
      .post(`/api/cases/${caseId}/professional-access`)
      .set(parent.bearer)
      .send({ name: 'Jane Smith', email: `jane.smith.list.${counter}@lawfirm.example`, role: 'lawyer', expiresAt })
      .expect(201);
    return { grantId: (granted.body as { access: { id: string } }).access.id, secret: /\/p\/([A-Za-z0-9_-]{43})$/.exec(granted.body.url as string)?.[1] ?? '' };
  };
  /** Exchanges a link's secret for a visit, as the professional's browser does; answers the cookie to send back. */
  const openVisit = async (secret: string) => {
    const response = await t.http().post('/api/professional/visits').send({ secret }).expect(201);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((line) => line.startsWith(`${PROFESSIONAL_VISIT_COOKIE}=`));
    return { Cookie: cookie!.split(';')[0]! };
  };
  const listOf = async (caseId: string, parent: TestParent, query = '') => (await t.http().get(`/api/cases/${caseId}/exports${query}`).set(parent.bearer).expect(200)).body as { items: ListedExport[]; nextCursor: string | null };

  it('lists every export of the case to both parents, newest first, with who made it, its range and sections, and downloads that work again', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    await sendMessage(t, caseId, first, { topic: 'school', text: 'Parents’ evening Thursday 17:30, room 4.' }).expect(201);
    expect(await listOf(caseId, first)).toEqual({ items: [], nextCursor: null });

    const byAlex = await t.http().post(`/api/cases/${caseId}/exports`).set(first.bearer).send({ from: '2026-10-01', to: '2026-11-01', sections: ['messages'] }).expect(201);
    expect(byAlex.body.madeBy).toEqual({ kind: 'parent', name: 'Alex', role: null });
    t.clock.set('2026-11-03T10:00:00.000Z');
    const lawyer = await grantLawyer(caseId, second);
    const visit = await openVisit(lawyer.secret);
    const byJane = await t.http().post('/api/professional/exports').set(visit).set(ORIGIN).send({}).expect(201);
    expect(byJane.body.madeBy).toEqual({ kind: 'professional', name: 'Jane Smith', role: 'lawyer' });
    t.clock.set('2026-11-04T11:00:00.000Z');
    const bySam = await t.http().post(`/api/cases/${caseId}/exports`).set(second.bearer).send({ sections: ['held-back'] }).expect(201);

    const seen = await listOf(caseId, second);
    expect(seen.nextCursor).toBeNull();
    expect(seen.items.map((made) => made.id)).toEqual([bySam.body.id, byJane.body.id, byAlex.body.id]);
    // Each as POST gave it, the URLs the parents download through included.
    expect(seen.items).toEqual([bySam.body, { ...byJane.body, pdfUrl: `/api/cases/${caseId}/exports/${byJane.body.id}/record.pdf`, bundleUrl: `/api/cases/${caseId}/exports/${byJane.body.id}/bundle.zip` }, byAlex.body]);
    expect(seen.items[2]).toMatchObject({ requestedBy: first.user.id, grantId: null, from: '2026-10-01', to: '2026-11-01', sections: ['messages'], createdAt: NOW, madeBy: { kind: 'parent', name: 'Alex' } });
    expect(seen.items[1]).toMatchObject({ requestedBy: null, grantId: lawyer.grantId, madeBy: { kind: 'professional', name: 'Jane Smith', role: 'lawyer' } });
    expect(await listOf(caseId, first)).toEqual(seen);

    const pdf = await t.http().get(seen.items[2]!.pdfUrl).set(first.bearer).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    await t.http().get(seen.items[1]!.bundleUrl).set(second.bearer).expect(200).expect('Content-Type', 'application/zip');
  });

  it('pages the list by a cursor (50 unless asked), and refuses a bad limit or cursor naming the field', async () => {
    const { caseId, first } = await createJoinedCase(t);
    const made: string[] = [];
    for (let n = 0; n < 5; n++) made.unshift((await t.http().post(`/api/cases/${caseId}/exports`).set(first.bearer).send({}).expect(201)).body.id as string);
    const firstPage = await listOf(caseId, first, '?limit=2');
    expect(firstPage.items.map((item) => item.id)).toEqual(made.slice(0, 2));
    const secondPage = await listOf(caseId, first, `?limit=2&cursor=${firstPage.nextCursor}`);
    expect(secondPage.items.map((item) => item.id)).toEqual(made.slice(2, 4));
    const lastPage = await listOf(caseId, first, `?limit=2&cursor=${secondPage.nextCursor}`);
    expect(lastPage).toMatchObject({ items: [expect.objectContaining({ id: made[4] })], nextCursor: null });
    expect((await listOf(caseId, first)).items).toHaveLength(5);

    for (const [query, field, rule] of [
      ['?limit=0', 'limit', 'min'],
      ['?limit=101', 'limit', 'max'],
      ['?limit=ten', 'limit', 'isInt'],
      ['?cursor=abc', 'cursor', 'isInt'],
      ['?cursor=0', 'cursor', 'min'],
      ['?everything=1', 'everything', 'unknownField'],
    ] as const) {
      const refused = await t.http().get(`/api/cases/${caseId}/exports${query}`).set(first.bearer);
      expect(refused.status).toBe(400);
      expect(refused.body.details).toContainEqual(expect.objectContaining({ field, rule }));
    }
  });

  it('is only for the two parents of the case: a stranger and a parent of another case are refused, and learn nothing', async () => {
    const { caseId, first } = await createJoinedCase(t);
    await t.http().post(`/api/cases/${caseId}/exports`).set(first.bearer).send({}).expect(201);
    const stranger = await registerParent(t, 'Stranger');
    const other = await createJoinedCase(t);
    for (const outsider of [stranger, other.first]) {
      const refused = await t.http().get(`/api/cases/${caseId}/exports`).set(outsider.bearer);
      expect(refused.status).toBe(404);
      expect(JSON.stringify(refused.body)).not.toContain(caseId);
    }
    // The other case's own list does not carry this case's exports.
    expect((await listOf(other.caseId, other.first)).items).toEqual([]);
    await t.http().get(`/api/cases/${caseId}/exports`).expect(401);
  });

  it('shows a professional only the exports made with their own access, with their own download routes', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    const jane = await grantLawyer(caseId, first);
    const janeVisit = await openVisit(jane.secret);
    expect((await t.http().get('/api/professional/exports').set(janeVisit).expect(200)).body).toEqual({ items: [], nextCursor: null });

    await t.http().post(`/api/cases/${caseId}/exports`).set(first.bearer).send({}).expect(201);
    const janes = await t.http().post('/api/professional/exports').set(janeVisit).set(ORIGIN).send({ sections: ['messages'] }).expect(201);
    const other = await grantLawyer(caseId, second);
    const otherVisit = await openVisit(other.secret);
    const others = await t.http().post('/api/professional/exports').set(otherVisit).set(ORIGIN).send({}).expect(201);

    const listed = (await t.http().get('/api/professional/exports').set(janeVisit).expect(200)).body as { items: ListedExport[]; nextCursor: string | null };
    expect(listed).toEqual({ items: [janes.body], nextCursor: null });
    expect(listed.items[0]!.pdfUrl).toBe(`/api/professional/exports/${janes.body.id}/record.pdf`);
    await t.http().get(listed.items[0]!.pdfUrl).set(janeVisit).expect(200);
    expect((await t.http().get('/api/professional/exports').set(otherVisit).expect(200)).body.items.map((item: ListedExport) => item.id)).toEqual([others.body.id]);
    // The parents see all three; the visit opens no parent's list.
    expect((await listOf(caseId, second)).items).toHaveLength(3);
    await t.http().get(`/api/cases/${caseId}/exports`).set(janeVisit).expect(401);
    const badLimit = await t.http().get('/api/professional/exports?limit=500').set(janeVisit);
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.details).toContainEqual(expect.objectContaining({ field: 'limit', rule: 'max' }));
    await t.http().get('/api/professional/exports').expect(401);
  });

  it('stops listing for a professional once their access is ended or has expired', async () => {
    const { caseId, first } = await createJoinedCase(t);
    const ended = await grantLawyer(caseId, first);
    const endedVisit = await openVisit(ended.secret);
    await t.http().post('/api/professional/exports').set(endedVisit).set(ORIGIN).send({}).expect(201);
    await t.http().get('/api/professional/exports').set(endedVisit).expect(200);
    await t.http().delete(`/api/cases/${caseId}/professional-access/${ended.grantId}`).set(first.bearer).expect(200);
    const refused = await t.http().get('/api/professional/exports').set(endedVisit);
    expect(refused.status).toBe(410);
    expect(refused.body.items).toBeUndefined();

    const expiring = await grantLawyer(caseId, first, '2026-11-03T09:00:00.000Z');
    // A visit lasts 12 hours: this one is opened within the access's last hours, and ends with it.
    t.clock.set('2026-11-03T06:00:00.000Z');
    const expiringVisit = await openVisit(expiring.secret);
    await t.http().post('/api/professional/exports').set(expiringVisit).set(ORIGIN).send({}).expect(201);
    t.clock.set('2026-11-03T08:59:59.000Z');
    await t.http().get('/api/professional/exports').set(expiringVisit).expect(200);
    t.clock.set('2026-11-03T09:00:00.000Z');
    const expired = await t.http().get('/api/professional/exports').set(expiringVisit);
    expect(expired.status).toBe(410);
    expect(expired.body.items).toBeUndefined();
    // The parents still find both exports.
    expect((await listOf(caseId, first)).items.map((item) => item.madeBy)).toEqual([
      { kind: 'professional', name: 'Jane Smith', role: 'lawyer' },
      { kind: 'professional', name: 'Jane Smith', role: 'lawyer' },
    ]);
  });
});
