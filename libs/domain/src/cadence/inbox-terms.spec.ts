import {
  INBOX_DAILY_QUOTA_MIN,
  INBOX_TERMS_NOTICE_MS,
  INBOX_WINDOWS_PER_WEEK_MIN,
  inboxTermsAt,
  inboxTermsEffectiveAt,
  validateInboxTerms,
  type InboxTermsChange,
} from './inbox-terms';
import type { Cadence, DeliveryWindow, InboxTerms } from './terms';

const mondayAndThursdayAt18: DeliveryWindow[] = [
  { weekday: 1, time: '18:00' },
  { weekday: 4, time: '18:00' },
];

function everyDayTwice(): { weekday: number; time: string }[] {
  return [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
    { weekday, time: '08:00' },
    { weekday, time: '20:00' },
  ]);
}

/** Rows name the field under test; the other field is a valid one. */
function complete(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  return { cadence: { mode: 'immediate' }, dailyQuota: 5, ...input };
}

function problemsOf(input: unknown): [string, string][] {
  const result = validateInboxTerms(input);
  if (result.ok) throw new Error(`expected problems, got ok: ${JSON.stringify(result.terms)}`);
  return result.problems.map((problem): [string, string] => [problem.field, problem.rule]).sort();
}

function termsOf(input: unknown): InboxTerms {
  const result = validateInboxTerms(input);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result.terms;
}

describe('the floors that keep the channel open', () => {
  it('are two windows a week and two messages a day', () => {
    expect([INBOX_WINDOWS_PER_WEEK_MIN, INBOX_DAILY_QUOTA_MIN]).toEqual([2, 2]);
  });
});

describe('validateInboxTerms accepts', () => {
  // prettier-ignore
  it.each<[string, unknown, InboxTerms]>([
    ['immediate, the smallest quota', { cadence: { mode: 'immediate' }, dailyQuota: 2 }, { cadence: { mode: 'immediate' }, dailyQuota: 2 }],
    ['immediate, the largest quota', { cadence: { mode: 'immediate' }, dailyQuota: 50 }, { cadence: { mode: 'immediate' }, dailyQuota: 50 }],
    ['two windows, the floor', { cadence: { mode: 'windows', windows: mondayAndThursdayAt18 }, dailyQuota: 3 }, { cadence: { mode: 'windows', windows: mondayAndThursdayAt18 }, dailyQuota: 3 }],
    ['two windows on one day', { cadence: { mode: 'windows', windows: [{ weekday: 3, time: '23:59' }, { weekday: 3, time: '00:00' }] }, dailyQuota: 2 }, { cadence: { mode: 'windows', windows: [{ weekday: 3, time: '00:00' }, { weekday: 3, time: '23:59' }] }, dailyQuota: 2 }],
    ['fourteen windows', { cadence: { mode: 'windows', windows: everyDayTwice() }, dailyQuota: 5 }, { cadence: { mode: 'windows', windows: everyDayTwice() as DeliveryWindow[] }, dailyQuota: 5 }],
  ])('%s', (_name, input, expected) => {
    expect(termsOf(input)).toEqual(expected);
  });

  it('returns windows in canonical order and data that shares nothing with the input', () => {
    const input = { cadence: { mode: 'windows', windows: [{ weekday: 7, time: '09:00' }, { weekday: 1, time: '18:00' }, { weekday: 1, time: '08:00' }] }, dailyQuota: 4 };
    const terms = termsOf(input);
    input.cadence.windows[0]!.time = '03:00';
    expect(terms.cadence).toEqual({
      mode: 'windows',
      windows: [
        { weekday: 1, time: '08:00' },
        { weekday: 1, time: '18:00' },
        { weekday: 7, time: '09:00' },
      ],
    });
  });

  it('accepts parsed JSON', () => {
    expect(termsOf(JSON.parse('{"cadence":{"mode":"immediate"},"dailyQuota":9}'))).toEqual({ cadence: { mode: 'immediate' }, dailyQuota: 9 });
  });
});

describe('validateInboxTerms refuses, naming the field and rule', () => {
  const windowsWith = (...windows: unknown[]) => ({ cadence: { mode: 'windows', windows } });
  const oneWindowWith = (window: unknown) => windowsWith(window);

  // prettier-ignore
  it.each<[string, unknown, [string, string][]]>([
    // The whole object
    ['null', null, [['', 'type']]],
    ['a list', [{ dailyQuota: 5 }], [['', 'type']]],
    ['a missing cadence', { cadence: undefined }, [['cadence', 'required']]],
    ['a missing daily quota', { dailyQuota: undefined }, [['dailyQuota', 'required']]],
    ['a shared term beside them', { showReadTimes: false }, [['showReadTimes', 'unknown']]],
    // The floors
    ['one window a week', { cadence: { mode: 'windows', windows: [{ weekday: 1, time: '18:00' }] } }, [['cadence.windows', 'minItems']]],
    ['one message a day', { dailyQuota: 1 }, [['dailyQuota', 'min']]],
    // dailyQuota
    ['a daily quota of 0', { dailyQuota: 0 }, [['dailyQuota', 'min']]],
    ['a negative daily quota', { dailyQuota: -3 }, [['dailyQuota', 'min']]],
    ['a daily quota of 51', { dailyQuota: 51 }, [['dailyQuota', 'max']]],
    ['a fractional daily quota', { dailyQuota: 2.5 }, [['dailyQuota', 'integer']]],
    ['a daily quota as text', { dailyQuota: '5' }, [['dailyQuota', 'type']]],
    ['a null daily quota', { dailyQuota: null }, [['dailyQuota', 'type']]],
    ['a NaN daily quota', { dailyQuota: Number.NaN }, [['dailyQuota', 'integer']]],
    ['an infinite daily quota', { dailyQuota: Number.POSITIVE_INFINITY }, [['dailyQuota', 'integer']]],
    // cadence
    ['a cadence as text', { cadence: 'immediate' }, [['cadence', 'type']]],
    ['a cadence without mode', { cadence: {} }, [['cadence.mode', 'required']]],
    ['an unknown cadence mode', { cadence: { mode: 'weekly' } }, [['cadence.mode', 'oneOf']]],
    ['a cadence mode in other case', { cadence: { mode: 'Immediate' } }, [['cadence.mode', 'oneOf']]],
    ['windows with an immediate cadence', { cadence: { mode: 'immediate', windows: [] } }, [['cadence.windows', 'unknown']]],
    ['a windows cadence without windows', { cadence: { mode: 'windows' } }, [['cadence.windows', 'required']]],
    ['windows as an object', { cadence: { mode: 'windows', windows: { weekday: 1, time: '18:00' } } }, [['cadence.windows', 'type']]],
    ['an empty list of windows', windowsWith(), [['cadence.windows', 'minItems']]],
    ['fifteen windows', windowsWith(...everyDayTwice(), { weekday: 1, time: '12:00' }), [['cadence.windows', 'maxItems']]],
    ['an unknown key beside the windows', { cadence: { mode: 'windows', windows: mondayAndThursdayAt18, timeZone: 'Europe/London' } }, [['cadence.timeZone', 'unknown']]],
    ['a window that is null', oneWindowWith(null), [['cadence.windows[0]', 'type']]],
    ['a window given as text', oneWindowWith('Mon 18:00'), [['cadence.windows[0]', 'type']]],
    ['a window without time', oneWindowWith({ weekday: 1 }), [['cadence.windows[0].time', 'required']]],
    ['a window without weekday', oneWindowWith({ time: '18:00' }), [['cadence.windows[0].weekday', 'required']]],
    ['weekday 0', oneWindowWith({ weekday: 0, time: '18:00' }), [['cadence.windows[0].weekday', 'min']]],
    ['weekday 8', oneWindowWith({ weekday: 8, time: '18:00' }), [['cadence.windows[0].weekday', 'max']]],
    ['a fractional weekday', oneWindowWith({ weekday: 1.5, time: '18:00' }), [['cadence.windows[0].weekday', 'integer']]],
    ['a weekday as text', oneWindowWith({ weekday: 'Mon', time: '18:00' }), [['cadence.windows[0].weekday', 'type']]],
    ['the time 24:00', oneWindowWith({ weekday: 1, time: '24:00' }), [['cadence.windows[0].time', 'format']]],
    ['the time 18:60', oneWindowWith({ weekday: 1, time: '18:60' }), [['cadence.windows[0].time', 'format']]],
    ['a time without leading zero', oneWindowWith({ weekday: 1, time: '9:00' }), [['cadence.windows[0].time', 'format']]],
    ['a time with seconds', oneWindowWith({ weekday: 1, time: '18:00:00' }), [['cadence.windows[0].time', 'format']]],
    ['a time with spaces', oneWindowWith({ weekday: 1, time: ' 18:00' }), [['cadence.windows[0].time', 'format']]],
    ['a 12-hour time', oneWindowWith({ weekday: 1, time: '6:00 PM' }), [['cadence.windows[0].time', 'format']]],
    ['a time with a trailing newline', oneWindowWith({ weekday: 1, time: '18:00\n' }), [['cadence.windows[0].time', 'format']]],
    ['a time as a number', oneWindowWith({ weekday: 1, time: 1800 }), [['cadence.windows[0].time', 'type']]],
    ['an unknown key in a window', oneWindowWith({ weekday: 1, time: '18:00', zone: 'UTC' }), [['cadence.windows[0].zone', 'unknown']]],
    ['a repeated window', windowsWith({ weekday: 1, time: '18:00' }, { weekday: 4, time: '18:00' }, { weekday: 1, time: '18:00' }), [['cadence.windows[2]', 'unique']]],
    ['a problem in the second window only', windowsWith({ weekday: 1, time: '18:00' }, { weekday: 4, time: '7pm' }), [['cadence.windows[1].time', 'format']]],
  ])('%s', (_name, input, expected) => {
    expect(problemsOf(complete(input))).toEqual([...expected].sort());
  });

  it('does not inspect the entries of an oversized list of windows', () => {
    const result = validateInboxTerms(complete(windowsWith(...Array.from({ length: 10_000 }, () => 'junk'))));
    expect(result).toEqual({ ok: false, problems: [expect.objectContaining({ field: 'cadence.windows', rule: 'maxItems' })] });
  });

  it('explains each problem in a sentence that names the field', () => {
    const result = validateInboxTerms({ dailyQuota: 1, cadence: { mode: 'windows', windows: [{ weekday: 1, time: '18:00' }] } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.message)).toEqual([
      'cadence.windows needs at least 2 delivery windows a week, so that the channel stays open.',
      'dailyQuota must be a whole number from 2 to 50; 1 is too low.',
    ]);
  });
});

describe('inboxTermsEffectiveAt', () => {
  it('is a day after the change, to the millisecond, across a DST change too', () => {
    expect(inboxTermsEffectiveAt(new Date('2026-03-05T09:00:00.123Z')).toISOString()).toBe('2026-03-06T09:00:00.123Z');
    expect(inboxTermsEffectiveAt(new Date('2026-03-28T12:00:00Z')).getTime() - new Date('2026-03-28T12:00:00Z').getTime()).toBe(INBOX_TERMS_NOTICE_MS);
  });
});

describe('inboxTermsAt', () => {
  const ALEX = 'alex';
  const SAM = 'sam';
  const immediate: Cadence = { mode: 'immediate' };
  const windows: Cadence = { mode: 'windows', windows: mondayAndThursdayAt18 };
  const t = (iso: string) => new Date(iso);
  let seq = 0;
  const change = (userId: string | null, dailyQuota: number, requestedAt: string, effectiveAt = requestedAt, cadence: Cadence = immediate): InboxTermsChange => ({
    userId,
    terms: { cadence, dailyQuota },
    requestedAt: t(requestedAt),
    effectiveAt: t(effectiveAt),
    ledgerSeq: ++seq,
  });
  const created = change(null, 5, '2026-03-01T09:00:00Z');
  const samLowers = change(SAM, 3, '2026-03-05T09:00:00Z', '2026-03-06T09:00:00Z', windows);
  const quota = (state: { inForce: InboxTermsChange | null }) => state.inForce?.terms.dailyQuota ?? null;

  // prettier-ignore
  it.each<[string, InboxTermsChange[], string, string, number | null, number | null]>([
    ["before the case: none", [created], SAM, '2026-02-28T00:00:00Z', null, null],
    ["the case's first terms bind both inboxes", [created], ALEX, '2026-03-02T00:00:00Z', 5, null],
    ['a change is pending for a day', [created, samLowers], SAM, '2026-03-05T10:00:00Z', 5, 3],
    ['1 ms before its effective time: still pending', [created, samLowers], SAM, '2026-03-06T08:59:59.999Z', 5, 3],
    ['at its effective time: in force', [created, samLowers], SAM, '2026-03-06T09:00:00Z', 3, null],
    ["one parent's change leaves the other inbox alone", [created, samLowers], ALEX, '2026-03-07T00:00:00Z', 5, null],
    ['a change made after the instant asked about is not seen', [created, samLowers], SAM, '2026-03-05T08:00:00Z', 5, null],
    ['a newer change replaces a pending one, which never binds', [created, samLowers, change(SAM, 8, '2026-03-05T20:00:00Z', '2026-03-06T20:00:00Z')], SAM, '2026-03-06T12:00:00Z', 5, 8],
    ['the replacing change binds a day after it was made', [created, samLowers, change(SAM, 8, '2026-03-05T20:00:00Z', '2026-03-06T20:00:00Z')], SAM, '2026-03-06T20:00:00Z', 8, null],
    ['a change after one in force: the first stays until the second binds', [created, samLowers, change(SAM, 10, '2026-03-10T09:00:00Z', '2026-03-11T09:00:00Z')], SAM, '2026-03-10T12:00:00Z', 3, 10],
    ['terms agreed for the whole case (older records) bind at once', [created, change(null, 2, '2026-03-03T00:00:00Z')], ALEX, '2026-03-03T00:00:00Z', 2, null],
    ['order of the list does not matter', [samLowers, created], SAM, '2026-03-07T00:00:00Z', 3, null],
  ])('%s', (_name, changes, userId, at, inForce, pending) => {
    const state = inboxTermsAt(changes, userId, t(at));
    expect([quota(state), state.pending?.terms.dailyQuota ?? null]).toEqual([inForce, pending]);
  });

  it('refuses an invalid instant', () => {
    expect(() => inboxTermsAt([created], SAM, new Date(Number.NaN))).toThrow(RangeError);
  });
});
