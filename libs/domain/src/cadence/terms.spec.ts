import {
  DEFAULT_CASE_TERMS,
  applyTermsChanges,
  sortDeliveryWindows,
  validateTermsChanges,
  sharedTermsOf,
  type DeliveryWindow,
  type SharedTerms,
  type SharedTermsChanges,
} from './terms';

const mondayAndThursdayAt18: DeliveryWindow[] = [
  { weekday: 1, time: '18:00' },
  { weekday: 4, time: '18:00' },
];

function problemsOf(input: unknown): [string, string][] {
  const result = validateTermsChanges(input);
  if (result.ok) throw new Error(`expected problems, got ok: ${JSON.stringify(result.changes)}`);
  return result.problems.map((problem): [string, string] => [problem.field, problem.rule]).sort();
}

function changesOf(input: unknown): SharedTermsChanges {
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

  it('has shared terms that pass their own validation', () => {
    expect(changesOf(sharedTermsOf(DEFAULT_CASE_TERMS))).toEqual(sharedTermsOf(DEFAULT_CASE_TERMS));
  });
});

describe('validateTermsChanges accepts', () => {
  // prettier-ignore
  it.each<[string, unknown, SharedTermsChanges]>([
    ['urgent turned off', { urgentPer30Days: 0 }, { urgentPer30Days: 0 }],
    ['the largest urgent limit', { urgentPer30Days: 10 }, { urgentPer30Days: 10 }],
    ['read times hidden', { showReadTimes: false }, { showReadTimes: false }],
    ['read times shown', { showReadTimes: true }, { showReadTimes: true }],
    ['a split of nothing for the first parent', { split: { firstParentBasisPoints: 0 } }, { split: { firstParentBasisPoints: 0 } }],
    ['a split of everything for the first parent', { split: { firstParentBasisPoints: 10000 } }, { split: { firstParentBasisPoints: 10000 } }],
    ['a 60/40 split', { split: { firstParentBasisPoints: 6000 } }, { split: { firstParentBasisPoints: 6000 } }],
    ['a key given as undefined beside a real change (undefined means no change)', { urgentPer30Days: 7, showReadTimes: undefined }, { urgentPer30Days: 7 }],
    ['inbox terms given as undefined beside a real change', { showReadTimes: false, cadence: undefined, dailyQuota: undefined }, { showReadTimes: false }],
    ['-0 as 0', { urgentPer30Days: -0 }, { urgentPer30Days: 0 }],
  ])('%s', (_name, input, expected) => {
    const changes = changesOf(input);
    expect(changes).toEqual(expected);
    expect(Object.is(changes.urgentPer30Days, -0)).toBe(false);
  });

  it('every shared term at once', () => {
    const input = { urgentPer30Days: 1, showReadTimes: false, split: { firstParentBasisPoints: 7000 } };
    expect(changesOf(input)).toEqual(input);
  });

  it('returns data that shares nothing with the input', () => {
    const input = { split: { firstParentBasisPoints: 5000 } };
    const changes = changesOf(input);
    input.split.firstParentBasisPoints = 1;
    expect(changes).toEqual({ split: { firstParentBasisPoints: 5000 } });
  });

  it('accepts parsed JSON, including an object without a prototype', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { urgentPer30Days: 9 });
    expect(changesOf(bare)).toEqual({ urgentPer30Days: 9 });
    expect(changesOf(JSON.parse('{"showReadTimes":false}'))).toEqual({ showReadTimes: false });
  });
});

describe('validateTermsChanges refuses, naming the field and rule', () => {
  // prettier-ignore
  it.each<[string, unknown, [string, string][]]>([
    // The whole object
    ['null', null, [['', 'type']]],
    ['a list', [{ urgentPer30Days: 5 }], [['', 'type']]],
    ['a string', 'urgentPer30Days=5', [['', 'type']]],
    ['a number', 5, [['', 'type']]],
    ['a Date', new Date(0), [['', 'type']]],
    ['no changes at all', {}, [['', 'nonEmpty']]],
    ['only undefined values', { urgentPer30Days: undefined }, [['', 'nonEmpty']]],
    ['only an unknown key', { topics: ['health'] }, [['', 'nonEmpty'], ['topics', 'unknown']]],
    ['an unknown key beside a known one', { showReadTimes: true, showreadtimes: false }, [['showreadtimes', 'unknown']]],
    ['a prototype key from JSON', JSON.parse('{"showReadTimes":true,"__proto__":{"x":1}}'), [['__proto__', 'unknown']]],
    // Inbox terms are each parent's own: never proposed
    ['a cadence', { cadence: { mode: 'windows', windows: mondayAndThursdayAt18 } }, [['cadence', 'inboxTerms']]],
    ['a daily quota', { dailyQuota: 3 }, [['dailyQuota', 'inboxTerms']]],
    ['a daily quota beside a shared term', { dailyQuota: 3, showReadTimes: false }, [['dailyQuota', 'inboxTerms']]],
    ['both inbox terms', { cadence: { mode: 'immediate' }, dailyQuota: 3 }, [['cadence', 'inboxTerms'], ['dailyQuota', 'inboxTerms']]],
    ['a null daily quota is still named', { dailyQuota: null }, [['dailyQuota', 'inboxTerms']]],
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
    // several at once
    [
      'problems in several fields, all reported',
      { urgentPer30Days: -2, showReadTimes: 'no', colour: 'red', dailyQuota: 0 },
      [['colour', 'unknown'], ['dailyQuota', 'inboxTerms'], ['showReadTimes', 'type'], ['urgentPer30Days', 'min']],
    ],
  ])('%s', (_name, input, expected) => {
    expect(problemsOf(input)).toEqual([...expected].sort());
  });

  it('tells a proposal naming inbox terms where they are set', () => {
    const result = validateTermsChanges({ dailyQuota: 3 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.message).toMatch(/inbox terms.*set alone.*inbox-terms/);
  });

  it('explains each problem in a sentence that names the field', () => {
    const result = validateTermsChanges({ urgentPer30Days: 99, split: { firstParentBasisPoints: -5 }, showReadTimes: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(3);
    for (const problem of result.problems) {
      expect(problem.message).toContain(problem.field);
      expect(problem.message).toMatch(/\.$/);
    }
    expect(result.problems.find((problem) => problem.field === 'urgentPer30Days')?.message).toBe(
      'urgentPer30Days must be a whole number from 0 to 10; 99 is too high.',
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

  it('keeps the windows of the fixtures in order', () => {
    expect(sortDeliveryWindows([...mondayAndThursdayAt18].reverse())).toEqual(mondayAndThursdayAt18);
  });
});

describe('applyTermsChanges', () => {
  const current: SharedTerms = { urgentPer30Days: 2, showReadTimes: true, split: { firstParentBasisPoints: 6000 } };

  it.each<[string, SharedTermsChanges, Partial<SharedTerms>]>([
    ['nothing', {}, {}],
    ['the urgent limit to 0', { urgentPer30Days: 0 }, { urgentPer30Days: 0 }],
    ['read times off', { showReadTimes: false }, { showReadTimes: false }],
    ['the split to 0', { split: { firstParentBasisPoints: 0 } }, { split: { firstParentBasisPoints: 0 } }],
    ['several at once', { urgentPer30Days: 1, showReadTimes: false }, { urgentPer30Days: 1, showReadTimes: false }],
  ])('changes %s and keeps the rest', (_name, changes, changed) => {
    expect(applyTermsChanges(current, changes)).toEqual({ ...current, ...changed });
  });

  it('returns fresh objects and leaves its inputs untouched', () => {
    const before = JSON.stringify(current);
    const changes: SharedTermsChanges = { split: { firstParentBasisPoints: 1000 } };
    const next = applyTermsChanges(current, changes);
    expect(next).not.toBe(current);
    expect(next.split).not.toBe(changes.split);
    expect(JSON.stringify(current)).toBe(before);
  });

  it('keeps only the shared terms of complete terms (a case started from the defaults)', () => {
    const terms = applyTermsChanges(DEFAULT_CASE_TERMS, {});
    expect(terms).toEqual({ urgentPer30Days: 3, showReadTimes: true, split: { firstParentBasisPoints: 5000 } });
    expect(Object.isFrozen(terms.split)).toBe(false);
  });

  it('applies what validation returns', () => {
    const result = validateTermsChanges({ urgentPer30Days: 1, split: { firstParentBasisPoints: 4000 } });
    if (!result.ok) throw new Error('expected valid changes');
    expect(applyTermsChanges(current, result.changes)).toEqual({ urgentPer30Days: 1, showReadTimes: true, split: { firstParentBasisPoints: 4000 } });
  });
});
