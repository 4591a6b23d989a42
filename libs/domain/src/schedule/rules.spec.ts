import { exchangeIdOf, exchangeInstantOf, parseDate, zoneOf } from './dates';
import { checkPlanSpec } from './plan';
import { checkCheckIn, checkOverrideSpec, checkSwapSpec, decideCourtOrderedApplication, swapExpiresAt } from './rules';
import { localDateOf } from '../time';
import type { OverrideSpec, PlanSpec, SwapSpec } from './types';

const A = 'parent-a';
const B = 'parent-b';
const LONDON = zoneOf('Europe/London');
/** The fixed clock: Mon 2 Nov 2026, 09:00 in London. */
const NOW = Date.parse('2026-11-02T09:00:00Z');
const DAY = 86_400_000;

describe('parseDate', () => {
  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-01', '26-01-01', '2026-01-01T00:00', '', 'today'])('refuses %j', (text) => {
    expect(parseDate(text)).toBeNull();
  });
  it.each([['2028-02-29'], ['2026-12-31'], ['2027-01-01']])('reads %s', (text) => {
    expect(new Date(parseDate(text) ?? 0).toISOString().slice(0, 10)).toBe(text);
  });
  it('writes and reads exchange ids', () => {
    const at = Date.parse('2026-12-11T18:00:00Z');
    expect(exchangeIdOf(at)).toBe('20261211T1800Z');
    expect(exchangeInstantOf('20261211T1800Z')).toBe(at);
    expect(exchangeInstantOf('20261311T1800Z')).toBeNull();
    expect(exchangeInstantOf('20261211T2500Z')).toBeNull();
    expect(exchangeInstantOf('x')).toBeNull();
  });
});

describe('checkPlanSpec', () => {
  const base: PlanSpec = { pattern: '2-2-3', startDate: '2026-11-09', exchangeTime: '18:00', firstParentId: A, secondParentId: B, place: '' };
  const check = (spec: Partial<PlanSpec>) => checkPlanSpec({ ...base, ...spec }, { parents: [A, B], zone: LONDON, now: NOW });
  const problems = (spec: Partial<PlanSpec>) => {
    const result = check(spec);
    return result.ok ? [] : result.problems.map((p) => `${p.field} ${p.rule}`);
  };

  it('accepts a plan that starts in the future', () => {
    expect(check({}).ok).toBe(true);
    expect(check({ startDate: '2026-11-02', exchangeTime: '09:01' }).ok).toBe(true);
  });

  it.each<[string, Partial<PlanSpec>, string[]]>([
    ['a start in the past', { startDate: '2026-11-01' }, ['startDate future']],
    ['a start now', { startDate: '2026-11-02', exchangeTime: '09:00' }, ['startDate future']],
    ['an impossible date', { startDate: '2026-02-30' }, ['startDate isDate']],
    ['a bad time', { exchangeTime: '24:00' }, ['exchangeTime isTime']],
    ['a stranger as first parent', { firstParentId: 'someone' }, ['firstParentId isParent']],
    ['a custom pattern without rotation', { pattern: 'custom' }, ['rotation minItems']],
    ['a custom stretch of 0 days', { pattern: 'custom', rotation: [3, 0] }, ['rotation[1] range']],
    ['a rotation on a fixed pattern', { rotation: [3, 4] }, ['rotation onlyCustom']],
    ['a midweek visit on 2-2-3', { midweekVisit: { weekday: 3, from: '16:00', to: '19:00' } }, ['midweekVisit onlyEveryOtherWeekend']],
    ['a visit ending before it starts', { pattern: 'every-other-weekend', midweekVisit: { weekday: 3, from: '19:00', to: '16:00' } }, ['midweekVisit.to afterFrom']],
    ['a visit on a Friday', { pattern: 'every-other-weekend', midweekVisit: { weekday: 5, from: '16:00', to: '19:00' } }, ['midweekVisit.weekday range']],
  ])('refuses %s', (_name, spec, expected) => {
    expect(problems(spec)).toEqual(expected);
  });
});

describe('checkOverrideSpec', () => {
  const base: OverrideSpec = { kind: 'holiday', reason: 'Christmas', startDate: '2026-12-24', startTime: '10:00', endDate: '2026-12-26', endTime: '10:00', parentId: A, alternateYears: false, place: '' };
  const check = (spec: Partial<OverrideSpec>, existing: { id: string; spec: OverrideSpec }[] = []) => checkOverrideSpec({ ...base, ...spec }, { parents: [A, B], zone: LONDON, now: NOW, existing });
  const problems = (spec: Partial<OverrideSpec>, existing: { id: string; spec: OverrideSpec }[] = []) => {
    const result = check(spec, existing);
    return result.ok ? [] : result.problems.map((p) => `${p.field} ${p.rule}`);
  };

  it('accepts a block in the future', () => expect(check({}).ok).toBe(true));

  it.each<[string, Partial<OverrideSpec>, string[]]>([
    ['an end before the start', { endDate: '2026-12-23' }, ['endDate afterStart']],
    ['an end equal to the start', { endDate: '2026-12-24' }, ['endDate afterStart']],
    ['a start in the past', { startDate: '2026-11-01', endDate: '2026-11-05' }, ['startDate future']],
    ['an impossible date', { endDate: '2026-12-32' }, ['endDate isDate']],
    ['a stranger', { parentId: 'someone' }, ['parentId isParent']],
    ['a blank reason', { reason: '  ' }, ['reason required']],
    ['a yearly block on 29 February', { startDate: '2028-02-29', endDate: '2028-03-01', alternateYears: true }, ['startDate notLeapDay']],
    ['a yearly block of a whole year', { startDate: '2026-12-24', endDate: '2027-12-24', alternateYears: true }, ['endDate withinAYear']],
  ])('refuses %s', (_name, spec, expected) => {
    expect(problems(spec)).toEqual(expected);
  });

  it('refuses an overlap with another override, naming it; touching ends are fine', () => {
    const other = { id: 'o1', spec: { ...base, startDate: '2026-12-25', endDate: '2026-12-28' } };
    const result = check({}, [other]);
    expect(result).toMatchObject({ ok: false, overlapsWith: 'o1', problems: [{ field: 'startDate', rule: 'noOverlap' }] });
    expect(check({}, [{ id: 'o2', spec: { ...base, startDate: '2026-12-26', endDate: '2026-12-28' } }]).ok).toBe(true);
  });

  it('refuses an overlap with a later year of a yearly holiday', () => {
    const yearly = { id: 'o1', spec: { ...base, alternateYears: true } };
    expect(problems({ startDate: '2029-12-20', endDate: '2029-12-25' }, [yearly])).toEqual(['startDate noOverlap']);
    expect(problems({ startDate: '2029-12-20', endDate: '2029-12-24' }, [yearly])).toEqual([]);
  });
});

describe('checkSwapSpec', () => {
  // A has every night of November and December in this fixture except Sundays, which are B's.
  const holderOf = (dates: string[]) => new Map(dates.map((date) => [date, new Date(`${date}T12:00:00Z`).getUTCDay() === 0 ? B : A]));
  const base: SwapSpec = { kind: 'give', requestedBy: A, otherParentId: B, giveDates: ['2026-11-06'], takeDates: [] };
  const problems = (spec: Partial<SwapSpec>, now = NOW) => {
    const result = checkSwapSpec({ ...base, ...spec }, { zone: LONDON, now, holderOf });
    return result.ok ? [] : result.problems.map((p) => `${p.field} ${p.rule}`);
  };

  it('accepts giving one’s own days, and trading them for the other’s', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ kind: 'trade', takeDates: ['2026-11-08'] })).toEqual([]);
  });

  it.each<[string, Partial<SwapSpec>, string[]]>([
    ['today', { giveDates: ['2026-11-02'] }, ['giveDates[0] future']],
    ['a day in the past', { giveDates: ['2026-10-30'] }, ['giveDates[0] future']],
    ['an impossible date', { giveDates: ['2026-11-31'] }, ['giveDates[0] isDate']],
    ['a day twice', { giveDates: ['2026-11-06', '2026-11-06'] }, ['giveDates[1] unique']],
    ['the other parent’s day given', { giveDates: ['2026-11-08'] }, ['giveDates[0] yourDay']],
    ['one’s own day taken', { kind: 'trade', takeDates: ['2026-11-07'] }, ['takeDates[0] theirDay']],
    ['a trade without days in return', { kind: 'trade' }, ['takeDates minItems']],
    ['a give with days in return', { takeDates: ['2026-11-08'] }, ['takeDates onlyTrade']],
    ['nothing', { giveDates: [] }, ['giveDates minItems']],
    ['a day more than a year ahead', { giveDates: ['2027-11-06'] }, ['giveDates[0] withinAYear']],
  ])('refuses %s', (_name, spec, expected) => {
    expect(problems(spec)).toEqual(expected);
  });

  it('expires at the start of its first day, in the case’s zone', () => {
    expect(new Date(swapExpiresAt(LONDON, { giveDates: ['2026-11-06'], takeDates: ['2026-11-01'] })).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(new Date(swapExpiresAt(zoneOf('America/New_York'), { giveDates: ['2026-07-04'], takeDates: [] })).toISOString()).toBe('2026-07-04T04:00:00.000Z');
  });

  it('counts today in the case’s zone: at 23:30 in New York it is already tomorrow in UTC', () => {
    const lateEvening = Date.parse('2026-11-03T04:30:00Z');
    expect(new Date(localDateOf(zoneOf('America/New_York'), lateEvening)).toISOString().slice(0, 10)).toBe('2026-11-02');
  });
});

describe('checkCheckIn', () => {
  const at = NOW + 2 * 3_600_000;
  const problems = (input: Partial<Parameters<typeof checkCheckIn>[0]>, now = at) => {
    const result = checkCheckIn({ status: 'on_time', lateMinutes: null, note: null, ...input }, { exchangeAt: at, now });
    return result.ok ? [] : result.problems.map((p) => `${p.field} ${p.rule}`);
  };
  it.each<[string, Partial<Parameters<typeof checkCheckIn>[0]>, number, string[]]>([
    ['on time', {}, at, []],
    ['late by 20 minutes, with a note', { status: 'late', lateMinutes: 20, note: 'Arrived 18:20' }, at + 30 * 60_000, []],
    ['missed', { status: 'missed' }, at + DAY, []],
    ['late without minutes', { status: 'late' }, at, ['lateMinutes required']],
    ['late by 0 minutes', { status: 'late', lateMinutes: 0 }, at, ['lateMinutes range']],
    ['minutes when on time', { lateMinutes: 5 }, at, ['lateMinutes onlyLate']],
    ['a long note', { note: 'x'.repeat(281) }, at, ['note maxLength']],
    ['two hours early', {}, at - 2 * 3_600_000, ['exchangeId notYet']],
    ['eight days late', {}, at + 8 * DAY, ['exchangeId tooLate']],
  ])('%s', (_name, input, now, expected) => {
    expect(problems(input, now)).toEqual(expected);
  });
});

describe('decideCourtOrderedApplication', () => {
  const proposed = { status: 'pending', proposedBy: A, createdAt: NOW };
  it.each<[string, typeof proposed, string, number, ReturnType<typeof decideCourtOrderedApplication>]>([
    ['after 14 days, by the proposer', proposed, A, NOW + 14 * DAY, { ok: true }],
    ['a minute before 14 days', proposed, A, NOW + 14 * DAY - 60_000, { ok: false, reason: 'too_soon', availableAt: NOW + 14 * DAY }],
    ['by the other parent', proposed, B, NOW + 20 * DAY, { ok: false, reason: 'not_proposer' }],
    ['once answered', { ...proposed, status: 'declined' }, A, NOW + 20 * DAY, { ok: false, reason: 'not_pending' }],
  ])('%s', (_name, plan, actor, now, expected) => {
    expect(decideCourtOrderedApplication(plan, actor, now)).toEqual(expected);
  });
});
