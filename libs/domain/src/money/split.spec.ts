import { EVEN_SPLIT, SPLIT_BASIS_POINTS_MAX, splitAmount, validateSplit, type Split } from './split';

const split = (firstParentBasisPoints: number): Split => ({ firstParentBasisPoints });

describe('splitAmount', () => {
  it.each([
    // amount, first parent's basis points, first part, second part, why
    [1, 3333, 0, 1, 'one unit at a third: 0.3333 rounds to nothing'],
    [1, 6667, 1, 0, 'one unit at two thirds: 0.6667 rounds to the unit'],
    [1, 5000, 0, 1, 'one unit halved: 0.5 rounds to even 0'],
    [3, 5000, 2, 1, 'three halved: 1.5 rounds to even 2'],
    [5, 5000, 2, 3, 'five halved: 2.5 rounds to even 2'],
    [7, 5000, 4, 3, 'seven halved: 3.5 rounds to even 4'],
    [10001, 5000, 5000, 5001, 'an odd amount halved: 5000.5 rounds to even 5000'],
    [100, 3333, 33, 67, 'a third of 100: 33.33'],
    [100, 6667, 67, 33, 'two thirds of 100: 66.67'],
    [999, 6000, 599, 400, '60 % of 999: 599.4'],
    [2, 2500, 0, 2, 'a quarter of 2: 0.5 rounds to even 0'],
    [6, 2500, 2, 4, 'a quarter of 6: 1.5 rounds to even 2'],
    [12345, 0, 0, 12345, 'nothing for the first parent'],
    [12345, 10000, 12345, 0, 'everything for the first parent'],
    [1, 0, 0, 1, 'one unit, nothing for the first parent'],
    [1, 10000, 1, 0, 'one unit, everything for the first parent'],
    [0, 5000, 0, 0, 'nothing to split'],
    [0, 3333, 0, 0, 'nothing to split at a third'],
    [1, 1, 0, 1, 'one basis point of one unit'],
    [5000, 1, 0, 5000, 'one basis point of 5000: 0.5 rounds to even 0'],
    [15000, 1, 2, 14998, 'one basis point of 15000: 1.5 rounds to even 2'],
    [1, 9999, 1, 0, 'all but one basis point of one unit'],
    [Number.MAX_SAFE_INTEGER, 5000, 4503599627370496, 4503599627370495, 'the largest safe amount halved, exactly'],
    [Number.MAX_SAFE_INTEGER, 3333, 3002099511605172, 6005099743135819, 'the largest safe amount at a third: …172.5 rounds to even …172'],
    [-3, 5000, -2, -1, 'a refund of three halved mirrors three'],
    [-1, 6667, -1, 0, 'a refund of one unit at two thirds mirrors one unit'],
  ])('%i at %i basis points: %i and %i (%s)', (amount, basisPoints, first, second) => {
    const parts = splitAmount(amount, split(basisPoints));
    expect(parts).toEqual({ firstParentMinor: first, secondParentMinor: second });
    expect(parts.firstParentMinor + parts.secondParentMinor).toBe(amount);
  });

  it('never returns -0', () => {
    const parts = splitAmount(-0, split(5000));
    expect(Object.is(parts.firstParentMinor, 0)).toBe(true);
    expect(Object.is(parts.secondParentMinor, 0)).toBe(true);
  });

  it('the default split halves an amount', () => {
    expect(splitAmount(2000, EVEN_SPLIT)).toEqual({ firstParentMinor: 1000, secondParentMinor: 1000 });
  });

  const sweptBasisPoints = [0, 1, 2, 3, 1000, 2500, 3333, 3334, 4999, 5000, 5001, 6000, 6666, 6667, 9999, 10000];

  it('sums exactly, stays within half a unit of each exact share and mirrors refunds, for every amount to 3000', () => {
    const failures: string[] = [];
    for (const basisPoints of sweptBasisPoints) {
      for (let amount = 0; amount <= 3000; amount++) {
        const { firstParentMinor, secondParentMinor } = splitAmount(amount, split(basisPoints));
        // Compared in whole basis-point units, so no float decides the test.
        const exactFirstTimesWhole = amount * basisPoints;
        const refund = splitAmount(-amount, split(basisPoints));
        const ok =
          firstParentMinor + secondParentMinor === amount &&
          Number.isInteger(firstParentMinor) &&
          Number.isInteger(secondParentMinor) &&
          Math.abs(firstParentMinor * 10000 - exactFirstTimesWhole) <= 5000 &&
          Math.abs(secondParentMinor * 10000 - (amount * 10000 - exactFirstTimesWhole)) <= 5000 &&
          refund.firstParentMinor === 0 - firstParentMinor &&
          refund.secondParentMinor === 0 - secondParentMinor;
        if (!ok) failures.push(`${amount} at ${basisPoints}: ${firstParentMinor} + ${secondParentMinor}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('never gives a larger share a smaller part', () => {
    const failures: string[] = [];
    for (const amount of [1, 2, 3, 7, 99, 101, 1001, 123457]) {
      let previous = 0;
      for (let basisPoints = 0; basisPoints <= SPLIT_BASIS_POINTS_MAX; basisPoints++) {
        const { firstParentMinor } = splitAmount(amount, split(basisPoints));
        if (firstParentMinor < previous) failures.push(`${amount} at ${basisPoints}: ${firstParentMinor} < ${previous}`);
        previous = firstParentMinor;
      }
      if (previous !== amount) failures.push(`${amount} at the whole: ${previous}`);
    }
    expect(failures).toEqual([]);
  });

  it('gives the odd unit of an even split to each parent about equally often', () => {
    let first = 0;
    let second = 0;
    for (let amount = 1; amount < 2000; amount += 2) {
      const parts = splitAmount(amount, EVEN_SPLIT);
      if (parts.firstParentMinor > parts.secondParentMinor) first++;
      else second++;
    }
    expect(first).toBe(second);
  });

  it.each([
    ['a fraction of a unit', 1.5, split(5000)],
    ['NaN', Number.NaN, split(5000)],
    ['infinity', Number.POSITIVE_INFINITY, split(5000)],
    ['an amount past the safe integers', Number.MAX_SAFE_INTEGER + 1, split(5000)],
    ['a negative split', 100, split(-1)],
    ['a split over the whole', 100, split(10001)],
    ['a fractional split', 100, split(50.5)],
    ['a NaN split', 100, split(Number.NaN)],
  ])('refuses %s', (_name, amount, badSplit) => {
    expect(() => splitAmount(amount, badSplit)).toThrow(RangeError);
  });
});

describe('validateSplit', () => {
  it.each([
    [{ firstParentBasisPoints: 0 }, 0],
    [{ firstParentBasisPoints: 6000 }, 6000],
    [{ firstParentBasisPoints: 10000 }, 10000],
    [{ firstParentBasisPoints: -0 }, 0],
  ])('accepts %j', (input, basisPoints) => {
    const result = validateSplit(input);
    expect(result).toEqual({ ok: true, split: { firstParentBasisPoints: basisPoints } });
    if (result.ok) expect(Object.is(result.split.firstParentBasisPoints, basisPoints)).toBe(true);
  });

  it.each<[string, unknown, [string, string][]]>([
    ['a bare number', 5000, [['split', 'type']]],
    ['a list', [6000, 4000], [['split', 'type']]],
    ['null', null, [['split', 'type']]],
    ['no basis points', {}, [['split.firstParentBasisPoints', 'required']]],
    ['basis points as text', { firstParentBasisPoints: '5000' }, [['split.firstParentBasisPoints', 'type']]],
    ['a negative share', { firstParentBasisPoints: -1 }, [['split.firstParentBasisPoints', 'min']]],
    ['a share over the whole', { firstParentBasisPoints: 10001 }, [['split.firstParentBasisPoints', 'max']]],
    ['a percentage with decimals', { firstParentBasisPoints: 50.5 }, [['split.firstParentBasisPoints', 'integer']]],
    [
      'both parents named',
      { firstParentBasisPoints: 6000, secondParentBasisPoints: 4000 },
      [['split.secondParentBasisPoints', 'unknown']],
    ],
  ])('refuses %s, naming field and rule', (_name, input, expected) => {
    const result = validateSplit(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => [problem.field, problem.rule])).toEqual(expected);
    for (const problem of result.problems) {
      expect(problem.message).toContain(problem.field);
      expect(problem.message).toMatch(/\.$/);
    }
  });

  it('names fields under the path it is given', () => {
    const result = validateSplit({ firstParentBasisPoints: 20000 }, 'expenses[0].split');
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: 'expenses[0].split.firstParentBasisPoints',
          rule: 'max',
          message: 'expenses[0].split.firstParentBasisPoints must be a whole number from 0 to 10000; 20000 is too high.',
        },
      ],
    });
  });
});
