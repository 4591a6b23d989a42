import {
  DEFAULT_CASE_TERMS,
  applyTermsChanges,
  sortDeliveryWindows,
  validateTermsChanges,
  type CaseTerms,
  type DeliveryWindow,
  type TermsChanges,
} from './terms';

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

function problemsOf(input: unknown): [string, string][] {
  const result = validateTermsChanges(input);
  if (result.ok) throw new Error(`expected problems, got ok: ${JSON.stringify(result.changes)}`);
  return result.problems.map((problem): [string, string] => [problem.field, problem.rule]).sort();
}

function changesOf(input: unknown): TermsChanges {
  const result = validateTermsChanges(input);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
  return result.changes;
}

describe('DEFAULT_CASE_TERMS', () => {
  it('is immediate, 5 a day, 3 urgent per 30 days, read times shown, split evenly', () => {
    expect(DEFAULT_CASE_TERMS).toEqual({
      cadence: { mode: 'immediate' },
      dailyQuota: 5,
      urgentPer30Days: 3,
      showReadTimes: true,
      split: { firstParentBasisPoints: 5000 },
    });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_CASE_TERMS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CASE_TERMS.split)).toBe(true);
    expect(Object.isFrozen(DEFAULT_CASE_TERMS.cadence)).toBe(true);
  });

  it('passes its own validation', () => {
    expect(changesOf(DEFAULT_CASE_TERMS)).toEqual(DEFAULT_CASE_TERMS);
  });
});

describe('validateTermsChanges accepts', () => {
  // prettier-ignore
  it.each<[string, unknown, TermsChanges]>([
    ['the smallest daily quota', { dailyQuota: 1 }, { dailyQuota: 1 }],
    ['the largest daily quota', { dailyQuota: 50 }, { dailyQuota: 50 }],
    ['urgent turned off', { urgentPer30Days: 0 }, { urgentPer30Days: 0 }],
    ['the largest urgent limit', { urgentPer30Days: 10 }, { urgentPer30Days: 10 }],
    ['read times hidden', { showReadTimes: false }, { showReadTimes: false }],
    ['read times shown', { showReadTimes: true }, { showReadTimes: true }],
    ['a split of nothing for the first parent', { split: { firstParentBasisPoints: 0 } }, { split: { firstParentBasisPoints: 0 } }],
    ['a split of everything for the first parent', { split: { firstParentBasisPoints: 10000 } }, { split: { firstParentBasisPoints: 10000 } }],
    ['a 60/40 split', { split: { firstParentBasisPoints: 6000 } }, { split: { firstParentBasisPoints: 6000 } }],
    ['an immediate cadence', { cadence: { mode: 'immediate' } }, { cadence: { mode: 'immediate' } }],
    ['one window', { cadence: { mode: 'windows', windows: [{ weekday: 7, time: '09:30' }] } }, { cadence: { mode: 'windows', windows: [{ weekday: 7, time: '09:30' }] } }],
    [
      'the first and last minute of a day',
      {
        cadence: {
          mode: 'windows',
          windows: [
            { weekday: 3, time: '23:59' },
            { weekday: 3, time: '00:00' },
          ],
        },
      },
      {
        cadence: {
          mode: 'windows',
          windows: [
            { weekday: 3, time: '00:00' },
            { weekday: 3, time: '23:59' },
          ],
        },
      },
    ],
    ['fourteen windows', { cadence: { mode: 'windows', windows: everyDayTwice() } }, { cadence: { mode: 'windows', windows: everyDayTwice() as DeliveryWindow[] } }],
    ['a key given as undefined beside a real change (undefined means no change)', { dailyQuota: 7, showReadTimes: undefined }, { dailyQuota: 7 }],
    ['-0 as 0', { urgentPer30Days: -0 }, { urgentPer30Days: 0 }],
  ])('%s', (_name, input, expected) => {
    const changes = changesOf(input);
    expect(changes).toEqual(expected);
    expect(Object.is(changes.urgentPer30Days, -0)).toBe(false);
  });

  it('every setting at once', () => {
    const input = {
      cadence: { mode: 'windows', windows: mondayAndThursdayAt18 },
      dailyQuota: 3,
      urgentPer30Days: 1,
      showReadTimes: false,
      split: { firstParentBasisPoints: 7000 },
    };
    expect(changesOf(input)).toEqual(input);
  });

  it('returns windows in canonical order: by weekday, then time', () => {
    const changes = changesOf({
      cadence: {
        mode: 'windows',
        windows: [
          { weekday: 7, time: '09:00' },
          { weekday: 1, time: '18:00' },
          { weekday: 4, time: '07:45' },
          { weekday: 1, time: '08:00' },
        ],
      },
    });
    expect(changes.cadence).toEqual({
      mode: 'windows',
      windows: [
        { weekday: 1, time: '08:00' },
        { weekday: 1, time: '18:00' },
        { weekday: 4, time: '07:45' },
        { weekday: 7, time: '09:00' },
      ],
    });
  });

  it('returns data that shares nothing with the input', () => {
    const input = {
      cadence: { mode: 'windows', windows: [{ weekday: 2, time: '18:00' }] },
      split: { firstParentBasisPoints: 5000 },
    };
    const changes = changesOf(input);
    input.cadence.windows[0]!.time = '03:00';
    input.cadence.windows.push({ weekday: 3, time: '04:00' });
    input.split.firstParentBasisPoints = 1;
    expect(changes).toEqual({
      cadence: { mode: 'windows', windows: [{ weekday: 2, time: '18:00' }] },
      split: { firstParentBasisPoints: 5000 },
    });
  });

  it('accepts parsed JSON, including an object without a prototype', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { dailyQuota: 9 });
    expect(changesOf(bare)).toEqual({ dailyQuota: 9 });
    expect(changesOf(JSON.parse('{"showReadTimes":false}'))).toEqual({ showReadTimes: false });
  });
});

describe('validateTermsChanges refuses, naming the field and rule', () => {
  const windowsWith = (...windows: unknown[]) => ({ cadence: { mode: 'windows', windows } });
  const oneWindowWith = (window: unknown) => windowsWith(window);

  // prettier-ignore
  it.each<[string, unknown, [string, string][]]>([
    // The whole object
    ['null', null, [['', 'type']]],
    ['a list', [{ dailyQuota: 5 }], [['', 'type']]],
    ['a string', 'dailyQuota=5', [['', 'type']]],
    ['a number', 5, [['', 'type']]],
    ['a Date', new Date(0), [['', 'type']]],
    ['no changes at all', {}, [['', 'nonEmpty']]],
    ['only undefined values', { dailyQuota: undefined }, [['', 'nonEmpty']]],
    [
      'only an unknown key',
      { topics: ['health'] },
      [['', 'nonEmpty'], ['topics', 'unknown']],
    ],
    ['an unknown key beside a known one', { dailyQuota: 5, dailyquota: 6 }, [['dailyquota', 'unknown']]],
    ['a prototype key from JSON', JSON.parse('{"dailyQuota":5,"__proto__":{"x":1}}'), [['__proto__', 'unknown']]],
    // dailyQuota
    ['a daily quota of 0', { dailyQuota: 0 }, [['dailyQuota', 'min']]],
    ['a negative daily quota', { dailyQuota: -3 }, [['dailyQuota', 'min']]],
    ['a daily quota of 51', { dailyQuota: 51 }, [['dailyQuota', 'max']]],
    ['a fractional daily quota', { dailyQuota: 2.5 }, [['dailyQuota', 'integer']]],
    ['a daily quota as text', { dailyQuota: '5' }, [['dailyQuota', 'type']]],
    ['a null daily quota', { dailyQuota: null }, [['dailyQuota', 'type']]],
    ['a NaN daily quota', { dailyQuota: Number.NaN }, [['dailyQuota', 'integer']]],
    ['an infinite daily quota', { dailyQuota: Number.POSITIVE_INFINITY }, [['dailyQuota', 'integer']]],
    // urgentPer30Days
    ['a negative urgent limit', { urgentPer30Days: -1 }, [['urgentPer30Days', 'min']]],
    ['an urgent limit of 11', { urgentPer30Days: 11 }, [['urgentPer30Days', 'max']]],
    ['a fractional urgent limit', { urgentPer30Days: 1.5 }, [['urgentPer30Days', 'integer']]],
    ['an urgent limit as a boolean', { urgentPer30Days: true }, [['urgentPer30Days', 'type']]],
    // showReadTimes
    ['read times as text', { showReadTimes: 'yes' }, [['showReadTimes', 'type']]],
    ['read times as a number', { showReadTimes: 1 }, [['showReadTimes', 'type']]],
    ['read times as null', { showReadTimes: null }, [['showReadTimes', 'type']]],
    // split
    ['a split as a bare number', { split: 5000 }, [['split', 'type']]],
    ['a split as a list', { split: [6000, 4000] }, [['split', 'type']]],
    ['a split without basis points', { split: {} }, [['split.firstParentBasisPoints', 'required']]],
    ['a negative split', { split: { firstParentBasisPoints: -1 } }, [['split.firstParentBasisPoints', 'min']]],
    ['a split over the whole', { split: { firstParentBasisPoints: 10001 } }, [['split.firstParentBasisPoints', 'max']]],
    ['a split as a percentage with decimals', { split: { firstParentBasisPoints: 50.5 } }, [['split.firstParentBasisPoints', 'integer']]],
    ['a split naming both parents', { split: { firstParentBasisPoints: 6000, secondParentBasisPoints: 4000 } }, [['split.secondParentBasisPoints', 'unknown']]],
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
    // one window
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
    // several at once
    [
      'problems in several fields, all reported',
      {
        dailyQuota: 0,
        showReadTimes: 'no',
        colour: 'red',
        cadence: {
          mode: 'windows',
          windows: [
            { weekday: 1, time: '18:00' },
            { weekday: 9, time: '25:00' },
          ],
        },
      },
      [['cadence.windows[1].time', 'format'], ['cadence.windows[1].weekday', 'max'], ['colour', 'unknown'], ['dailyQuota', 'min'], ['showReadTimes', 'type']],
    ],
  ])('%s', (_name, input, expected) => {
    expect(problemsOf(input)).toEqual([...expected].sort());
  });

  it('does not inspect the entries of an oversized list of windows', () => {
    const result = validateTermsChanges(windowsWith(...Array.from({ length: 10_000 }, () => 'junk')));
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ field: 'cadence.windows', rule: 'maxItems' })],
    });
  });

  it('explains each problem in a sentence that names the field', () => {
    const result = validateTermsChanges({
      dailyQuota: 99,
      split: { firstParentBasisPoints: -5 },
      cadence: { mode: 'windows', windows: [{ weekday: 1, time: 'noon' }] },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(3);
    for (const problem of result.problems) {
      expect(problem.message).toContain(problem.field);
      expect(problem.message).toMatch(/\.$/);
    }
    expect(result.problems.find((problem) => problem.field === 'dailyQuota')?.message).toBe(
      'dailyQuota must be a whole number from 1 to 50; 99 is too high.',
    );
  });
});

describe('sortDeliveryWindows', () => {
  it('sorts copies by weekday then time and leaves the input alone', () => {
    const input: DeliveryWindow[] = [
      { weekday: 5, time: '10:00' },
      { weekday: 2, time: '23:59' },
      { weekday: 2, time: '00:00' },
    ];
    const sorted = sortDeliveryWindows(input);
    expect(sorted).toEqual([
      { weekday: 2, time: '00:00' },
      { weekday: 2, time: '23:59' },
      { weekday: 5, time: '10:00' },
    ]);
    expect(input[0]).toEqual({ weekday: 5, time: '10:00' });
    expect(sorted[2]).not.toBe(input[0]);
  });
});

describe('applyTermsChanges', () => {
  const current: CaseTerms = {
    cadence: { mode: 'windows', windows: mondayAndThursdayAt18 },
    dailyQuota: 4,
    urgentPer30Days: 2,
    showReadTimes: true,
    split: { firstParentBasisPoints: 6000 },
  };

  it.each<[string, TermsChanges, Partial<CaseTerms>]>([
    ['nothing', {}, {}],
    ['the cadence to immediate', { cadence: { mode: 'immediate' } }, { cadence: { mode: 'immediate' } }],
    ['the daily quota', { dailyQuota: 10 }, { dailyQuota: 10 }],
    ['the urgent limit to 0', { urgentPer30Days: 0 }, { urgentPer30Days: 0 }],
    ['read times off', { showReadTimes: false }, { showReadTimes: false }],
    ['the split to 0', { split: { firstParentBasisPoints: 0 } }, { split: { firstParentBasisPoints: 0 } }],
    [
      'several at once',
      { dailyQuota: 1, cadence: { mode: 'windows', windows: [{ weekday: 6, time: '10:00' }] } },
      { dailyQuota: 1, cadence: { mode: 'windows', windows: [{ weekday: 6, time: '10:00' }] } },
    ],
  ])('changes %s and keeps the rest', (_name, changes, changed) => {
    expect(applyTermsChanges(current, changes)).toEqual({ ...current, ...changed });
  });

  it('returns fresh objects and leaves its inputs untouched', () => {
    const before = JSON.stringify(current);
    const changes: TermsChanges = { split: { firstParentBasisPoints: 1000 } };
    const next = applyTermsChanges(current, changes);
    expect(next).not.toBe(current);
    expect(next.split).not.toBe(changes.split);
    expect(next.cadence).not.toBe(current.cadence);
    if (next.cadence.mode !== 'windows' || current.cadence.mode !== 'windows') throw new Error('windows expected');
    expect(next.cadence.windows).not.toBe(current.cadence.windows);
    expect(JSON.stringify(current)).toBe(before);
  });

  it('starts a case from the defaults without sharing the frozen objects', () => {
    const terms = applyTermsChanges(DEFAULT_CASE_TERMS, {});
    expect(terms).toEqual(DEFAULT_CASE_TERMS);
    expect(Object.isFrozen(terms.split)).toBe(false);
  });

  it('applies what validation returns', () => {
    const result = validateTermsChanges({
      cadence: {
        mode: 'windows',
        windows: [
          { weekday: 4, time: '18:00' },
          { weekday: 1, time: '18:00' },
        ],
      },
      dailyQuota: 2,
    });
    if (!result.ok) throw new Error('expected valid changes');
    expect(applyTermsChanges(DEFAULT_CASE_TERMS, result.changes)).toEqual({
      ...DEFAULT_CASE_TERMS,
      cadence: { mode: 'windows', windows: mondayAndThursdayAt18 },
      dailyQuota: 2,
    });
  });
});
