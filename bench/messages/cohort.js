'use strict';

const { expectStatus, forEachLimited } = require('./http');

const PASSWORD = 'bench parent long passphrase';

/** Prints "label 40/200..." about ten times over a step, so a long set-up shows it is alive. */
function progressReporter(label, total, log) {
  const every = Math.max(1, Math.round(total / 10));
  let done = 0;
  return () => {
    done += 1;
    if (done % every === 0 || done === total) log(`${label} ${done}/${total}${done === total ? '' : '...'}`);
  };
}

/**
 * Cases built through the public API only, as two real parents would: both register,
 * the first creates the case and invites the second by e-mail, the second accepts
 * the mailed link, and (when asked) they agree on a daily quota by proposal.
 *
 * Returns one entry per parent: { caseId, userId, email, token, otherUserId, role }.
 */
async function createCohort({ baseUrl, mail, label, caseCount, dailyQuota, runId, log, concurrency = 8 }) {
  const emails = [];
  for (let i = 0; i < caseCount; i++) {
    for (const role of ['a', 'b']) emails.push({ email: `${label}-${role}${i}-${runId}@bench.example.org`, role, caseIndex: i });
  }

  // argon2id makes each registration cost tens of ms of CPU; a few at a time keep both cores busy.
  const registered = new Array(emails.length);
  const registerTick = progressReporter(`[${label}] registering parents`, emails.length, log);
  await forEachLimited(emails, concurrency, async (entry, index) => {
    // Independent families register from their own networks: the API trusts the loopback
    // proxy header (TRUST_PROXY=loopback in the benchmark), so its per-network cap applies per family.
    const network = `10.${label === 'warmup' ? 1 : 0}.${Math.floor(index / 250)}.${index % 250}`;
    const body = await expectStatus(201, baseUrl, 'POST', '/api/auth/register', {
      headers: { 'x-forwarded-for': network },
      body: { email: entry.email, password: PASSWORD, displayName: `Parent ${entry.role.toUpperCase()}${entry.caseIndex}` },
    });
    registered[index] = { ...entry, userId: body.user.id, token: body.token };
    registerTick();
  });

  const cases = [];
  for (let i = 0; i < caseCount; i++) cases.push({ index: i, first: registered[2 * i], second: registered[2 * i + 1] });

  const joinTick = progressReporter(`[${label}] creating and joining cases`, caseCount, log);
  await forEachLimited(cases, concurrency, async (entry) => {
    const created = await expectStatus(201, baseUrl, 'POST', '/api/cases', {
      token: entry.first.token,
      body: { name: `Bench case ${label} ${entry.index}`, timeZone: 'Europe/London', children: ['Mia'] },
    });
    entry.caseId = created.id;
    await expectStatus(201, baseUrl, 'POST', `/api/cases/${entry.caseId}/invitations`, { token: entry.first.token, body: { email: entry.second.email } });
    const invitation = await mail.invitationTokenFor(entry.second.email);
    await expectStatus(200, baseUrl, 'POST', `/api/invitations/${invitation}/accept`, { token: entry.second.token });
    joinTick();
  });

  if (dailyQuota !== undefined) {
    // Each parent sets their own inbox's cap; it binds after the 24-hour notice, so the
    // benchmark then puts the API's clock ahead (bench/api: POST /api/bench/clock).
    const quotaTick = progressReporter(`[${label}] setting each inbox's dailyQuota to ${dailyQuota}`, caseCount, log);
    await forEachLimited(cases, concurrency, async (entry) => {
      for (const parent of [entry.first, entry.second]) {
        await expectStatus(202, baseUrl, 'PUT', `/api/cases/${entry.caseId}/inbox-terms`, { token: parent.token, body: { cadence: { mode: 'immediate' }, dailyQuota } });
      }
      quotaTick();
    });
  }

  // All first parents, then all second parents: consecutive requests in a rotation go
  // to different cases, as independent families would.
  const parents = [];
  for (const role of ['first', 'second']) {
    for (const entry of cases) {
      const self = entry[role];
      const other = role === 'first' ? entry.second : entry.first;
      parents.push({ caseId: entry.caseId, userId: self.userId, email: self.email, token: self.token, otherUserId: other.userId, role });
    }
  }
  return parents;
}

module.exports = { createCohort };
