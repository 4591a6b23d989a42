import { verifyLedgerChain } from '@parallel/domain';
import { createCase, createJoinedCase, invitationTokenFromMail, registerParent } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

describe('cases and invitations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a case with the default terms, recorded as the first ledger entry', async () => {
    const parent = await registerParent(t, 'Creator');
    const created = await t
      .http()
      .post('/api/cases')
      .set(parent.bearer)
      .send({ name: ' Mia and Leo ', timeZone: 'America/New_York', children: ['Mia', ' Leo '] })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'Mia and Leo',
      timeZone: 'America/New_York',
      children: ['Mia', 'Leo'],
      parents: [{ userId: parent.user.id, displayName: 'Creator', role: 'parent' }],
      terms: { urgentPer30Days: 3, showReadTimes: true, split: { firstParentBasisPoints: 5000 } },
      ledgerHead: { seq: 1 },
    });
    const ledger = await t.http().get(`/api/cases/${created.body.id}/ledger`).set(parent.bearer).expect(200);
    expect(ledger.body.items).toHaveLength(1);
    expect(ledger.body.items[0]).toMatchObject({ seq: 1, type: 'case.created', actorId: parent.user.id, payload: { name: 'Mia and Leo', timeZone: 'America/New_York' } });
    const list = await t.http().get('/api/cases').set(parent.bearer).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
  });

  it.each([
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'isTimeZone'],
    [{ timeZone: '' }, 'timeZone', 'isTimeZone'],
    [{ name: '' }, 'name', 'minLength'],
    [{ name: 'x'.repeat(101) }, 'name', 'maxLength'],
    [{ children: [] }, 'children', 'arrayMinSize'],
    [{ children: 'Mia' }, 'children', 'isArray'],
    [{ children: ['Mia', ''] }, 'children', 'minLength'],
    [{ children: Array.from({ length: 11 }, (_, i) => `Child${i}`) }, 'children', 'arrayMaxSize'],
    [{ extra: true }, 'extra', 'unknownField'],
  ])('refuses case input %j naming %s and %s', async (override, field, rule) => {
    const parent = await registerParent(t, 'Validator');
    const response = await t
      .http()
      .post('/api/cases')
      .set(parent.bearer)
      .send({ name: 'Case', timeZone: 'Europe/London', children: ['Mia'], ...override });
    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('invites by real e-mail; the link lets the other parent register and join', async () => {
    const alex = await registerParent(t, 'Alex');
    const created = await createCase(t, alex, { name: 'Alex and Sam' });
    const inviteeEmail = `sam.${Date.now()}@example.org`;
    const invited = await t.http().post(`/api/cases/${created.id}/invitations`).set(alex.bearer).send({ email: inviteeEmail.toUpperCase() }).expect(201);
    expect(invited.body).toMatchObject({ email: inviteeEmail, mailDelivered: true, replacedPending: false });

    const mail = await t.mail.waitFor(inviteeEmail, /invited you/);
    expect(mail.subject).toBe('Alex invited you to a Parallel case');
    expect(mail.text).toContain('http://parallel.test/invite/');
    const token = await invitationTokenFromMail(t, inviteeEmail);

    const preview = await t.http().get(`/api/invitations/${token}`).expect(200);
    expect(preview.body).toMatchObject({ caseName: 'Alex and Sam', invitedBy: { displayName: 'Alex' }, email: inviteeEmail });

    const sam = await t.http().post('/api/auth/register').send({ email: inviteeEmail, password: 'a long and private phrase', displayName: 'Sam' }).expect(201);
    const joined = await t.http().post(`/api/invitations/${token}/accept`).set('Authorization', `Bearer ${sam.body.token}`).expect(200);
    expect(joined.body.parents.map((p: { displayName: string }) => p.displayName)).toEqual(['Alex', 'Sam']);
    expect(joined.body.pendingInvitation).toBeNull();

    const ledger = await t.http().get(`/api/cases/${created.id}/ledger`).set('Authorization', `Bearer ${sam.body.token}`).expect(200);
    expect(ledger.body.items.map((e: { type: string }) => e.type)).toEqual(['case.created', 'invitation.created', 'case.joined']);
    expect(verifyLedgerChain(ledger.body.items, { caseId: created.id })).toMatchObject({ valid: true, headSeq: 3 });
    const verified = await t.http().get(`/api/cases/${created.id}/ledger/verify`).set(alex.bearer).expect(200);
    expect(verified.body).toMatchObject({ valid: true, count: 3, headSeq: 3 });

    // The inviter hears that the link worked: who and where, nothing else.
    const joinedMail = await t.mail.waitFor(alex.user.email, /joined your case/);
    expect(joinedMail.subject).toBe('Sam joined your case on Parallel');
    expect(joinedMail.text).toContain('Sam joined your case "Alex and Sam"');
    expect(joinedMail.text).toContain(`http://parallel.test/cases/${created.id}`);

    // The link works once.
    const again = await t.http().post(`/api/invitations/${token}/accept`).set('Authorization', `Bearer ${sam.body.token}`);
    expect(again.status).toBe(410);
    expect((await t.http().get(`/api/invitations/${token}`)).status).toBe(410);
  });

  it('lets the invited person sign in to an existing account and join', async () => {
    const alex = await registerParent(t, 'Alex');
    const sam = await registerParent(t, 'Sam');
    const created = await createCase(t, alex);
    await t.http().post(`/api/cases/${created.id}/invitations`).set(alex.bearer).send({ email: sam.user.email }).expect(201);
    const token = await invitationTokenFromMail(t, sam.user.email);
    const login = await t.http().post('/api/auth/login').send({ email: sam.user.email, password: 'correct horse battery staple' }).expect(200);
    await t.http().post(`/api/invitations/${token}/accept`).set('Authorization', `Bearer ${login.body.token}`).expect(200);
    await t.http().get(`/api/cases/${created.id}`).set(sam.bearer).expect(200);
  });

  it('refuses a third person: no invitation can be sent once both parents are in', async () => {
    const { caseId, first } = await createJoinedCase(t);
    const response = await t.http().post(`/api/cases/${caseId}/invitations`).set(first.bearer).send({ email: 'grandma@example.org' });
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/both parents/);
  });

  it('refuses a forwarded link used by someone else (403) and keeps it usable for the invitee', async () => {
    const alex = await registerParent(t, 'Alex');
    const sam = await registerParent(t, 'Sam');
    const friend = await registerParent(t, 'Friend');
    const created = await createCase(t, alex);
    await t.http().post(`/api/cases/${created.id}/invitations`).set(alex.bearer).send({ email: sam.user.email }).expect(201);
    const token = await invitationTokenFromMail(t, sam.user.email);
    const refused = await t.http().post(`/api/invitations/${token}/accept`).set(friend.bearer);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain(sam.user.email);
    await t.http().get(`/api/cases/${created.id}`).set(friend.bearer).expect(404);
    await t.http().post(`/api/invitations/${token}/accept`).set(sam.bearer).expect(200);
  });

  it('refuses an expired invitation with 410 and a replaced one with 410', async () => {
    const alex = await registerParent(t, 'Alex');
    const sam = await registerParent(t, 'Sam');
    const created = await createCase(t, alex);
    await t.http().post(`/api/cases/${created.id}/invitations`).set(alex.bearer).send({ email: sam.user.email }).expect(201);
    const firstToken = await invitationTokenFromMail(t, sam.user.email);
    const other = `sam.other.${Date.now()}@example.org`;
    const second = await t.http().post(`/api/cases/${created.id}/invitations`).set(alex.bearer).send({ email: other }).expect(201);
    // The inviter is told that the first link no longer works.
    expect(second.body.replacedPending).toBe(true);
    const replaced = await t.http().post(`/api/invitations/${firstToken}/accept`).set(sam.bearer);
    expect(replaced.status).toBe(410);
    expect(replaced.body.message).toMatch(/replaced/);

    const secondToken = await invitationTokenFromMail(t, other);
    t.clock.advance(7 * 24 * 60 * 60 * 1000 + 1);
    const expired = await t.http().get(`/api/invitations/${secondToken}`);
    expect(expired.status).toBe(410);
    expect(expired.body.message).toMatch(/expired/);
    // Replacing a link that had already expired voids nothing that worked.
    const third = await t.http().post(`/api/cases/${created.id}/invitations`).set(alex.bearer).send({ email: other }).expect(201);
    expect(third.body.replacedPending).toBe(false);
    // Sessions made before the jump stay valid for 30 days; the clock stays ahead for later tests.
  });

  it('refuses an unknown invitation token with 404', async () => {
    const parent = await registerParent(t, 'Guess');
    expect((await t.http().get('/api/invitations/not-a-real-token')).status).toBe(404);
    expect((await t.http().post('/api/invitations/not-a-real-token/accept').set(parent.bearer)).status).toBe(404);
  });

  it('refuses to invite a parent already in the case', async () => {
    const alex = await registerParent(t, 'Alex');
    const created = await createCase(t, alex);
    const response = await t.http().post(`/api/cases/${created.id}/invitations`).set(alex.bearer).send({ email: alex.user.email });
    expect(response.status).toBe(409);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'email', rule: 'notMember' })]);
  });

  it('refuses every access by a non-member with 404, as if the case did not exist', async () => {
    const { caseId } = await createJoinedCase(t);
    const outsider = await registerParent(t, 'Outsider');
    for (const [method, path] of [
      ['get', `/api/cases/${caseId}`],
      ['get', `/api/cases/${caseId}/ledger`],
      ['get', `/api/cases/${caseId}/ledger/verify`],
      ['post', `/api/cases/${caseId}/invitations`],
    ] as const) {
      const response = await t.http()[method](path).set(outsider.bearer).send({ email: 'x@example.org' });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    const list = await t.http().get('/api/cases').set(outsider.bearer).expect(200);
    expect(list.body.items).toEqual([]);
  });

  it('refuses anonymous access with 401', async () => {
    const { caseId } = await createJoinedCase(t);
    await t.http().get(`/api/cases/${caseId}`).expect(401);
    await t.http().post('/api/cases').send({ name: 'x', timeZone: 'Europe/London', children: ['A'] }).expect(401);
  });
});
