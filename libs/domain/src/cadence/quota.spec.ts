import { DateTime } from 'luxon';
import {
  URGENT_WINDOW_MS,
  decideSend,
  nextUrgentAllowedAt,
  quotaDayBounds,
  sendAllowance,
  urgentWindowStart,
  type MessageSendAttempt,
  type MessageSendDecision,
} from './quota';
import type { InboxTerms } from './terms';

const at = (iso: string): Date => new Date(iso);
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

describe('quotaDayBounds', () => {
  // prettier-ignore
  it.each<[description: string, timeZone: string, instant: string, start: string, end: string, hours: number]>([
    ['an ordinary UTC day', 'UTC', '2025-01-15T12:00:00Z', '2025-01-15T00:00:00Z', '2025-01-16T00:00:00Z', 24],
    ['London in summer', 'Europe/London', '2025-07-01T12:00:00Z', '2025-07-01T00:00:00+01:00', '2025-07-02T00:00:00+01:00', 24],
    ['London spring-forward day', 'Europe/London', '2025-03-30T12:00:00Z', '2025-03-30T00:00:00Z', '2025-03-31T00:00:00+01:00', 23],
    ['London fall-back day', 'Europe/London', '2025-10-26T12:00:00Z', '2025-10-26T00:00:00+01:00', '2025-10-27T00:00:00Z', 25],
    ['London fall-back day, in the repeated hour', 'Europe/London', '2025-10-26T01:30:00Z', '2025-10-26T00:00:00+01:00', '2025-10-27T00:00:00Z', 25],
    ['New York spring-forward day', 'America/New_York', '2025-03-09T12:00:00Z', '2025-03-09T00:00:00-05:00', '2025-03-10T00:00:00-04:00', 23],
    ['New York fall-back day', 'America/New_York', '2025-11-02T12:00:00Z', '2025-11-02T00:00:00-04:00', '2025-11-03T00:00:00-05:00', 25],
    ['New York, the day before spring-forward', 'America/New_York', '2025-03-08T23:00:00-05:00', '2025-03-08T00:00:00-05:00', '2025-03-09T00:00:00-05:00', 24],
    ['Sydney spring-forward day (October)', 'Australia/Sydney', '2025-10-05T12:00:00+11:00', '2025-10-05T00:00:00+10:00', '2025-10-06T00:00:00+11:00', 23],
    ['Sydney fall-back day (April)', 'Australia/Sydney', '2025-04-06T12:00:00+10:00', '2025-04-06T00:00:00+11:00', '2025-04-07T00:00:00+10:00', 25],
    ['Lord Howe spring day, 23.5 hours', 'Australia/Lord_Howe', '2025-10-05T12:00:00+11:00', '2025-10-05T00:00:00+10:30', '2025-10-06T00:00:00+11:00', 23.5],
    ['Lord Howe autumn day, 24.5 hours', 'Australia/Lord_Howe', '2025-04-06T12:00:00+10:30', '2025-04-06T00:00:00+11:00', '2025-04-07T00:00:00+10:30', 24.5],
    ['Kolkata, the last millisecond of a day', 'Asia/Kolkata', '2025-01-15T18:29:59.999Z', '2025-01-15T00:00:00+05:30', '2025-01-16T00:00:00+05:30', 24],
    ['Kolkata, the first millisecond of the next', 'Asia/Kolkata', '2025-01-15T18:30:00.000Z', '2025-01-16T00:00:00+05:30', '2025-01-17T00:00:00+05:30', 24],
    ["New Year's Eve in New York", 'America/New_York', '2025-12-31T23:30:00-05:00', '2025-12-31T00:00:00-05:00', '2026-01-01T00:00:00-05:00', 24],
    ['the leap day', 'Europe/London', '2028-02-29T15:00:00Z', '2028-02-29T00:00:00Z', '2028-03-01T00:00:00Z', 24],
    ['Havana, where midnight is skipped: the day starts at 01:00', 'America/Havana', '2025-03-09T12:00:00-04:00', '2025-03-09T01:00:00-04:00', '2025-03-10T00:00:00-04:00', 23],
    ['Havana, where midnight happens twice: the first', 'America/Havana', '2025-11-02T12:00:00-05:00', '2025-11-02T00:00:00-04:00', '2025-11-03T00:00:00-05:00', 25],
    ['Havana, in the second midnight hour: the same day', 'America/Havana', '2025-11-02T00:30:00-05:00', '2025-11-02T00:00:00-04:00', '2025-11-03T00:00:00-05:00', 25],
    ['Havana, the day before the repeated midnight', 'America/Havana', '2025-11-01T12:00:00-04:00', '2025-11-01T00:00:00-04:00', '2025-11-02T00:00:00-04:00', 24],
    ['Santiago, where midnight is skipped', 'America/Santiago', '2025-09-07T12:00:00-03:00', '2025-09-07T01:00:00-03:00', '2025-09-08T00:00:00-03:00', 23],
    ['Santiago, where 23:00 happens twice', 'America/Santiago', '2025-04-05T23:30:00-04:00', '2025-04-05T00:00:00-03:00', '2025-04-06T00:00:00-04:00', 25],
  ])('%s', (_name, timeZone, instant, start, end, hours) => {
    const bounds = quotaDayBounds(timeZone, at(instant));
    expect([bounds.start.toISOString(), bounds.end.toISOString()]).toEqual([
      at(start).toISOString(),
      at(end).toISOString(),
    ]);
    expect((bounds.end.getTime() - bounds.start.getTime()) / HOUR_MS).toBe(hours);
  });

  it('answers the same whatever was asked before it, across clock changes and zones asked in turn', () => {
    // The answer a zone last gave is reused while an instant falls inside it: walk instants
    // back and forth over spring-forward and fall-back weeks, switching zones on every call.
    const zones = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    const instants: number[] = [];
    for (const [from, to] of [['2025-03-27T00:00:00Z', '2025-04-09T00:00:00Z'], ['2025-10-01T00:00:00Z', '2025-11-06T00:00:00Z']] as const) {
      for (let ms = Date.parse(from); ms < Date.parse(to); ms += 37 * 60_000) instants.push(ms);
    }
    const shuffled = instants.map((ms, index) => ({ ms, key: (index * 7919) % instants.length })).sort((a, b) => a.key - b.key);
    for (const [index, { ms }] of [...instants.map((ms) => ({ ms })), ...shuffled].entries()) {
      const timeZone = zones[index % zones.length]!;
      const local = DateTime.fromMillis(ms, { zone: timeZone }).startOf('day');
      const expected = { start: local.toJSDate(), end: local.plus({ days: 1 }).startOf('day').toJSDate() };
      expect(quotaDayBounds(timeZone, new Date(ms))).toEqual(expected);
    }
  });

  it.each(['Europe/London', 'America/New_York', 'Australia/Sydney'])(
    'in %s, a day runs from its start inclusive to its end exclusive',
    (timeZone) => {
      const { start, end } = quotaDayBounds(timeZone, at('2025-03-30T12:00:00Z'));
      expect(quotaDayBounds(timeZone, start)).toEqual({ start, end });
      expect(quotaDayBounds(timeZone, new Date(end.getTime() - 1))).toEqual({ start, end });
      expect(quotaDayBounds(timeZone, end).start).toEqual(end);
    },
  );

  it.each([
    'Europe/London',
    'America/New_York',
    'Australia/Sydney',
    'Australia/Lord_Howe',
    'America/Havana',
    'Asia/Kolkata',
  ])('in %s, days tile 2025 without gaps or overlaps and agree with Luxon', (timeZone) => {
    let { start, end } = quotaDayBounds(timeZone, at('2025-01-01T12:00:00Z'));
    const disagreements: string[] = [];
    for (let day = 0; day < 365; day++) {
      const next = quotaDayBounds(timeZone, end);
      if (next.start.getTime() !== end.getTime()) disagreements.push(`gap or overlap at ${end.toISOString()}`);
      const luxonStart = DateTime.fromJSDate(start, { zone: timeZone }).startOf('day');
      const isLuxonAmbiguous = timeZone === 'America/Havana' && luxonStart.month === 11; // Luxon takes the later midnight
      if (!isLuxonAmbiguous && luxonStart.toMillis() !== start.getTime()) {
        disagreements.push(`${start.toISOString()} vs Luxon ${luxonStart.toISO() ?? ''}`);
      }
      ({ start, end } = next);
    }
    expect(disagreements).toEqual([]);
  });

  it('refuses an unknown zone and an invalid date', () => {
    expect(() => quotaDayBounds('Nowhere/Town', at('2025-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => quotaDayBounds('UTC', new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('urgentWindowStart', () => {
  it.each<[string, string, string]>([
    ['an ordinary instant', '2025-06-30T12:00:00.250Z', '2025-05-31T12:00:00.250Z'],
    ['across a DST change: 720 hours, not 30 calendar days', '2025-04-15T12:00:00Z', '2025-03-16T12:00:00Z'],
    ['across a leap day', '2028-03-15T00:00:00Z', '2028-02-14T00:00:00Z'],
    ['across a year end', '2026-01-10T08:00:00Z', '2025-12-11T08:00:00Z'],
  ])('%s', (_name, instant, expected) => {
    expect(urgentWindowStart(at(instant)).toISOString()).toBe(at(expected).toISOString());
    expect(at(instant).getTime() - urgentWindowStart(at(instant)).getTime()).toBe(URGENT_WINDOW_MS);
  });

  it('refuses an invalid date', () => {
    expect(() => urgentWindowStart(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('nextUrgentAllowedAt', () => {
  const now = at('2025-06-30T12:00:00Z');
  const daysAgo = (days: number, extraMs = 0): Date => new Date(now.getTime() - days * DAY_MS + extraMs);
  const plus30Days = (date: Date): string => new Date(date.getTime() + 30 * DAY_MS).toISOString();

  // prettier-ignore
  it.each<[description: string, sent: Date[], limit: number, expected: string | null]>([
    ['none sent', [], 3, null],
    ['fewer than the limit', [daysAgo(1), daysAgo(2)], 3, null],
    ['at the limit: when the oldest leaves', [daysAgo(1), daysAgo(20), daysAgo(5)], 3, plus30Days(daysAgo(20))],
    ['at the limit with older ones outside the window', [daysAgo(40), daysAgo(31), daysAgo(29), daysAgo(3), daysAgo(2)], 3, plus30Days(daysAgo(29))],
    ['one sent exactly 30 days ago no longer counts', [daysAgo(30), daysAgo(3), daysAgo(2)], 3, null],
    ['one sent 30 days ago less 1 ms still counts', [daysAgo(30, 1), daysAgo(3), daysAgo(2)], 3, plus30Days(daysAgo(30, 1))],
    ['over a lowered limit: when enough have left', [daysAgo(25), daysAgo(20), daysAgo(15), daysAgo(10)], 2, plus30Days(daysAgo(15))],
    ['a limit of 1', [daysAgo(7)], 1, plus30Days(daysAgo(7))],
    ['two sent at the same instant leave together', [daysAgo(9), daysAgo(9)], 2, plus30Days(daysAgo(9))],
    ['one sent at this very instant', [now], 1, plus30Days(now)],
    ['one stamped ahead of this clock still counts', [new Date(now.getTime() + 5_000)], 1, plus30Days(new Date(now.getTime() + 5_000))],
  ])('%s', (_name, sent, limit, expected) => {
    const result = nextUrgentAllowedAt(sent, limit, now);
    expect(result === null ? null : result.toISOString()).toBe(expected);
  });

  it('allows one exactly at the returned time and not a millisecond before', () => {
    const sent = [daysAgo(12), daysAgo(4), daysAgo(27, 3_600_123)];
    const retryAt = nextUrgentAllowedAt(sent, 3, now);
    if (retryAt === null) throw new Error('expected the limit to be reached');
    expect(nextUrgentAllowedAt(sent, 3, retryAt)).toBeNull();
    expect(nextUrgentAllowedAt(sent, 3, new Date(retryAt.getTime() - 1))).not.toBeNull();
  });

  it('does not reorder its input', () => {
    const sent = [daysAgo(1), daysAgo(3), daysAgo(2)];
    const before = sent.map((date) => date.getTime());
    nextUrgentAllowedAt(sent, 2, now);
    expect(sent.map((date) => date.getTime())).toEqual(before);
  });

  // prettier-ignore
  it.each([0, -1, 1.5, Number.NaN])('refuses a limit of %p: no time would ever allow one', (limit) => {
    expect(() => nextUrgentAllowedAt([], limit, now)).toThrow(RangeError);
  });

  it('refuses invalid dates', () => {
    expect(() => nextUrgentAllowedAt([new Date(Number.NaN)], 3, now)).toThrow(RangeError);
    expect(() => nextUrgentAllowedAt([], 3, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('decideSend', () => {
  /** The recipient's inbox: Mon and Thu 18:00, 5 a day. */
  const windowsInbox: InboxTerms = {
    cadence: {
      mode: 'windows',
      windows: [
        { weekday: 1, time: '18:00' },
        { weekday: 4, time: '18:00' },
      ],
    },
    dailyQuota: 5,
  };
  const immediateInbox: InboxTerms = { cadence: { mode: 'immediate' }, dailyQuota: 5 };
  const tuesdayMorning = at('2025-01-14T10:00:00Z');
  const daysBefore = (days: number): Date => new Date(tuesdayMorning.getTime() - days * DAY_MS);
  const base: MessageSendAttempt = {
    recipientInbox: windowsInbox,
    urgentPer30Days: 3,
    timeZone: 'Europe/London',
    now: tuesdayMorning,
    urgent: false,
    sentTodayCount: 0,
    urgentSentTimesLast30Days: [],
  };
  const threeUrgentRecently = [daysBefore(2), daysBefore(25), daysBefore(10)];

  type Expected =
    | { outcome: 'accepted'; deliverAt: string }
    | { outcome: 'quota_exceeded' | 'urgent_limit_reached'; retryAt: string }
    | { outcome: 'urgent_disabled' };

  function plain(decision: MessageSendDecision): Expected {
    switch (decision.outcome) {
      case 'accepted':
        return { outcome: decision.outcome, deliverAt: decision.deliverAt.toISOString() };
      case 'quota_exceeded':
      case 'urgent_limit_reached':
        return { outcome: decision.outcome, retryAt: decision.retryAt.toISOString() };
      case 'urgent_disabled':
        return { outcome: decision.outcome };
    }
  }

  // prettier-ignore
  it.each<[string, Partial<MessageSendAttempt>, Expected]>([
    ["an ordinary message waits for the recipient's next window", {}, { outcome: 'accepted', deliverAt: '2025-01-16T18:00:00.000Z' }],
    ["the last message within the recipient's cap", { sentTodayCount: 4 }, { outcome: 'accepted', deliverAt: '2025-01-16T18:00:00.000Z' }],
    ["one over the recipient's cap: retry at the next local midnight", { sentTodayCount: 5 }, { outcome: 'quota_exceeded', retryAt: '2025-01-15T00:00:00.000Z' }],
    ['far over a lowered cap', { sentTodayCount: 12 }, { outcome: 'quota_exceeded', retryAt: '2025-01-15T00:00:00.000Z' }],
    ['a recipient who takes 2 a day: the third is held back', { recipientInbox: { ...windowsInbox, dailyQuota: 2 }, sentTodayCount: 2 }, { outcome: 'quota_exceeded', retryAt: '2025-01-15T00:00:00.000Z' }],
    ['a recipient who takes 20 a day: the sixth goes', { recipientInbox: { ...windowsInbox, dailyQuota: 20 }, sentTodayCount: 5 }, { outcome: 'accepted', deliverAt: '2025-01-16T18:00:00.000Z' }],
    ['a recipient with an immediate inbox gets it now', { recipientInbox: immediateInbox }, { outcome: 'accepted', deliverAt: '2025-01-14T10:00:00.000Z' }],
    ["a recipient with one evening window a day: today's", { recipientInbox: { cadence: { mode: 'windows', windows: [{ weekday: 2, time: '20:00' }, { weekday: 5, time: '20:00' }] }, dailyQuota: 5 } }, { outcome: 'accepted', deliverAt: '2025-01-14T20:00:00.000Z' }],
    ["an urgent message skips the recipient's windows", { urgent: true }, { outcome: 'accepted', deliverAt: '2025-01-14T10:00:00.000Z' }],
    [
      'an urgent message with two of three used',
      { urgent: true, urgentSentTimesLast30Days: [daysBefore(1), daysBefore(29)] },
      { outcome: 'accepted', deliverAt: '2025-01-14T10:00:00.000Z' },
    ],
    [
      'an urgent message over the shared allowance: retry when the oldest leaves',
      { urgent: true, urgentSentTimesLast30Days: threeUrgentRecently },
      { outcome: 'urgent_limit_reached', retryAt: '2025-01-19T10:00:00.000Z' },
    ],
    [
      'old urgent messages outside the 30 days do not count',
      { urgent: true, urgentSentTimesLast30Days: [daysBefore(31), daysBefore(45), daysBefore(2), daysBefore(3)] },
      { outcome: 'accepted', deliverAt: '2025-01-14T10:00:00.000Z' },
    ],
    ['an ordinary message is not held by the urgent limit', { urgentSentTimesLast30Days: threeUrgentRecently }, { outcome: 'accepted', deliverAt: '2025-01-16T18:00:00.000Z' }],
    ["urgent within its allowance when the day's last slot is used: accepted at once", { urgent: true, sentTodayCount: 5 }, { outcome: 'accepted', deliverAt: '2025-01-14T10:00:00.000Z' }],
    ['urgent far over a lowered cap, within its allowance: accepted at once', { urgent: true, sentTodayCount: 40 }, { outcome: 'accepted', deliverAt: '2025-01-14T10:00:00.000Z' }],
    [
      'urgent with two of three used and the cap reached: accepted',
      { urgent: true, sentTodayCount: 5, urgentSentTimesLast30Days: [daysBefore(1), daysBefore(29)] },
      { outcome: 'accepted', deliverAt: '2025-01-14T10:00:00.000Z' },
    ],
    [
      'both limits reached: the urgent allowance is named, the only limit urgent answers to',
      { urgent: true, sentTodayCount: 5, urgentSentTimesLast30Days: threeUrgentRecently },
      { outcome: 'urgent_limit_reached', retryAt: '2025-01-19T10:00:00.000Z' },
    ],
    ['urgent turned off and the cap reached: urgent_disabled', { urgent: true, urgentPer30Days: 0, sentTodayCount: 5 }, { outcome: 'urgent_disabled' }],
    ['an ordinary message at the cap is still held back', { urgent: false, sentTodayCount: 5 }, { outcome: 'quota_exceeded', retryAt: '2025-01-15T00:00:00.000Z' }],
    ['urgent turned off', { urgent: true, urgentPer30Days: 0 }, { outcome: 'urgent_disabled' }],
    ['an ordinary message when urgent is turned off', { urgentPer30Days: 0 }, { outcome: 'accepted', deliverAt: '2025-01-16T18:00:00.000Z' }],
    [
      'over the cap on a spring-forward day: the 23-hour day ends at local midnight',
      { timeZone: 'America/New_York', now: at('2025-03-09T15:00:00Z'), sentTodayCount: 5 },
      { outcome: 'quota_exceeded', retryAt: '2025-03-10T04:00:00.000Z' },
    ],
    [
      'over the cap on a fall-back day: the 25-hour day ends at local midnight',
      { timeZone: 'Europe/London', now: at('2025-10-26T22:00:00Z'), sentTodayCount: 5 },
      { outcome: 'quota_exceeded', retryAt: '2025-10-27T00:00:00.000Z' },
    ],
    [
      'over the cap late in Sydney while UTC is still on the day before',
      { timeZone: 'Australia/Sydney', now: at('2025-01-14T13:30:00Z'), sentTodayCount: 5 },
      { outcome: 'quota_exceeded', retryAt: '2025-01-15T13:00:00.000Z' },
    ],
    ['windows in the case zone, not UTC', { timeZone: 'Asia/Kolkata', now: at('2025-01-16T12:29:00Z') }, { outcome: 'accepted', deliverAt: '2025-01-16T12:30:00.000Z' }],
  ])('%s', (_name, overrides, expected) => {
    expect(plain(decideSend({ ...base, ...overrides }))).toEqual(expected);
  });

  it('returns a fresh Date, never the clock it was given', () => {
    const decision = decideSend({ ...base, urgent: true });
    if (decision.outcome !== 'accepted') throw new Error('expected acceptance');
    expect(decision.deliverAt).not.toBe(base.now);
    expect(decision.deliverAt.getTime()).toBe(base.now.getTime());
  });
});

describe('sendAllowance', () => {
  const windowsInbox: InboxTerms = {
    cadence: { mode: 'windows', windows: [{ weekday: 1, time: '18:00' }, { weekday: 4, time: '18:00' }] },
    dailyQuota: 3,
  };
  const now = at('2025-01-14T10:00:00Z');
  const base = { recipientInbox: windowsInbox, urgentPer30Days: 2, timeZone: 'Europe/London', now, sentTodayCount: 0, urgentSentTimesLast30Days: [] as Date[] };
  const iso = (date: Date | null) => date?.toISOString() ?? null;

  it('with sends left: no wait, the next window, the whole urgent allowance', () => {
    const allowance = sendAllowance({ ...base, sentTodayCount: 1 });
    expect({ ...allowance, nextSendAt: iso(allowance.nextSendAt), nextUrgentAt: iso(allowance.nextUrgentAt), deliverAtIfSentNow: iso(allowance.deliverAtIfSentNow) }).toEqual({
      dailyQuota: 3,
      sentToday: 1,
      remainingToday: 2,
      nextSendAt: null,
      urgentPer30Days: 2,
      urgentRemaining: 2,
      nextUrgentAt: null,
      deliveryMode: 'windows',
      deliverAtIfSentNow: '2025-01-16T18:00:00.000Z',
    });
  });

  it("at the cap: nothing left until the case zone's midnight, the same time a send would be told", () => {
    const allowance = sendAllowance({ ...base, sentTodayCount: 3 });
    const refused = decideSend({ ...base, sentTodayCount: 3, urgent: false });
    expect(allowance.remainingToday).toBe(0);
    expect(refused.outcome).toBe('quota_exceeded');
    expect(iso(allowance.nextSendAt)).toBe(refused.outcome === 'quota_exceeded' ? refused.retryAt.toISOString() : 'no');
  });

  it('never reports a negative remainder after the recipient lowered their cap', () => {
    expect(sendAllowance({ ...base, sentTodayCount: 7 }).remainingToday).toBe(0);
  });

  it('the urgent allowance used up: when the oldest leaves the 30 days', () => {
    const sent = [new Date(now.getTime() - 3 * DAY_MS), new Date(now.getTime() - 20 * DAY_MS), new Date(now.getTime() - 40 * DAY_MS)];
    const allowance = sendAllowance({ ...base, urgentSentTimesLast30Days: sent });
    expect(allowance.urgentRemaining).toBe(0);
    expect(iso(allowance.nextUrgentAt)).toBe(new Date(now.getTime() + 10 * DAY_MS).toISOString());
  });

  it('urgent turned off: none remaining and no time to wait for', () => {
    const allowance = sendAllowance({ ...base, urgentPer30Days: 0 });
    expect([allowance.urgentRemaining, allowance.nextUrgentAt]).toEqual([0, null]);
  });

  it('an immediate inbox: delivered now', () => {
    const allowance = sendAllowance({ ...base, recipientInbox: { cadence: { mode: 'immediate' }, dailyQuota: 3 } });
    expect([allowance.deliveryMode, iso(allowance.deliverAtIfSentNow)]).toEqual(['immediate', now.toISOString()]);
  });
});
