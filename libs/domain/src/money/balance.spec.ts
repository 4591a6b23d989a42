import { computeBalances, type BalanceExpense, type BalancePayment } from './balance';

const DANA = 'user-dana'; // created the case: the "first" parent
const ALEX = 'user-alex';
const PARENTS = { firstParentId: DANA, secondParentId: ALEX };

const expense = (loggedBy: string, amountMinor: number, currency: string, firstParentBasisPoints = 5000, status: BalanceExpense['status'] = 'approved'): BalanceExpense => ({
  loggedBy,
  amountMinor,
  currency,
  split: { firstParentBasisPoints },
  status,
});
const payment = (paidBy: string, amountMinor: number, currency: string, status: BalancePayment['status'] = 'confirmed'): BalancePayment => ({ paidBy, amountMinor, currency, status });

describe('computeBalances', () => {
  it.each<[string, BalanceExpense[], BalancePayment[], ReturnType<typeof computeBalances>]>([
    ['nothing logged', [], [], []],
    ['an approved expense: the other parent owes their part', [expense(DANA, 9100, 'GBP')], [], [{ currency: 'GBP', fromParentId: ALEX, toParentId: DANA, amountMinor: 4550 }]],
    ['logged by the second parent', [expense(ALEX, 9100, 'GBP', 6000)], [], [{ currency: 'GBP', fromParentId: DANA, toParentId: ALEX, amountMinor: 5460 }]],
    ['pending, disputed, withdrawn and resubmitted expenses do not count', [expense(DANA, 100, 'GBP', 5000, 'pending'), expense(DANA, 100, 'GBP', 5000, 'disputed'), expense(DANA, 100, 'GBP', 5000, 'withdrawn'), expense(DANA, 100, 'GBP', 5000, 'resubmitted')], [], []],
    ['one unit at 3333/6667, logged by the first: the second owes the unit', [expense(DANA, 1, 'GBP', 3333)], [], [{ currency: 'GBP', fromParentId: ALEX, toParentId: DANA, amountMinor: 1 }]],
    ['one unit at 6667/3333, logged by the first: nobody owes', [expense(DANA, 1, 'GBP', 6667)], [], []],
    ['one unit at 3333/6667, logged by the second: nobody owes', [expense(ALEX, 1, 'GBP', 3333)], [], []],
    ['zero decimals: 1001 yen at 3333', [expense(DANA, 1001, 'JPY', 3333)], [], [{ currency: 'JPY', fromParentId: ALEX, toParentId: DANA, amountMinor: 667 }]],
    ['three decimals: 0.001 KWD halved, 0.0005 rounds to the even 0 for the first, so the second owes 0.001', [expense(DANA, 1, 'KWD')], [], [{ currency: 'KWD', fromParentId: ALEX, toParentId: DANA, amountMinor: 1 }]],
    ['three decimals: 0.003 KWD halved, 0.0015 rounds to the even 0.002 for the first, so the second owes 0.001', [expense(DANA, 3, 'KWD')], [], [{ currency: 'KWD', fromParentId: ALEX, toParentId: DANA, amountMinor: 1 }]],
    ['expenses both ways net out', [expense(DANA, 1000, 'EUR'), expense(ALEX, 600, 'EUR')], [], [{ currency: 'EUR', fromParentId: ALEX, toParentId: DANA, amountMinor: 200 }]],
    ['a confirmed partial payment reduces the debt', [expense(DANA, 9100, 'GBP')], [payment(ALEX, 1000, 'GBP')], [{ currency: 'GBP', fromParentId: ALEX, toParentId: DANA, amountMinor: 3550 }]],
    ['an unconfirmed payment does not count', [expense(DANA, 9100, 'GBP')], [payment(ALEX, 1000, 'GBP', 'recorded')], [{ currency: 'GBP', fromParentId: ALEX, toParentId: DANA, amountMinor: 4550 }]],
    ['paid in full: settled, left out', [expense(DANA, 9100, 'GBP')], [payment(ALEX, 4550, 'GBP')], []],
    ['overpaid: the debt turns round', [expense(DANA, 9100, 'GBP')], [payment(ALEX, 5000, 'GBP')], [{ currency: 'GBP', fromParentId: DANA, toParentId: ALEX, amountMinor: 450 }]],
    ['a payment in another currency settles nothing here', [expense(DANA, 9100, 'GBP')], [payment(ALEX, 4550, 'EUR')], [
      { currency: 'EUR', fromParentId: DANA, toParentId: ALEX, amountMinor: 4550 },
      { currency: 'GBP', fromParentId: ALEX, toParentId: DANA, amountMinor: 4550 },
    ]],
    ['currencies sorted, never converted', [expense(DANA, 1001, 'JPY', 3333), expense(ALEX, 2000, 'CHF'), expense(DANA, 3, 'KWD')], [], [
      { currency: 'CHF', fromParentId: DANA, toParentId: ALEX, amountMinor: 1000 },
      { currency: 'JPY', fromParentId: ALEX, toParentId: DANA, amountMinor: 667 },
      { currency: 'KWD', fromParentId: ALEX, toParentId: DANA, amountMinor: 1 },
    ]],
  ])('%s', (_name, expenses, payments, expected) => {
    expect(computeBalances(PARENTS, expenses, payments)).toEqual(expected);
  });

  it('adds many large amounts exactly', () => {
    const many = Array.from({ length: 1000 }, () => expense(DANA, 999_999_999_999, 'GBP', 3333));
    // Each: the first part 333 299 999 999.6667 rounds to 333 300 000 000, so the second's is 666 699 999 999.
    expect(computeBalances(PARENTS, many, [])).toEqual([{ currency: 'GBP', fromParentId: ALEX, toParentId: DANA, amountMinor: 666_699_999_999_000 }]);
  });
});
