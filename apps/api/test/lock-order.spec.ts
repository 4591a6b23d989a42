import { MessageReleaseService } from '../src/messages/message-release.service';
import { createJoinedCaseWithInboxes, sendMessage } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';
import { TEST_DATABASE_URL } from './support/test-database';

/**
 * One lock order everywhere: the case row first (CaseCommands.run), then its message rows.
 * Reads at the instant a window opens used to take the message row, then the case row, while
 * the ticker took them the other way round: a deadlock now and then. Real PostgreSQL only:
 * the embedded database has one session and cannot deadlock.
 */
const describeOnPostgres = TEST_DATABASE_URL ? describe : describe.skip;

describeOnPostgres('reads racing the delivery ticker as a window opens (PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers every read without a 500 or a deadlock, and releases each message once', async () => {
    const { caseId, first, second } = await createJoinedCaseWithInboxes(t, '2026-11-02T09:00:00.000Z', {
      second: { cadence: { mode: 'windows', windows: [{ weekday: 3, time: '07:30' }, { weekday: 6, time: '07:30' }] }, dailyQuota: 40 },
    });
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) ids.push((await sendMessage(t, caseId, first, { topic: 'school', text: `Held ${i}` }).expect(201)).body.id as string);
    t.clock.set('2026-11-04T07:30:00.000Z');
    const ticker = t.app.get(MessageReleaseService);
    const statuses: number[] = [];
    // Reads hammer the messages while ticks release them; every read may land before, during or after the release.
    const reads = Array.from({ length: 4 }, async () => {
      for (const id of ids) statuses.push((await t.http().post(`/api/cases/${caseId}/messages/${id}/read`).set(second.bearer)).status);
    });
    const ticks = Array.from({ length: 5 }, () => ticker.tick());
    const tickResults = await Promise.all([...ticks, ...reads.map((read) => read.then(() => null))]);
    await ticker.tick();
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    expect(statuses.every((status) => status === 200 || status === 404)).toBe(true);
    expect(tickResults.every((result) => result === null || result.released >= 0)).toBe(true);
    const rows = await t.query<{ released: number; read: number }>(
      'SELECT count(*) FILTER (WHERE released_at IS NOT NULL)::int AS released, count(*) FILTER (WHERE first_read_at IS NOT NULL)::int AS read FROM messages WHERE case_id = $1',
      [caseId],
    );
    expect(rows[0]!.released).toBe(30);
    const entries = await t.query<{ n: number }>("SELECT count(*)::int AS n FROM ledger_entries WHERE case_id = $1 AND type = 'message.released'", [caseId]);
    expect(entries[0]!.n).toBeGreaterThanOrEqual(1);
  });
});
