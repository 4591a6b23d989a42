import { decideExpenseAction, expenseShares, splitFromShares, type ExpenseAction, type ExpenseStatus } from './expense';

const LOGGER = 'user-dana';
const OTHER = 'user-alex';
const PARENTS = { firstParentId: LOGGER, secondParentId: OTHER };

describe('decideExpenseAction', () => {
  // prettier-ignore
  const rows: [ExpenseStatus, ExpenseAction, string, ReturnType<typeof decideExpenseAction>][] = [
    ['pending', 'approve', OTHER, { ok: true, status: 'approved' }],
    ['pending', 'dispute', OTHER, { ok: true, status: 'disputed' }],
    ['pending', 'approve', LOGGER, { ok: false, reason: 'logger_cannot_answer', status: 'pending' }],
    ['pending', 'dispute', LOGGER, { ok: false, reason: 'logger_cannot_answer', status: 'pending' }],
    ['pending', 'withdraw', LOGGER, { ok: true, status: 'withdrawn' }],
    ['pending', 'withdraw', OTHER, { ok: false, reason: 'only_logger', status: 'pending' }],
    ['pending', 'resubmit', LOGGER, { ok: false, reason: 'wrong_status', status: 'pending' }],
    ['pending', 'attach_receipt', LOGGER, { ok: true, status: 'pending' }],
    ['pending', 'attach_receipt', OTHER, { ok: false, reason: 'only_logger', status: 'pending' }],
    ['approved', 'approve', OTHER, { ok: false, reason: 'wrong_status', status: 'approved' }],
    ['approved', 'dispute', OTHER, { ok: false, reason: 'wrong_status', status: 'approved' }],
    ['approved', 'withdraw', LOGGER, { ok: false, reason: 'wrong_status', status: 'approved' }],
    ['approved', 'resubmit', LOGGER, { ok: false, reason: 'wrong_status', status: 'approved' }],
    ['approved', 'attach_receipt', LOGGER, { ok: false, reason: 'wrong_status', status: 'approved' }],
    ['disputed', 'approve', OTHER, { ok: false, reason: 'wrong_status', status: 'disputed' }],
    ['disputed', 'withdraw', LOGGER, { ok: true, status: 'withdrawn' }],
    ['disputed', 'withdraw', OTHER, { ok: false, reason: 'only_logger', status: 'disputed' }],
    ['disputed', 'resubmit', LOGGER, { ok: true, status: 'resubmitted' }],
    ['disputed', 'resubmit', OTHER, { ok: false, reason: 'only_logger', status: 'disputed' }],
    ['withdrawn', 'withdraw', LOGGER, { ok: false, reason: 'wrong_status', status: 'withdrawn' }],
    ['withdrawn', 'approve', OTHER, { ok: false, reason: 'wrong_status', status: 'withdrawn' }],
    ['resubmitted', 'resubmit', LOGGER, { ok: false, reason: 'wrong_status', status: 'resubmitted' }],
    ['resubmitted', 'dispute', OTHER, { ok: false, reason: 'wrong_status', status: 'resubmitted' }],
  ];
  it.each(rows)('%s, %s by %s', (status, action, actor, expected) => {
    expect(decideExpenseAction({ status, loggedBy: LOGGER }, action, actor)).toEqual(expected);
  });
});

describe('expenseShares', () => {
  it.each([
    [4550, 5000, 2275, 2275],
    [4551, 5000, 2276, 2275],
    [1, 3333, 0, 1],
    [1, 6667, 1, 0],
    [999, 6000, 599, 400],
  ])('%i at %i basis points: %i and %i, summing to the whole', (amount, basisPoints, first, second) => {
    const shares = expenseShares(amount, { firstParentBasisPoints: basisPoints }, PARENTS);
    expect(shares).toEqual([
      { parentId: LOGGER, basisPoints, amountMinor: first },
      { parentId: OTHER, basisPoints: 10000 - basisPoints, amountMinor: second },
    ]);
    expect(shares[0].amountMinor + shares[1].amountMinor).toBe(amount);
  });
});

describe('splitFromShares', () => {
  it('reads both parents’ shares in any order into the first parent’s basis points', () => {
    expect(splitFromShares([{ parentId: OTHER, basisPoints: 4000 }, { parentId: LOGGER, basisPoints: 6000 }], PARENTS)).toEqual({ ok: true, split: { firstParentBasisPoints: 6000 } });
    expect(splitFromShares([{ parentId: LOGGER, basisPoints: 0 }, { parentId: OTHER, basisPoints: 10000 }], PARENTS)).toEqual({ ok: true, split: { firstParentBasisPoints: 0 } });
  });

  it.each<[string, { parentId: string; basisPoints: number }[], [string, string][]]>([
    ['shares not adding up to 10000', [{ parentId: LOGGER, basisPoints: 6000 }, { parentId: OTHER, basisPoints: 3000 }], [['shares', 'sum']]],
    ['shares over 10000', [{ parentId: LOGGER, basisPoints: 6000 }, { parentId: OTHER, basisPoints: 6000 }], [['shares', 'sum']]],
    ['one share', [{ parentId: LOGGER, basisPoints: 10000 }], [['shares', 'count']]],
    ['three shares', [{ parentId: LOGGER, basisPoints: 5000 }, { parentId: OTHER, basisPoints: 5000 }, { parentId: OTHER, basisPoints: 0 }], [['shares', 'count']]],
    ['a parent twice', [{ parentId: LOGGER, basisPoints: 5000 }, { parentId: LOGGER, basisPoints: 5000 }], [['shares[1].parentId', 'parent']]],
    ['a stranger', [{ parentId: LOGGER, basisPoints: 5000 }, { parentId: 'user-x', basisPoints: 5000 }], [['shares[1].parentId', 'parent']]],
    ['a negative share', [{ parentId: LOGGER, basisPoints: -1 }, { parentId: OTHER, basisPoints: 10001 }], [['shares[0].basisPoints', 'min'], ['shares[1].basisPoints', 'max']]],
    ['a fractional share', [{ parentId: LOGGER, basisPoints: 5000.5 }, { parentId: OTHER, basisPoints: 4999.5 }], [['shares[0].basisPoints', 'integer'], ['shares[1].basisPoints', 'integer']]],
  ])('refuses %s, naming field and rule', (_name, shares, expected) => {
    const result = splitFromShares(shares, PARENTS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((problem) => [problem.field, problem.rule])).toEqual(expected);
  });
});
