import { describe, expect, it } from 'vitest';
import { checkInboxDraft, draftFrom, FLOORS_IN_WORDS, newWindowRow, type InboxDraft } from './inboxForm';
import { sharedChanges } from './sharedForm';
import { changesInWords, inboxTermsInWords, pendingInWords, shortCaseTime } from './termsWords';

const parents = [
  { userId: 'u1', displayName: 'Alex', role: 'parent' as const, joinedAt: '2026-03-01T08:00:00.000Z' },
  { userId: 'u2', displayName: 'Sam', role: 'parent' as const, joinedAt: '2026-03-02T08:00:00.000Z' },
];

const windowsDraft = (rows: [string, string][], dailyQuota = '3'): InboxDraft => ({
  mode: 'windows',
  windows: rows.map(([weekday, time]) => newWindowRow(weekday, time)),
  dailyQuota,
});

describe('the inbox form keeps to the floors', () => {
  it('explains the floors before anything is saved', () => {
    expect(FLOORS_IN_WORDS).toContain('at least 2 delivery times a week');
    expect(FLOORS_IN_WORDS).toContain('at least 2 messages a day');
  });

  it('accepts two windows a week and two messages a day, sorted as the API stores them', () => {
    expect(
      checkInboxDraft(
        windowsDraft(
          [
            ['4', '18:00'],
            ['1', '18:00'],
          ],
          '2',
        ),
      ),
    ).toEqual({
      ok: true,
      terms: {
        cadence: {
          mode: 'windows',
          windows: [
            { weekday: 1, time: '18:00' },
            { weekday: 4, time: '18:00' },
          ],
        },
        dailyQuota: 2,
      },
    });
    expect(checkInboxDraft({ mode: 'immediate', windows: [], dailyQuota: '5' })).toEqual({
      ok: true,
      terms: { cadence: { mode: 'immediate' }, dailyQuota: 5 },
    });
  });

  it('says every problem at once: one window a week, and one message a day, are below the floors', () => {
    expect(checkInboxDraft(windowsDraft([['1', '18:00']], '1'))).toEqual({
      ok: false,
      problems: {
        windows: "Choose at least 2 delivery times a week, so that the children's matters still get through.",
        dailyQuota: 'Choose a whole number from 2 to 50. At least 2 a day keeps the channel open.',
      },
    });
  });

  it('counts a repeated window once, and names it', () => {
    expect(
      checkInboxDraft(
        windowsDraft([
          ['1', '18:00'],
          ['1', '18:00'],
        ]),
      ),
    ).toEqual({
      ok: false,
      problems: { windows: 'Monday at 18:00 is listed twice. Remove one of them.' },
    });
  });

  it('asks for a time in every row', () => {
    const check = checkInboxDraft(
      windowsDraft([
        ['1', ''],
        ['4', '18:00'],
      ]),
    );
    expect(check.ok ? null : check.problems.windows).toBe(
      'Please give a time for each delivery, as hours and minutes, for example 18:00.',
    );
  });

  it('starts from the terms in force (or two sensible windows for an immediate inbox)', () => {
    const draft = draftFrom({ cadence: { mode: 'immediate' }, dailyQuota: 5 });
    expect(draft.mode).toBe('immediate');
    expect(draft.windows.map((row) => [row.weekday, row.time])).toEqual([
      ['1', '18:00'],
      ['4', '18:00'],
    ]);
  });
});

describe('terms in words', () => {
  it('says a pending change with its effective time in the case’s zone', () => {
    const terms = {
      cadence: {
        mode: 'windows' as const,
        windows: [
          { weekday: 1 as const, time: '18:00' },
          { weekday: 4 as const, time: '18:00' },
        ],
      },
      dailyQuota: 3,
    };
    expect(pendingInWords({ terms, effectiveAt: '2026-03-06T09:00:00.000Z' }, 'Europe/London')).toBe(
      'From Fri 6 Mar 09:00: deliveries Monday and Thursday at 18:00, at most 3 messages a day.',
    );
    expect(shortCaseTime('2026-03-06T09:00:00.000Z', 'Europe/Berlin')).toBe('Fri 6 Mar 10:00');
    expect(inboxTermsInWords({ cadence: { mode: 'immediate' }, dailyQuota: 1 })).toBe(
      'messages delivered as soon as they are sent, at most 1 message a day',
    );
  });

  it('says what a proposal changes, naming the parents of the split', () => {
    expect(
      changesInWords({ urgentPer30Days: 0, showReadTimes: false, split: { firstParentBasisPoints: 6000 } }, parents),
    ).toEqual([
      'Urgent messages are turned off',
      'The sender does not see when a message was opened',
      'Alex pays 60% of shared expenses, Sam pays 40%',
    ]);
  });

  it('proposes only what differs from the shared terms in force', () => {
    const current = { urgentPer30Days: 3, showReadTimes: true, split: { firstParentBasisPoints: 5000 } };
    expect(sharedChanges({ urgentPer30Days: '3', showReadTimes: 'hidden', firstParentPercent: '50' }, current)).toEqual(
      {
        changes: { showReadTimes: false },
        problems: {},
      },
    );
    expect(
      sharedChanges({ urgentPer30Days: '11', showReadTimes: 'shown', firstParentPercent: '60.5' }, current),
    ).toEqual({
      changes: { split: { firstParentBasisPoints: 6050 } },
      problems: { urgentPer30Days: 'Choose a whole number from 0 to 10; 0 turns urgent messages off.' },
    });
  });
});
