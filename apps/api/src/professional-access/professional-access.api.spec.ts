import { BUNDLE_FILES, verifyBundle, type BundleCrypto } from '@parallel/domain';
import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJoinedCase, registerParent, sendMessage, TestParent } from '../../test/support/factories';
import { connectSocket, RecordingSocket } from '../../test/support/socket-client';
import { startTestApp, TestApp } from '../../test/support/test-app';
import { PROFESSIONAL_VISIT_COOKIE } from './professional-visit-cookie';

const NOW = '2026-03-05T12:00:00.000Z';
const IN_30_DAYS = '2026-04-04T12:00:00.000Z';
const HOUR = 60 * 60 * 1000;
const ORIGIN = { Origin: 'http://parallel.test' };

const nodeCrypto: BundleCrypto = {
  verifyEd25519: (message, signature, pem) => verify(null, message, createPublicKey(pem), signature),
  sha256Bytes: (bytes) => createHash('sha256').update(bytes).digest('hex'),
};

/** supertest: the whole body as bytes. */
function binary(response: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Professional access over HTTP on the real app, database, SMTP listener and sockets. */
describe('professional access', () => {
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

  let counter = 0;
  const lawyer = () => {
    counter += 1;
    return { name: 'Jane Smith', email: `jane.smith.${counter}@lawfirm.example`, role: 'lawyer', expiresAt: IN_30_DAYS };
  };
  const grant = (caseId: string, parent: TestParent, body: Record<string, unknown>) => t.http().post(`/api/cases/${caseId}/professional-access`).set(parent.bearer).send(body);
  const secretOf = (url: string) => /\/p\/([A-Za-z0-9_-]{43})$/.exec(url)?.[1] ?? '';
  /** Exchanges a link's secret for a visit, as the professional's browser does; answers the cookie to send back. */
  const openVisit = async (secret: string) => {
    const response = await t.http().post('/api/professional/visits').send({ secret });
    const setCookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const cookie = setCookie.find((line) => line.startsWith(`${PROFESSIONAL_VISIT_COOKIE}=`));
    const headers: Record<string, string> = cookie ? { Cookie: cookie.split(';')[0]! } : {};
    return { response, setCookie: cookie ?? '', cookie: headers };
  };
  const entries = async (caseId: string, parent: TestParent) =>
    (await t.http().get(`/api/cases/${caseId}/ledger?limit=1000`).set(parent.bearer).expect(200)).body.items as { seq: number; type: string; actorId: string | null; payload: Record<string, unknown> }[];
  const download = (url: string, headers: Record<string, string>) =>
    t
      .http()
      .get(url)
      .set(headers)
      .buffer(true)
      .parse(binary as never);

  /** A joined case with a message each way, and Jane given access by the first parent. */
  async function caseWithLawyer() {
    const joined = await createJoinedCase(t);
    await sendMessage(t, joined.caseId, joined.first, { topic: 'school', text: 'Parents’ evening Thursday 17:30, room 4.' }).expect(201);
    await sendMessage(t, joined.caseId, joined.second, { topic: 'health', text: 'Dentist Monday 09:00.' }).expect(201);
    const body = lawyer();
    const granted = await grant(joined.caseId, joined.first, body).expect(201);
    return { ...joined, professional: body, granted: granted.body as { access: { id: string }; url: string; mailDelivered: boolean }, secret: secretOf(granted.body.url) };
  }

  it('gives access: the link mailed to the professional, the other parent mailed and told live, the grant in the record and in both parents’ lists', async () => {
    const joined = await createJoinedCase(t);
    const other = await connectSocket(t.url, joined.second.token);
    sockets.push(other);
    const body = lawyer();
    const granted = await grant(joined.caseId, joined.first, { ...body, name: '  Jane Smith ', email: body.email.toUpperCase() }).expect(201);
    expect(granted.body).toMatchObject({
      access: {
        caseId: joined.caseId,
        role: 'lawyer',
        name: 'Jane Smith',
        email: body.email,
        grantedBy: joined.first.user.id,
        grantedAt: NOW,
        expiresAt: IN_30_DAYS,
        status: 'active',
        revokedAt: null,
        visitCount: 0,
        canRevoke: true,
      },
      mailDelivered: true,
    });
    expect(granted.body.url).toMatch(/^http:\/\/parallel\.test\/p\/[A-Za-z0-9_-]{43}$/);

    const toProfessional = await t.mail.waitFor(body.email, /shared a Parallel case record with you/);
    expect(toProfessional.text).toContain(granted.body.url);
    expect(toProfessional.text).toContain('as their lawyer');
    expect(toProfessional.text).toContain('until Sat 4 Apr 2026, 13:00 (Europe/London)');
    const toOther = await t.mail.waitFor(joined.second.user.email, /gave a lawyer access to your case record/);
    expect(toOther.text).toContain('Jane Smith, lawyer');
    expect(toOther.text).toContain('read-only');
    expect(toOther.text).not.toContain(secretOf(granted.body.url));
    expect(await other.waitFor('professional_access.changed')).toEqual({ caseId: joined.caseId, grantId: granted.body.access.id, change: 'granted' });

    // The record holds the grant (never the secret), for both parents.
    const last = (await entries(joined.caseId, joined.second)).at(-1)!;
    expect(last).toMatchObject({
      type: 'professional_access.granted',
      actorId: joined.first.user.id,
      payload: { grantId: granted.body.access.id, role: 'lawyer', name: 'Jane Smith', email: body.email, expiresAt: IN_30_DAYS },
    });
    expect(JSON.stringify(await entries(joined.caseId, joined.first))).not.toContain(secretOf(granted.body.url));
    const stored = await t.query<{ secret_hash: string }>('SELECT secret_hash FROM professional_access_grants WHERE id = $1', [granted.body.access.id]);
    expect(stored[0]!.secret_hash).toBe(createHash('sha256').update(secretOf(granted.body.url)).digest('hex'));

    for (const [parent, canRevoke] of [
      [joined.first, true],
      [joined.second, false],
    ] as const) {
      const list = await t.http().get(`/api/cases/${joined.caseId}/professional-access`).set(parent.bearer).expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ id: granted.body.access.id, status: 'active', canRevoke })]);
    }
    await t.http().get(`/api/cases/${joined.caseId}/ledger/verify`).set(joined.second.bearer).expect(200, /"valid":true/);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['no end', { expiresAt: undefined }, 'expiresAt', 'isIso8601'],
    ['an end that is not a time', { expiresAt: 'next month' }, 'expiresAt', 'isIso8601'],
    ['an end in the past', { expiresAt: '2026-03-01T12:00:00.000Z' }, 'expiresAt', 'minimumDuration'],
    ['an end within the hour', { expiresAt: '2026-03-05T12:30:00.000Z' }, 'expiresAt', 'minimumDuration'],
    ['an end beyond 90 days', { expiresAt: '2026-06-04T12:00:01.000Z' }, 'expiresAt', 'maximumDuration'],
    ['an unknown role', { role: 'cousin' }, 'role', 'isIn'],
    ['no name', { name: '   ' }, 'name', 'minLength'],
    ['a name too long', { name: 'J'.repeat(101) }, 'name', 'maxLength'],
    ['an address that is not one', { email: 'jane at lawfirm' }, 'email', 'isEmail'],
    ['an unknown field', { canSend: true }, 'canSend', 'unknownField'],
  ])('refuses %s with 400 naming the field and rule, recording nothing', async (_name, change, field, rule) => {
    const { caseId, first } = await createJoinedCase(t);
    const before = (await entries(caseId, first)).length;
    const response = await grant(caseId, first, { ...lawyer(), ...change });
    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual(expect.objectContaining({ field, rule }));
    expect((await entries(caseId, first)).length).toBe(before);
  });

  it('allows exactly 90 days, and refuses a parent’s own address (409 naming email)', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    await grant(caseId, first, { ...lawyer(), expiresAt: '2026-06-03T12:00:00.000Z' }).expect(201);
    const parent = await grant(caseId, first, { ...lawyer(), email: second.user.email });
    expect(parent.status).toBe(409);
    expect(parent.body.details).toEqual([expect.objectContaining({ field: 'email', rule: 'notParent' })]);
  });

  it('is only for the parents of the case: a parent of another case and a stranger cannot give, list or end access, and learn nothing', async () => {
    const { caseId, first, granted } = await caseWithLawyer();
    const other = await createJoinedCase(t);
    const stranger = await registerParent(t, 'Stranger');
    for (const outsider of [other.first, stranger]) {
      await grant(caseId, outsider, lawyer()).expect(404);
      await t.http().get(`/api/cases/${caseId}/professional-access`).set(outsider.bearer).expect(404);
      await t.http().delete(`/api/cases/${caseId}/professional-access/${granted.access.id}`).set(outsider.bearer).expect(404);
    }
    // Another case's parents cannot reach this access through their own case either.
    await t.http().delete(`/api/cases/${other.caseId}/professional-access/${granted.access.id}`).set(other.first.bearer).expect(404);
    expect((await t.http().get(`/api/cases/${other.caseId}/professional-access`).set(other.first.bearer).expect(200)).body.items).toEqual([]);
    await t.http().get(`/api/cases/${caseId}/professional-access`).expect(401);
    expect((await t.http().get(`/api/cases/${caseId}/professional-access`).set(first.bearer).expect(200)).body.items).toHaveLength(1);
  });

  it('exchanges the link for a visit (an httpOnly cookie for the professional routes), recorded once per visit, and reads the record as the granting parent sees it', async () => {
    const { caseId, first, second, secret, granted } = await caseWithLawyer();
    const otherSocket = await connectSocket(t.url, second.token);
    sockets.push(otherSocket);
    t.clock.set('2026-03-06T09:00:00.000Z');
    const visit = await openVisit(secret);
    expect(visit.response.status).toBe(201);
    expect(visit.setCookie).toMatch(/HttpOnly/);
    expect(visit.setCookie).toMatch(/SameSite=Strict/);
    expect(visit.setCookie).toMatch(/Path=\/api\/professional(;|$)/);
    expect(visit.setCookie).toMatch(/Expires=Fri, 06 Mar 2026 21:00:00 GMT/);
    expect(visit.response.body).toMatchObject({
      professional: { name: 'Jane Smith', role: 'lawyer' },
      grantedBy: { userId: first.user.id, displayName: 'Alex' },
      expiresAt: IN_30_DAYS,
      visitExpiresAt: '2026-03-06T21:00:00.000Z',
      case: { id: caseId, name: 'Case of Mia', timeZone: 'Europe/London', children: ['Mia'], parents: [{ userId: first.user.id }, { userId: second.user.id }] },
    });
    expect(await otherSocket.waitFor('professional_access.changed', (p: { change: string }) => p.change === 'viewed')).toMatchObject({ grantId: granted.access.id });

    // Many reads, one entry: the visit is recorded, not each page.
    const headSeq = visit.response.body.case.ledgerHead.seq as number;
    for (let i = 0; i < 3; i++) {
      await t.http().get('/api/professional/visit').set(visit.cookie).expect(200);
      const page = await t.http().get('/api/professional/ledger?limit=1000').set(visit.cookie).expect(200);
      expect(page.body.items).toHaveLength(headSeq);
    }
    const all = await entries(caseId, second);
    expect(all.filter((entry) => entry.type === 'professional_access.viewed')).toEqual([
      expect.objectContaining({ seq: headSeq, actorId: null, payload: expect.objectContaining({ grantId: granted.access.id, name: 'Jane Smith', role: 'lawyer' }) }),
    ]);
    const page = (await t.http().get('/api/professional/ledger?limit=1000').set(visit.cookie).expect(200)).body.items as { seq: number; sealed: boolean }[];
    const asParent = await entries(caseId, first);
    expect(page).toEqual(asParent);
    expect((await t.http().get('/api/professional/ledger/verify').set(visit.cookie).expect(200)).body).toMatchObject({ valid: true, count: headSeq });
    // Opening the link again (another browser) is another visit, recorded again.
    await openVisit(secret).then(({ response }) => expect(response.status).toBe(201));
    expect((await entries(caseId, first)).filter((entry) => entry.type === 'professional_access.viewed')).toHaveLength(2);
    expect((await t.http().get(`/api/cases/${caseId}/professional-access`).set(first.bearer).expect(200)).body.items[0]).toMatchObject({ visitCount: 2 });
  });

  it('shows the professional the entries sealed for the granting parent, and held-back texts only when asked, like that parent', async () => {
    const { caseId, second, secret } = await caseWithLawyer();
    // Alex (first) gave the access; Sam's barrage over Alex's daily limit is sealed for Alex until asked for.
    for (let n = 0; n < 6; n++) await sendMessage(t, caseId, second, { topic: 'other', text: `Barrage ${n}` });
    const { cookie } = await openVisit(secret);
    const sealed = (await t.http().get('/api/professional/ledger?limit=1000').set(cookie).expect(200)).body.items as { sealed: boolean; type?: string }[];
    expect(sealed.filter((entry) => entry.sealed).length).toBeGreaterThan(0);
    expect(JSON.stringify(sealed)).not.toContain('Barrage 5');
    const revealed = (await t.http().get('/api/professional/ledger?limit=1000&revealHeldBack=true').set(cookie).expect(200)).body.items;
    expect(JSON.stringify(revealed)).toContain('Barrage 5');
  });

  it('can do nothing else: no sending, no settings, no parent route, no other case; its cookie opens nothing outside the professional routes', async () => {
    const { caseId, secret } = await caseWithLawyer();
    const otherCase = await caseWithLawyer();
    const { cookie } = await openVisit(secret);
    const withCookie = { ...cookie, ...ORIGIN };
    const attempts: [string, string, Record<string, unknown>?][] = [
      ['POST', `/api/cases/${caseId}/messages`, { topic: 'school', text: 'Sent by a lawyer?' }],
      ['PUT', `/api/cases/${caseId}/inbox-terms`, { cadence: { mode: 'immediate' }, dailyQuota: 9 }],
      ['POST', `/api/cases/${caseId}/proposals`, { changes: { urgentPer30Days: 9 } }],
      ['POST', `/api/cases/${caseId}/professional-access`, lawyer()],
      ['GET', `/api/cases/${caseId}/settings`],
      ['GET', `/api/cases/${caseId}`],
      ['GET', `/api/cases/${caseId}/ledger`],
      ['GET', `/api/cases/${caseId}/messages`],
      ['POST', `/api/cases/${caseId}/exports`, {}],
      ['GET', `/api/cases/${otherCase.caseId}/ledger`],
      ['GET', '/api/cases'],
      ['GET', '/api/auth/me'],
    ];
    for (const [method, path, body] of attempts) {
      const request = method === 'GET' ? t.http().get(path) : method === 'PUT' ? t.http().put(path).send(body) : t.http().post(path).send(body);
      const response = await request.set(withCookie).set('Idempotency-Key', `k-${path}`);
      expect({ route: `${method} ${path}`, status: response.status }).toEqual({ route: `${method} ${path}`, status: 401 });
    }
    // Every route of the API that is not the professional's refuses the cookie alone.
    const document = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    for (const [path, methods] of Object.entries(document.paths)) {
      if (path.startsWith('/api/professional')) continue;
      for (const method of Object.keys(methods)) {
        const url = path.replace('{caseId}', caseId).replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const response = await t.http()[method as 'get'](url).set(withCookie).send(method === 'get' || method === 'delete' ? undefined : {});
        expect({ route: `${method} ${path}`, ok: response.status < 300 || response.status >= 500 }).toEqual({ route: `${method} ${path}`, ok: ['get /api/health'].includes(`${method} ${path}`) });
      }
    }
    // The visit reads its own case only: the other case's entries never appear in it.
    const page = (await t.http().get('/api/professional/ledger?limit=1000').set(cookie).expect(200)).body.items as { caseId: string }[];
    expect(new Set(page.map((entry) => entry.caseId))).toEqual(new Set([caseId]));
    // A parent's session does not open the professional routes either.
    await t.http().get('/api/professional/ledger').set(otherCase.first.bearer).expect(401);
    // A change signed by the visit's cookie must come from the site's own pages.
    const foreign = await t.http().post('/api/professional/exports').set(cookie).set('Origin', 'https://elsewhere.example').send({});
    expect(foreign.status).toBe(403);
  });

  it('exports through the parents’ export service: the entry names the professional, the PDF and bundle are the same kind, the parents are told', async () => {
    const { caseId, first, second, secret, granted } = await caseWithLawyer();
    const otherSocket = await connectSocket(t.url, second.token);
    sockets.push(otherSocket);
    const { cookie } = await openVisit(secret);
    const made = await t.http().post('/api/professional/exports').set(cookie).set(ORIGIN).send({ sections: ['messages', 'other'] });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ caseId, requestedBy: null, grantId: granted.access.id, sections: ['messages', 'other'] });
    expect(made.body.pdfUrl).toBe(`/api/professional/exports/${made.body.id}/record.pdf`);
    expect(await otherSocket.waitFor('professional_access.changed', (p: { change: string }) => p.change === 'exported')).toMatchObject({ grantId: granted.access.id });
    const last = (await entries(caseId, second)).at(-1)!;
    expect(last).toMatchObject({
      type: 'export.made',
      actorId: null,
      payload: { exportId: made.body.id, professional: { grantId: granted.access.id, name: 'Jane Smith', role: 'lawyer' } },
    });

    const pdf = await download(made.body.pdfUrl, cookie).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bundle = await download(made.body.bundleUrl, cookie).expect(200);
    const files = new Map(Object.entries(unzipSync(new Uint8Array(bundle.body as Buffer))));
    expect(await verifyBundle(files, nodeCrypto, { expectedKeyFingerprint: made.body.keyFingerprint })).toMatchObject({ valid: true, caseId, head: { seq: made.body.ledgerSeq } });
    expect(Buffer.from(files.get(BUNDLE_FILES.pdf)!).equals(pdf.body as Buffer)).toBe(true);
    // The parents reach it through their own routes too.
    await download(`/api/cases/${caseId}/exports/${made.body.id}/record.pdf`, first.bearer).expect(200);
    try {
      const file = join(mkdtempSync(join(tmpdir(), 'export-')), 'record.pdf');
      writeFileSync(file, pdf.body as Buffer);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, ' ')).toContain('by Jane Smith, lawyer, with access given by a parent');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // poppler-utils missing: .ci/run installs it
    }
    // Another access (even of the same case) cannot download it; a parent's export is not the professional's either.
    const secondLawyer = await grant(caseId, second, lawyer()).expect(201);
    const otherVisit = await openVisit(secretOf(secondLawyer.body.url));
    await t.http().get(made.body.pdfUrl).set(otherVisit.cookie).expect(404);
    const parents = await t.http().post(`/api/cases/${caseId}/exports`).set(first.bearer).send({}).expect(201);
    await t.http().get(`/api/professional/exports/${parents.body.id}/bundle.zip`).set(cookie).expect(404);
    await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(first.bearer).expect(200, /"valid":true/);
  });

  it('is ended only by the parent who gave it: the other parent is refused, and once ended every visit and the link stop, in plain words', async () => {
    const { caseId, first, second, secret, granted, professional } = await caseWithLawyer();
    const { cookie } = await openVisit(secret);
    const refused = await t.http().delete(`/api/cases/${caseId}/professional-access/${granted.access.id}`).set(second.bearer);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Only the parent who gave this access can end it.');
    await t.http().get('/api/professional/visit').set(cookie).expect(200);

    const otherSocket = await connectSocket(t.url, second.token);
    sockets.push(otherSocket);
    t.clock.set('2026-03-07T10:00:00.000Z');
    const ended = await t.http().delete(`/api/cases/${caseId}/professional-access/${granted.access.id}`).set(first.bearer).expect(200);
    expect(ended.body).toMatchObject({ status: 'revoked', revokedAt: '2026-03-07T10:00:00.000Z', revokedBy: first.user.id, canRevoke: false });
    expect(await otherSocket.waitFor('professional_access.changed', (p: { change: string }) => p.change === 'revoked')).toMatchObject({ grantId: granted.access.id });
    expect((await entries(caseId, second)).at(-1)).toMatchObject({ type: 'professional_access.revoked', actorId: first.user.id, payload: { grantId: granted.access.id } });
    expect((await t.mail.waitFor(professional.email, /has ended/)).text).toContain('no longer opens it');

    const closed = await t.http().get('/api/professional/ledger').set(cookie);
    expect(closed.status).toBe(410);
    expect(closed.body.message).toBe('The parent who shared this record has ended your access. The link no longer opens it.');
    const again = await openVisit(secret);
    expect(again.response.status).toBe(410);
    expect(again.setCookie).toBe('');
    await t.http().delete(`/api/cases/${caseId}/professional-access/${granted.access.id}`).set(first.bearer).expect(409);
    expect((await t.http().get(`/api/cases/${caseId}/professional-access`).set(second.bearer).expect(200)).body.items[0]).toMatchObject({ status: 'revoked' });
  });

  it('expires: the link and the visits stop at the end, in plain words; an expired access cannot be ended again', async () => {
    const { caseId, first } = await createJoinedCase(t);
    const granted = await grant(caseId, first, { ...lawyer(), expiresAt: '2026-03-06T12:00:00.000Z' }).expect(201);
    t.clock.set('2026-03-06T06:00:00.000Z');
    const { cookie, setCookie } = await openVisit(secretOf(granted.body.url));
    // The visit ends with the access, before its 12 hours.
    expect(setCookie).toMatch(/Expires=Fri, 06 Mar 2026 12:00:00 GMT/);
    t.clock.set('2026-03-06T11:59:59.000Z');
    await t.http().get('/api/professional/visit').set(cookie).expect(200);
    t.clock.set('2026-03-06T12:00:00.000Z');
    const closed = await t.http().get('/api/professional/visit').set(cookie);
    expect(closed.status).toBe(410);
    expect(closed.body.message).toMatch(/^Your access to this record has expired/);
    expect((await openVisit(secretOf(granted.body.url))).response.status).toBe(410);
    const list = await t.http().get(`/api/cases/${caseId}/professional-access`).set(first.bearer).expect(200);
    expect(list.body.items[0]).toMatchObject({ status: 'expired', canRevoke: false });
    await t.http().delete(`/api/cases/${caseId}/professional-access/${granted.body.access.id}`).set(first.bearer).expect(409);
  });

  it('closes a visit after 12 hours or when asked; the link opens a new one (recorded again)', async () => {
    const { caseId, first, secret } = await caseWithLawyer();
    const first12 = await openVisit(secret);
    t.clock.set(new Date(Date.parse(NOW) + 12 * HOUR));
    expect((await t.http().get('/api/professional/visit').set(first12.cookie)).status).toBe(401);
    const next = await openVisit(secret);
    expect(next.response.status).toBe(201);
    await t.http().delete('/api/professional/visit').set(next.cookie).set(ORIGIN).expect(204);
    const after = await t.http().get('/api/professional/visit').set(next.cookie);
    expect(after.status).toBe(401);
    expect(after.body.message).toMatch(/Open the link from your e-mail again/);
    expect((await entries(caseId, first)).filter((entry) => entry.type === 'professional_access.viewed')).toHaveLength(2);
  });

  it('refuses an unknown or malformed link, and an anonymous caller, in plain words', async () => {
    const unknown = await t.http().post('/api/professional/visits').send({ secret: 'A'.repeat(43) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/This link is not valid/);
    const malformed = await t.http().post('/api/professional/visits').send({ secret: 'short' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([expect.objectContaining({ field: 'secret', rule: 'matches' })]);
    const anonymous = await t.http().get('/api/professional/ledger');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.message).toMatch(/Open the link from your e-mail again/);
    await t.http().get('/api/professional/visit').set({ Cookie: `${PROFESSIONAL_VISIT_COOKIE}=forged` }).expect(401);
  });

  it('keeps its tables as the record says: the database refuses rewrites, and verification names a table changed behind its back', async () => {
    const { caseId, first, secret, granted } = await caseWithLawyer();
    await openVisit(secret);
    const forbidden: [string, string][] = [
      ['TRUNCATE grants', 'TRUNCATE professional_access_grants CASCADE'],
      ['TRUNCATE visits', 'TRUNCATE professional_visits CASCADE'],
      ['DELETE a grant', `DELETE FROM professional_access_grants WHERE id = '${granted.access.id}'`],
      ['lengthen a grant', `UPDATE professional_access_grants SET expires_at = expires_at + interval '1 year' WHERE id = '${granted.access.id}'`],
      ['readdress a grant', `UPDATE professional_access_grants SET email = 'x@example.org' WHERE id = '${granted.access.id}'`],
      ['DELETE a visit', `DELETE FROM professional_visits WHERE grant_id = '${granted.access.id}'`],
      ['move a visit', `UPDATE professional_visits SET opened_at = now() WHERE grant_id = '${granted.access.id}'`],
    ];
    for (const [name, sql] of forbidden) {
      const refused = await t.query(sql).then(
        () => false,
        (error: Error) => /not allowed|only/.test(error.message),
      );
      expect({ name, refused }).toEqual({ name, refused: true });
    }
    await t.query('ALTER TABLE professional_access_grants DISABLE TRIGGER professional_access_grants_ended_once');
    try {
      await t.query(`UPDATE professional_access_grants SET expires_at = expires_at + interval '1 year' WHERE id = $1`, [granted.access.id]);
      const check = await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(first.bearer).expect(200);
      expect(check.body).toMatchObject({ valid: false, reason: expect.stringMatching(/professional_access_grants table disagrees with entry \d+ \(expiresAt\)/) });
    } finally {
      await t.query(`UPDATE professional_access_grants SET expires_at = expires_at - interval '1 year' WHERE id = $1`, [granted.access.id]);
      await t.query('ALTER TABLE professional_access_grants ENABLE TRIGGER professional_access_grants_ended_once');
    }
    await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(first.bearer).expect(200, /"valid":true/);
  });

  it('limits how many openings of one link a day go into the record', async () => {
    const { secret } = await caseWithLawyer();
    for (let n = 0; n < 30; n++) expect((await openVisit(secret)).response.status).toBe(201);
    const over = await openVisit(secret);
    expect(over.response.status).toBe(429);
    expect(over.response.body.retryAt).toBeDefined();
  });
});
