import type { TestApp } from './test-app';

export interface TestParent {
  token: string;
  user: { id: string; email: string; displayName: string };
  bearer: { Authorization: string };
}

let counter = 0;
export const STRONG_PASSWORD = 'correct horse battery staple';

export async function registerParent(t: TestApp, displayName = 'Parent'): Promise<TestParent> {
  counter += 1;
  const email = `${displayName.toLowerCase().replace(/\W+/g, '')}.${counter}.${Date.now()}@example.org`;
  // Each parent from their own network address, as in life; registrations are throttled per address.
  const address = `198.18.${Math.floor(counter / 250) % 250}.${(counter % 250) + 1}`;
  const response = await t.http().post('/api/auth/register').set('X-Forwarded-For', address).send({ email, password: STRONG_PASSWORD, displayName });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { ...response.body, bearer: { Authorization: `Bearer ${response.body.token}` } } as TestParent;
}

export async function createCase(t: TestApp, parent: TestParent, body: Record<string, unknown> = {}) {
  const response = await t
    .http()
    .post('/api/cases')
    .set(parent.bearer)
    .send({ name: 'Case of Mia', timeZone: 'Europe/London', children: ['Mia'], ...body });
  if (response.status !== 201) throw new Error(`create case failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { id: string; name: string; ledgerHead: { seq: number; hash: string } };
}

/** The invitation link from the mail the invitee received over SMTP. */
export async function invitationTokenFromMail(t: TestApp, email: string): Promise<string> {
  const mail = await t.mail.waitFor(email, /invited you/);
  const match = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '');
  if (!match) throw new Error(`no invitation link in mail: ${mail.text}`);
  return match[1]!;
}

/** Two parents sharing a case, joined through the real invitation mail. */
export async function createJoinedCase(t: TestApp, caseBody: Record<string, unknown> = {}) {
  const first = await registerParent(t, 'Alex');
  const second = await registerParent(t, 'Sam');
  const created = await createCase(t, first, caseBody);
  const invited = await t.http().post(`/api/cases/${created.id}/invitations`).set(first.bearer).send({ email: second.user.email });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const token = await invitationTokenFromMail(t, second.user.email);
  const accepted = await t.http().post(`/api/invitations/${token}/accept`).set(second.bearer);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { caseId: created.id, first, second };
}

let keyCounter = 0;
/** A fresh Idempotency-Key per send, as a client would make. */
export function newKey(): string {
  keyCounter += 1;
  return `test-key-${process.pid}-${Date.now()}-${keyCounter}`;
}

export function sendMessage(t: TestApp, caseId: string, parent: TestParent, body: Record<string, unknown>, key = newKey()) {
  return t.http().post(`/api/cases/${caseId}/messages`).set(parent.bearer).set('Idempotency-Key', key).send(body);
}

/** Proposes changes of terms as `proposer` and accepts them as `accepter`. */
export async function agreeOnTerms(t: TestApp, caseId: string, proposer: TestParent, accepter: TestParent, changes: Record<string, unknown>) {
  const proposed = await t.http().post(`/api/cases/${caseId}/proposals`).set(proposer.bearer).send({ changes });
  if (proposed.status !== 201) throw new Error(`proposal failed: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  const accepted = await t.http().post(`/api/cases/${caseId}/proposals/${proposed.body.id}/accept`).set(accepter.bearer);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return accepted.body;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `parent` sets the terms of their own inbox; answers the 202 body (pending until its effectiveAt). */
export async function setInboxTerms(t: TestApp, caseId: string, parent: TestParent, terms: Record<string, unknown>) {
  const response = await t.http().put(`/api/cases/${caseId}/inbox-terms`).set(parent.bearer).send(terms);
  if (response.status !== 202) throw new Error(`inbox terms failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { userId: string; effectiveAt: string; requestedAt: string; replacedPending: boolean };
}

/**
 * Two parents sharing a case whose inbox terms are already in force at `at`: the case is
 * made a day earlier (the day's notice), then the clock is set to `at`.
 */
export async function createJoinedCaseWithInboxes(
  t: TestApp & { clock: { set: (at: string | Date) => void } },
  at: string,
  inboxes: { first?: Record<string, unknown>; second?: Record<string, unknown> },
  caseBody: Record<string, unknown> = {},
) {
  t.clock.set(new Date(Date.parse(at) - DAY_MS - 60_000));
  const joined = await createJoinedCase(t, caseBody);
  if (inboxes.first) await setInboxTerms(t, joined.caseId, joined.first, inboxes.first);
  if (inboxes.second) await setInboxTerms(t, joined.caseId, joined.second, inboxes.second);
  t.clock.set(at);
  return joined;
}
