/**
 * How the two parents of a case share an expense: the first parent's share in basis
 * points (hundredths of a percent, 6000 = 60 %); the second parent has the rest. One
 * number, not two, so the shares cannot fail to add up to the whole.
 */
export interface Split {
  firstParentBasisPoints: number;
}

/** The whole of an amount in basis points: 10 000 = 100 %. */
export const BASIS_POINTS_WHOLE = 10_000;
export const SPLIT_BASIS_POINTS_MIN = 0;
export const SPLIT_BASIS_POINTS_MAX = BASIS_POINTS_WHOLE;

/** Half each: the default until both parents agree on another split. */
export const EVEN_SPLIT: Readonly<Split> = Object.freeze({ firstParentBasisPoints: BASIS_POINTS_WHOLE / 2 });

export type SplitRule = 'type' | 'required' | 'unknown' | 'integer' | 'min' | 'max';

/** One reason a split is refused; `field` is a path such as `split.firstParentBasisPoints`. */
export interface SplitProblem {
  field: string;
  rule: SplitRule;
  message: string;
}

export type SplitValidation = { ok: true; split: Split } | { ok: false; problems: SplitProblem[] };

function describeType(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Checks a split from outside (parsed JSON) and returns it in canonical form. Every
 * problem is reported, each naming its field path (under `field`) and rule.
 */
export function validateSplit(input: unknown, field = 'split'): SplitValidation {
  if (!isPlainObject(input)) {
    return {
      ok: false,
      problems: [{ field, rule: 'type', message: `${field} must be an object with firstParentBasisPoints, not ${describeType(input)}.` }],
    };
  }
  const problems: SplitProblem[] = [];
  // A typo is named instead of ignored; so is an attempt to set the second share too.
  for (const key of Object.keys(input)) {
    if (key !== 'firstParentBasisPoints') {
      problems.push({ field: `${field}.${key}`, rule: 'unknown', message: `${field}.${key} is not a known field.` });
    }
  }
  const pointsField = `${field}.firstParentBasisPoints`;
  const value = input['firstParentBasisPoints'];
  const expectation = `${pointsField} must be a whole number from ${SPLIT_BASIS_POINTS_MIN} to ${SPLIT_BASIS_POINTS_MAX}`;
  let basisPoints: number | undefined;
  if (value === undefined) {
    problems.push({ field: pointsField, rule: 'required', message: `${pointsField} is required (basis points, 5000 = half).` });
  } else if (typeof value !== 'number') {
    problems.push({ field: pointsField, rule: 'type', message: `${expectation}, not ${describeType(value)}.` });
  } else if (!Number.isInteger(value)) {
    problems.push({ field: pointsField, rule: 'integer', message: `${expectation}.` });
  } else if (value < SPLIT_BASIS_POINTS_MIN) {
    problems.push({ field: pointsField, rule: 'min', message: `${expectation}; ${value} is too low.` });
  } else if (value > SPLIT_BASIS_POINTS_MAX) {
    problems.push({ field: pointsField, rule: 'max', message: `${expectation}; ${value} is too high.` });
  } else {
    basisPoints = value === 0 ? 0 : value; // turns -0 into 0
  }
  if (problems.length > 0 || basisPoints === undefined) return { ok: false, problems };
  return { ok: true, split: { firstParentBasisPoints: basisPoints } };
}

/** Each parent's part of an amount, in the amount's minor units (cents, pence, yen). */
export interface SplitShares {
  firstParentMinor: number;
  secondParentMinor: number;
}

const WHOLE = BigInt(BASIS_POINTS_WHOLE);

/** `numerator / WHOLE` for a non-negative numerator, rounded to the nearest integer, an exact half to the even one. */
function divideRoundingHalfToEven(numerator: bigint): bigint {
  const quotient = numerator / WHOLE;
  const twiceRemainder = (numerator % WHOLE) * 2n;
  if (twiceRemainder > WHOLE) return quotient + 1n;
  if (twiceRemainder === WHOLE && quotient % 2n === 1n) return quotient + 1n;
  return quotient;
}

/**
 * Divides an integer amount of minor units between the parents by `split`.
 *
 * The rounding rule, the same every time: the first parent's part is their exact share
 * (amount × basis points / 10 000) rounded to the nearest minor unit, and an exact half
 * rounds to the even unit (banker's rounding), so on an even split of odd amounts the
 * odd unit falls to either parent about equally often instead of always to the same one.
 * The second parent's part is the amount minus the first's. So the parts always sum to
 * the amount exactly, each part is within half a unit of its exact share, and a larger
 * share never gets a smaller part. A negative amount (a refund) divides as the mirror
 * image of its positive: `splitAmount(-a, s)` is the negation of `splitAmount(a, s)`.
 *
 * Throws RangeError when `amountMinor` is not a safe integer or the split is not whole
 * basis points from 0 to 10 000: money is never a fraction of a minor unit.
 */
export function splitAmount(amountMinor: number, split: Split): SplitShares {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`The amount must be a whole number of minor units, got ${amountMinor}`);
  }
  const basisPoints = split.firstParentBasisPoints;
  if (!Number.isInteger(basisPoints) || basisPoints < SPLIT_BASIS_POINTS_MIN || basisPoints > SPLIT_BASIS_POINTS_MAX) {
    throw new RangeError(
      `A split must be whole basis points from ${SPLIT_BASIS_POINTS_MIN} to ${SPLIT_BASIS_POINTS_MAX}, got ${basisPoints}`,
    );
  }
  // BigInt: amount × basis points can pass 2^53 even though the amount and each part cannot.
  const magnitude = BigInt(Math.abs(amountMinor));
  const firstMagnitude = Number(divideRoundingHalfToEven(magnitude * BigInt(basisPoints)));
  const secondMagnitude = Math.abs(amountMinor) - firstMagnitude;
  const sign = amountMinor < 0 ? -1 : 1;
  // `0 + ...` keeps the parts of a zero amount +0, never -0.
  return { firstParentMinor: 0 + sign * firstMagnitude, secondParentMinor: 0 + sign * secondMagnitude };
}
