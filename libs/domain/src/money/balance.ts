import type { ExpenseStatus, PaymentStatus } from './expense';
import { splitAmount, type Split } from './split';

export interface BalanceExpense {
  loggedBy: string;
  amountMinor: number;
  currency: string;
  split: Split;
  status: ExpenseStatus;
}

export interface BalancePayment {
  paidBy: string;
  amountMinor: number;
  currency: string;
  status: PaymentStatus;
}

/** Who owes whom how much in one currency; `amountMinor` is always above zero. */
export interface Balance {
  currency: string;
  fromParentId: string;
  toParentId: string;
  amountMinor: number;
}

/**
 * Who owes whom, per currency. Only approved expenses and confirmed payments count: a
 * pending or disputed expense, or a payment the other parent has not confirmed, is not yet
 * agreed. The logger paid the whole of an expense, so the other parent owes the logger
 * their part (by {@link splitAmount}: the parts sum exactly, the rounding is the same
 * every time). A confirmed payment moves the same amount back. Currencies are never
 * converted into each other; one where nothing is owed is left out. Sorted by currency.
 */
export function computeBalances(parents: { firstParentId: string; secondParentId: string }, expenses: readonly BalanceExpense[], payments: readonly BalancePayment[]): Balance[] {
  const { firstParentId, secondParentId } = parents;
  /** Per currency: what the second parent owes the first (negative: the first owes the second), in minor units. */
  const secondOwesFirst = new Map<string, bigint>();
  const add = (currency: string, amount: number) => secondOwesFirst.set(currency, (secondOwesFirst.get(currency) ?? 0n) + BigInt(amount));
  for (const expense of expenses) {
    if (expense.status !== 'approved') continue;
    const parts = splitAmount(expense.amountMinor, expense.split);
    if (expense.loggedBy === firstParentId) add(expense.currency, parts.secondParentMinor);
    else if (expense.loggedBy === secondParentId) add(expense.currency, -parts.firstParentMinor);
  }
  for (const payment of payments) {
    if (payment.status !== 'confirmed') continue;
    if (payment.paidBy === secondParentId) add(payment.currency, -payment.amountMinor);
    else if (payment.paidBy === firstParentId) add(payment.currency, payment.amountMinor);
  }
  const balances: Balance[] = [];
  for (const currency of [...secondOwesFirst.keys()].sort()) {
    const net = secondOwesFirst.get(currency) ?? 0n;
    if (net === 0n) continue;
    balances.push(
      net > 0n
        ? { currency, fromParentId: secondParentId, toParentId: firstParentId, amountMinor: Number(net) }
        : { currency, fromParentId: firstParentId, toParentId: secondParentId, amountMinor: Number(-net) },
    );
  }
  return balances;
}
