import { zoneOf } from './dates';
import { planEffectiveFrom } from './plan';
import { custodyIntervals, expandSchedule, timeShare, type ScheduleInputs } from './timeline';
import type { OverrideSpec, PlanSpec, ScheduleLayer } from './types';

const A = 'parent-a';
const B = 'parent-b';
const HOUR = 3_600_000;

function plan(timeZone: string, spec: Partial<PlanSpec> & Pick<PlanSpec, 'pattern' | 'startDate'>, id = 'plan-1') {
  const full: PlanSpec = { exchangeTime: '18:00', firstParentId: A, secondParentId: B, place: 'School gate', ...spec };
  return { id, spec: full, effectiveFrom: planEffectiveFrom(zoneOf(timeZone), full) };
}

function inputs(timeZone: string, spec: Partial<PlanSpec> & Pick<PlanSpec, 'pattern' | 'startDate'>, layers: ScheduleLayer[] = []): ScheduleInputs {
  return { timeZone, parents: [A, B], plans: [plan(timeZone, spec)], layers };
}

/** The nights of a range as letters: A, B, or - where no plan applies. */
function nights(range: ReturnType<typeof expandSchedule>): string {
  return range.days.map((day) => (day.parentId === A ? 'A' : day.parentId === B ? 'B' : '-')).join('');
}

function exchanges(range: ReturnType<typeof expandSchedule>): string[] {
  return range.exchanges.map((e) => `${new Date(e.at).toISOString()} ${e.fromParentId === A ? 'A' : 'B'}>${e.toParentId === A ? 'A' : 'B'}`);
}

describe('patterns against hand-checked calendars (Mon 2 Mar 2026, 18:00, London in winter time)', () => {
  // Each row: 28 nights from the start date; the first parent has the first stretch.
  it.each<[string, Partial<PlanSpec> & Pick<PlanSpec, 'pattern'>, string]>([
    ['alternating weeks', { pattern: 'alternating-weeks' }, 'AAAAAAA BBBBBBB AAAAAAA BBBBBBB'],
    ['2-2-3 (Mon-Tue, Wed-Thu, Fri-Sun, then the mirror week)', { pattern: '2-2-3' }, 'AABBAAA BBAABBB AABBAAA BBAABBB'],
    ['2-2-5-5', { pattern: '2-2-5-5' }, 'AABBAAA AABBBBB AABBAAA AABBBBB'],
    ['3-4-4-3', { pattern: '3-4-4-3' }, 'AAABBBB AAAABBB AAABBBB AAAABBB'],
    ['5-2-2-5', { pattern: '5-2-2-5' }, 'AAAAABB AABBBBB AAAAABB AABBBBB'],
    ['custom 3-4', { pattern: 'custom', rotation: [3, 4] }, 'AAABBBB AAABBBB AAABBBB AAABBBB'],
    ['custom 2-3-2 (odd: the parents keep alternating into the next round)', { pattern: 'custom', rotation: [2, 3, 2] }, 'AABBBAA BBAAABB AABBBAA BBAAABB'],
    ['custom 1-1 (every other day)', { pattern: 'custom', rotation: [1, 1] }, 'ABABABA BABABAB ABABABA BABABAB'],
    ['every other weekend with A (Fri 18:00 to Sun 18:00)', { pattern: 'every-other-weekend' }, 'BBBBAAB BBBBBBB BBBBAAB BBBBBBB'],
  ])('%s', (_name, spec, expected) => {
    const range = expandSchedule(inputs('Europe/London', { startDate: '2026-03-02', ...spec }), '2026-03-02', '2026-03-29');
    expect(nights(range)).toBe(expected.replace(/ /g, ''));
  });

  it('leaves the days before the first plan to no one, and changes nothing before it', () => {
    const range = expandSchedule(inputs('Europe/London', { pattern: 'alternating-weeks', startDate: '2026-03-02' }), '2026-02-27', '2026-03-03');
    expect(nights(range)).toBe('---AA');
    expect(range.exchanges).toEqual([]);
    expect(range.intervals[0]).toMatchObject({ parentId: null, to: Date.parse('2026-03-02T18:00:00Z') });
  });

  it('derives exchanges with time, place and who hands over', () => {
    const range = expandSchedule(inputs('Europe/London', { pattern: '2-2-3', startDate: '2026-03-02' }), '2026-03-02', '2026-03-15');
    expect(exchanges(range)).toEqual([
      '2026-03-04T18:00:00.000Z A>B',
      '2026-03-06T18:00:00.000Z B>A',
      '2026-03-09T18:00:00.000Z A>B',
      '2026-03-11T18:00:00.000Z B>A',
      '2026-03-13T18:00:00.000Z A>B',
    ]);
    expect(range.exchanges[0]).toMatchObject({ id: '20260304T1800Z', place: 'School gate', source: 'plan', sourceId: 'plan-1' });
  });

  it('every other weekend with a midweek visit: the visit is an exchange each way, the nights stay', () => {
    const range = expandSchedule(
      inputs('Europe/London', { pattern: 'every-other-weekend', startDate: '2026-03-02', exchangeTime: '17:00', weekendEndTime: '18:00', midweekVisit: { weekday: 3, from: '16:00', to: '19:00' } }),
      '2026-03-02',
      '2026-03-15',
    );
    expect(nights(range)).toBe('BBBBAABBBBBBBB');
    expect(exchanges(range)).toEqual([
      '2026-03-04T16:00:00.000Z B>A',
      '2026-03-04T19:00:00.000Z A>B',
      '2026-03-06T17:00:00.000Z B>A',
      '2026-03-08T18:00:00.000Z A>B',
      '2026-03-11T16:00:00.000Z B>A',
      '2026-03-11T19:00:00.000Z A>B',
    ]);
  });

  it('every other weekend from a Saturday: the plan starts then, inside the first weekend', () => {
    const range = expandSchedule(inputs('Europe/London', { pattern: 'every-other-weekend', startDate: '2026-03-07' }), '2026-03-06', '2026-03-22');
    expect(nights(range)).toBe('-AB BBBBBBB BBBBAAB'.replace(/ /g, ''));
  });
});

describe('time changes, year ends and leap days', () => {
  it('London, clocks forward (Sun 29 Mar 2026): a week with one hour less, exchanges at 18:00 local either side', () => {
    const range = expandSchedule(inputs('Europe/London', { pattern: 'alternating-weeks', startDate: '2026-03-23' }), '2026-03-23', '2026-04-05');
    expect(exchanges(range)).toEqual(['2026-03-30T17:00:00.000Z A>B']);
    const share = timeShare(range, [A, B]);
    // A: Mon 23 18:00 GMT to Mon 30 18:00 BST = 167 h. B: from then to the end of Sun 5 Apr (midnight BST) = 6 days 6 hours.
    // The 18 hours of Mon 23 before the plan starts are no one's; that day's night is A's.
    expect(share.parents).toEqual([
      { parentId: A, overnights: 7, hours: 167, percent: 50 },
      { parentId: B, overnights: 7, hours: 150, percent: 50 },
    ]);
    expect(share.unscheduledDays).toBe(0);
  });

  it('London, clocks back (Sun 25 Oct 2026): an exchange at 01:30 takes the first of the two 01:30s', () => {
    const range = expandSchedule(inputs('Europe/London', { pattern: 'custom', rotation: [1, 1], startDate: '2026-10-23', exchangeTime: '01:30' }), '2026-10-24', '2026-10-26');
    expect(exchanges(range)).toEqual(['2026-10-24T00:30:00.000Z A>B', '2026-10-25T00:30:00.000Z B>A', '2026-10-26T01:30:00.000Z A>B']);
    // Sat 24 01:30 BST to Sun 25 01:30 BST is 24 h; Sun 25 01:30 BST to Mon 26 01:30 GMT is 26 h (the repeated hour plus the first).
    const intervals = custodyIntervals(inputs('Europe/London', { pattern: 'custom', rotation: [1, 1], startDate: '2026-10-23', exchangeTime: '01:30' }), Date.parse('2026-10-24T00:30:00Z'), Date.parse('2026-10-26T01:30:00Z'));
    expect(intervals.map((i) => (i.to - i.from) / HOUR)).toEqual([24, 25]);
  });

  it('New York, clocks forward at 02:00 (Sun 8 Mar 2026): an exchange at 02:30 moves to 03:30', () => {
    const range = expandSchedule(inputs('America/New_York', { pattern: 'alternating-weeks', startDate: '2026-03-01', exchangeTime: '02:30' }), '2026-03-01', '2026-03-14');
    expect(exchanges(range)).toEqual(['2026-03-08T07:30:00.000Z A>B']);
    expect(nights(range)).toBe('AAAAAAABBBBBBB');
  });

  it('Sydney, clocks back (Sun 5 Apr 2026) and forward (Sun 4 Oct 2026): exchanges stay at 18:00 local', () => {
    const april = expandSchedule(inputs('Australia/Sydney', { pattern: 'alternating-weeks', startDate: '2026-03-30' }), '2026-03-30', '2026-04-12');
    expect(exchanges(april)).toEqual(['2026-04-06T08:00:00.000Z A>B']);
    expect(timeShare(april, [A, B]).parents[0]).toMatchObject({ overnights: 7, hours: 169 });
    const october = expandSchedule(inputs('Australia/Sydney', { pattern: 'alternating-weeks', startDate: '2026-09-28' }), '2026-09-28', '2026-10-11');
    expect(exchanges(october)).toEqual(['2026-10-05T07:00:00.000Z A>B']);
    expect(timeShare(october, [A, B]).parents[0]).toMatchObject({ overnights: 7, hours: 167 });
  });

  it('Santiago, clocks forward at midnight (Sun 6 Sep 2026): a midnight exchange happens at 01:00, and the day has 23 hours', () => {
    const range = expandSchedule(inputs('America/Santiago', { pattern: 'custom', rotation: [1, 1], startDate: '2026-09-04', exchangeTime: '00:00' }), '2026-09-05', '2026-09-07');
    expect(exchanges(range)).toEqual(['2026-09-05T04:00:00.000Z A>B', '2026-09-06T04:00:00.000Z B>A', '2026-09-07T03:00:00.000Z A>B']);
    expect(range.intervals.map((i) => [i.parentId === A ? 'A' : 'B', (i.to - i.from) / HOUR])).toEqual([
      ['B', 24],
      ['A', 23],
      ['B', 24],
    ]);
  });

  it('India (no DST, +05:30) and Chatham (+12:45/+13:45): exchanges at the local time', () => {
    const kolkata = expandSchedule(inputs('Asia/Kolkata', { pattern: 'alternating-weeks', startDate: '2026-06-01', exchangeTime: '09:00' }), '2026-06-01', '2026-06-14');
    expect(exchanges(kolkata)).toEqual(['2026-06-08T03:30:00.000Z A>B']);
    const chatham = expandSchedule(inputs('Pacific/Chatham', { pattern: 'alternating-weeks', startDate: '2026-06-01', exchangeTime: '09:00' }), '2026-06-01', '2026-06-14');
    expect(exchanges(chatham)).toEqual(['2026-06-07T20:15:00.000Z A>B']);
  });

  it('across a year end: 2-2-3 runs on without a seam', () => {
    const range = expandSchedule(inputs('Europe/Berlin', { pattern: '2-2-3', startDate: '2026-12-28' }), '2026-12-28', '2027-01-10');
    expect(range.days.map((d) => d.date).slice(3, 6)).toEqual(['2026-12-31', '2027-01-01', '2027-01-02']);
    expect(nights(range)).toBe('AABBAAABBAABBB');
  });

  it('across a leap day: 29 Feb 2028 is a day like any other', () => {
    const range = expandSchedule(inputs('Europe/London', { pattern: 'alternating-weeks', startDate: '2028-02-24' }), '2028-02-24', '2028-03-08');
    expect(range.days).toHaveLength(14);
    expect(range.days[5]).toMatchObject({ date: '2028-02-29', parentId: A });
    expect(exchanges(range)).toEqual(['2028-03-02T18:00:00.000Z A>B']);
  });
});

describe('plans, overrides and swaps together', () => {
  const override = (spec: Partial<OverrideSpec>, id = 'o1', agreedAt = 1): ScheduleLayer => ({
    type: 'override',
    id,
    agreedAt,
    spec: { kind: 'holiday', reason: 'Holiday', startDate: '2026-03-05', startTime: '10:00', endDate: '2026-03-07', endTime: '10:00', parentId: B, alternateYears: false, place: '', ...spec },
  });

  it('a later plan applies from its start on and never changes what came before', () => {
    const first = plan('Europe/London', { pattern: 'alternating-weeks', startDate: '2026-03-02' }, 'p1');
    const second = plan('Europe/London', { pattern: 'custom', rotation: [1, 1], startDate: '2026-03-16', firstParentId: B, secondParentId: A }, 'p2');
    const range = expandSchedule({ timeZone: 'Europe/London', parents: [A, B], plans: [first, second], layers: [] }, '2026-03-02', '2026-03-21');
    expect(nights(range)).toBe('AAAAAAA BBBBBBB BABABA'.replace(/ /g, ''));
    expect(range.days[14]).toMatchObject({ source: 'plan', sourceId: 'p2' });
    expect(range.days[13]).toMatchObject({ source: 'plan', sourceId: 'p1' });
  });

  it('an override takes precedence over the plan for its range, with its own exchanges', () => {
    const range = expandSchedule(inputs('Europe/London', { pattern: 'alternating-weeks', startDate: '2026-03-02' }, [override({ place: 'Grandparents' })]), '2026-03-02', '2026-03-08');
    expect(nights(range)).toBe('AAABBAA');
    expect(range.days[3]).toMatchObject({ source: 'override', sourceId: 'o1' });
    expect(range.exchanges.map((e) => [new Date(e.at).toISOString(), e.place, e.source])).toEqual([
      ['2026-03-05T10:00:00.000Z', 'Grandparents', 'override'],
      ['2026-03-07T10:00:00.000Z', 'Grandparents', 'override'],
    ]);
  });

  it('alternating-year holidays: the named parent in the start year and every second year, the other in the years between', () => {
    const christmas = override({ startDate: '2026-12-24', endDate: '2026-12-26', parentId: A, alternateYears: true });
    const schedule = inputs('Europe/London', { pattern: 'alternating-weeks', startDate: '2026-12-14', firstParentId: B, secondParentId: A }, [christmas]);
    const nightOf = (date: string) => expandSchedule(schedule, date, date).days[0]?.parentId;
    expect([nightOf('2026-12-24'), nightOf('2027-12-24'), nightOf('2028-12-24'), nightOf('2029-12-25')]).toEqual([A, B, A, B]);
  });

  it('a swap gives the requester’s days to the other parent, from exchange time to exchange time; a trade also takes theirs', () => {
    const swap: ScheduleLayer = { type: 'swap', id: 's1', agreedAt: 5, spec: { kind: 'trade', requestedBy: A, otherParentId: B, giveDates: ['2026-03-04'], takeDates: ['2026-03-10'] } };
    const range = expandSchedule(inputs('Europe/London', { pattern: 'alternating-weeks', startDate: '2026-03-02' }, [swap]), '2026-03-02', '2026-03-15');
    expect(nights(range)).toBe('AABAAAA BABBBBB'.replace(/ /g, ''));
    expect(exchanges(range)).toContain('2026-03-04T18:00:00.000Z A>B');
    expect(exchanges(range)).toContain('2026-03-05T18:00:00.000Z B>A');
    expect(exchanges(range)).toContain('2026-03-10T18:00:00.000Z B>A');
    expect(exchanges(range)).toContain('2026-03-11T18:00:00.000Z A>B');
    expect(range.days[2]).toMatchObject({ source: 'swap', sourceId: 's1' });
  });

  it('the later agreement wins where an override and a swap meet', () => {
    const swap: ScheduleLayer = { type: 'swap', id: 's1', agreedAt: 10, spec: { kind: 'give', requestedBy: B, otherParentId: A, giveDates: ['2026-03-05'], takeDates: [] } };
    const range = expandSchedule(inputs('Europe/London', { pattern: 'alternating-weeks', startDate: '2026-03-02' }, [override({}, 'o1', 1), swap]), '2026-03-02', '2026-03-08');
    expect(nights(range)).toBe('AAAABAA');
  });

  it('time shares as planned and as lived', () => {
    const schedule = inputs('UTC', { pattern: 'alternating-weeks', startDate: '2026-03-02', exchangeTime: '00:00' }, [override({ startDate: '2026-03-02', startTime: '00:00', endDate: '2026-03-05', endTime: '00:00' })]);
    const lived = timeShare(expandSchedule(schedule, '2026-03-02', '2026-03-15'), [A, B]);
    const planned = timeShare(expandSchedule(schedule, '2026-03-02', '2026-03-15', { planned: true }), [A, B]);
    expect(planned.parents).toEqual([
      { parentId: A, overnights: 7, hours: 168, percent: 50 },
      { parentId: B, overnights: 7, hours: 168, percent: 50 },
    ]);
    expect(lived.parents).toEqual([
      { parentId: A, overnights: 4, hours: 96, percent: 28.57 },
      { parentId: B, overnights: 10, hours: 240, percent: 71.43 },
    ]);
  });

  it('a share of thirds still sums to 100', () => {
    const share = timeShare(expandSchedule(inputs('UTC', { pattern: 'custom', rotation: [1, 2], startDate: '2026-03-02' }), '2026-03-02', '2026-03-07'), [A, B]);
    expect(share.parents.map((p) => p.percent)).toEqual([33.33, 66.67]);
  });
});
