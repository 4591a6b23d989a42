import { agreeOnTerms, createJoinedCase, sendMessage } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/** The database itself refuses what the API refuses: each statement here must fail, whoever runs it. */
describe('the database refuses changes to the record', () => {
  let t: TestApp;
  let forbidden: [string, string, unknown[]][];
  beforeAll(async () => {
    t = await startTestApp();
    const { caseId, first, second } = await createJoinedCase(t);
    const sent = await sendMessage(t, caseId, first, { topic: 'school', text: 'Kept' }).expect(201);
    await agreeOnTerms(t, caseId, first, second, { urgentPer30Days: 2 });
    await t.http().put(`/api/cases/${caseId}/inbox-terms`).set(second.bearer).send({ cadence: { mode: 'immediate' }, dailyQuota: 4 }).expect(202);
    const [proposal] = await t.query<{ id: string }>('SELECT id FROM terms_proposals WHERE case_id = $1', [caseId]);
    const [invitation] = await t.query<{ id: string }>('SELECT id FROM invitations WHERE case_id = $1', [caseId]);
    const c = [caseId];
    forbidden = [
      ...['messages', 'held_back_attempts', 'inbox_terms_changes', 'terms_proposals', 'case_members', 'invitations', 'cases', 'ledger_entries', 'idempotent_replies', 'users'].map(
        (table): [string, string, unknown[]] => [`TRUNCATE ${table}`, `TRUNCATE ${table} CASCADE`, []],
      ),
      ['DELETE a case', 'DELETE FROM cases WHERE id = $1', c],
      ['rename a case', "UPDATE cases SET name = 'Other' WHERE id = $1", c],
      ['change its zone', "UPDATE cases SET time_zone = 'UTC' WHERE id = $1", c],
      ['change its children', `UPDATE cases SET children = '["Someone"]' WHERE id = $1`, c],
      ['move the ledger head back', 'UPDATE cases SET ledger_head_seq = ledger_head_seq - 1 WHERE id = $1', c],
      ['rewrite the head hash in place', "UPDATE cases SET ledger_head_hash = repeat('0', 64) WHERE id = $1", c],
      ['DELETE a member', 'DELETE FROM case_members WHERE case_id = $1', c],
      ['UPDATE a member', 'UPDATE case_members SET joined_at = now() WHERE case_id = $1', c],
      ['DELETE a proposal', 'DELETE FROM terms_proposals WHERE id = $1', [proposal!.id]],
      ['decide a proposal again', "UPDATE terms_proposals SET status = 'declined' WHERE id = $1", [proposal!.id]],
      ['rewrite a decision time', 'UPDATE terms_proposals SET decided_at = now() WHERE id = $1', [proposal!.id]],
      ['rewrite what was proposed', `UPDATE terms_proposals SET changes = '{"urgentPer30Days": 9}' WHERE id = $1`, [proposal!.id]],
      ['DELETE an invitation', 'DELETE FROM invitations WHERE id = $1', [invitation!.id]],
      ['un-accept an invitation', 'UPDATE invitations SET accepted_at = NULL, accepted_by = NULL WHERE id = $1', [invitation!.id]],
      ['readdress an invitation', "UPDATE invitations SET email = 'x@example.org' WHERE id = $1", [invitation!.id]],
      ['DELETE a message', 'DELETE FROM messages WHERE id = $1', [sent.body.id]],
      ['edit a message', "UPDATE messages SET text = 'Edited' WHERE id = $1", [sent.body.id]],
      ['DELETE an inbox change', 'DELETE FROM inbox_terms_changes WHERE case_id = $1', c],
      ['UPDATE an inbox change', 'UPDATE inbox_terms_changes SET daily_quota = 99 WHERE case_id = $1', c],
      ['DELETE a kept answer', 'DELETE FROM idempotent_replies WHERE case_id = $1', c],
      ['rewrite a kept answer', 'UPDATE idempotent_replies SET status = 500 WHERE case_id = $1', c],
      ['DELETE a parent', 'DELETE FROM users WHERE id = $1', [first.user.id]],
      ['rewrite when a parent joined the service', "UPDATE users SET created_at = '2000-01-01' WHERE id = $1", [first.user.id]],
    ];
  });
  afterAll(() => t.close());

  it('refuses TRUNCATE, DELETE and UPDATE of fixed columns on every table of the record', async () => {
    const allowed: string[] = [];
    for (const [name, sql, params] of forbidden) {
      const refused = await t.query(sql, params).then(
        () => false,
        (error: Error) => /not allowed|cannot be|only|append-only|fixed/.test(error.message),
      );
      if (!refused) allowed.push(name);
    }
    expect(allowed).toEqual([]);
  });

  it('keeps messages, held-back attempts and kept answers between the members of their case', async () => {
    // A parent of another case is a real user, so a key to users alone would accept them.
    const own = await createJoinedCase(t);
    const other = await createJoinedCase(t);
    const outsider = other.first.user.id;
    const insertMessage = (senderId: unknown, recipientId: unknown) =>
      t.query(
        `INSERT INTO messages (id, case_id, sender_id, recipient_id, topic, text, urgent, sent_at, deliver_at, released_at, ledger_seq)
         VALUES (gen_random_uuid(), $1, $2, $3, 'school', 'x', false, now(), now(), now(), $4)`,
        [own.caseId, senderId, recipientId, 1],
      );
    const attempts: [string, () => Promise<unknown>][] = [
      ['messages_sender_member_fkey', () => insertMessage(outsider, own.second.user.id)],
      ['messages_recipient_member_fkey', () => insertMessage(own.first.user.id, outsider)],
      [
        'held_back_attempts_sender_member_fkey',
        () =>
          t.query(
            `INSERT INTO held_back_attempts (id, case_id, sender_id, topic, text, urgent, attempted_at, reason, retry_at, ledger_seq)
             VALUES (gen_random_uuid(), $1, $2, 'school', 'x', false, now(), 'daily_quota', now(), 1)`,
            [own.caseId, outsider],
          ),
      ],
      ['idempotent_replies_member_fkey', () => t.query(`INSERT INTO idempotent_replies (case_id, user_id, key, request_hash, status, body, created_at) VALUES ($1, $2, 'k', 'h', 201, '{}', now())`, [own.caseId, outsider])],
    ];
    const refusedBy: string[] = [];
    for (const [, attempt] of attempts) refusedBy.push(await attempt().then(() => 'accepted', (error: Error) => /constraint "([a-z_]+)"/.exec(error.message)?.[1] ?? error.message));
    expect(refusedBy).toEqual(attempts.map(([constraint]) => constraint));
  });

  it('still lets the app do what it does: the ledger head forward, the shared terms, an account’s own details', async () => {
    const { caseId, first, second } = await createJoinedCase(t);
    await sendMessage(t, caseId, first, { topic: 'school', text: 'Moves the head' }).expect(201);
    await agreeOnTerms(t, caseId, second, first, { showReadTimes: false });
    await t.query("UPDATE users SET display_name = 'Alex B.' WHERE id = $1", [first.user.id]);
    await t.query('UPDATE messages SET notice_claimed_at = now() WHERE case_id = $1', [caseId]);
    await t.http().get(`/api/cases/${caseId}/ledger/verify`).set(first.bearer).expect(200);
  });
});
