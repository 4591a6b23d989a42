/**
 * How far each approved expense is settled, for the list's "Settled" and "Partly settled".
 * Payments are not tied to expenses (a parent pays back what they owe), so the screen
 * counts them against the oldest approved expenses first, and counts the other parent's
 * own approved expenses the same way (what each owes the other cancels out, as in the
 * balance). Per currency and per direction; the sums agree with the balance.
 */
export interface SettlementExpense {
  id: string;
  loggedBy: string;
  incurredOn: string;
  loggedAt: string;
  currency: string;
  status: string;
  /** What the other parent owes the logger for it: their share. */
  otherShareMinor: number;
}

export interface SettlementPayment {
  paidBy: string;
  toParentId: string;
  currency: string;
  status: string;
  amountMinor: number;
}

/** Per approved expense: what of the other parent's share is still owed (0: settled). */
export function outstandingShares(
  parentIds: readonly string[],
  expenses: readonly SettlementExpense[],
  payments: readonly SettlementPayment[],
): Map<string, number> {
  const approved = expenses
    .filter((expense) => expense.status === 'approved')
    .slice()
    .sort((a, b) =>
      a.incurredOn === b.incurredOn ? a.loggedAt.localeCompare(b.loggedAt) : a.incurredOn.localeCompare(b.incurredOn),
    );
  // Credit from `payer` towards what they owe `payee`, per currency: confirmed payments, and what `payee` owes `payer`.
  const credit = new Map<string, number>();
  const key = (payer: string, payee: string, currency: string) => JSON.stringify([payer, payee, currency]);
  const addCredit = (payer: string, payee: string, currency: string, amount: number) =>
    credit.set(key(payer, payee, currency), (credit.get(key(payer, payee, currency)) ?? 0) + amount);
  for (const payment of payments) {
    if (payment.status === 'confirmed')
      addCredit(payment.paidBy, payment.toParentId, payment.currency, payment.amountMinor);
  }
  const otherOf = (parentId: string) => parentIds.find((candidate) => candidate !== parentId);
  // An approved expense of X's is what X is owed by the other: it counts as credit towards what X owes them.
  const debtor = new Map<string, string | undefined>();
  for (const expense of approved) {
    const other = otherOf(expense.loggedBy);
    debtor.set(expense.id, other);
    if (other) addCredit(expense.loggedBy, other, expense.currency, expense.otherShareMinor);
  }
  const outstanding = new Map<string, number>();
  for (const expense of approved) {
    const other = debtor.get(expense.id);
    const available = other ? (credit.get(key(other, expense.loggedBy, expense.currency)) ?? 0) : 0;
    const used = Math.min(available, expense.otherShareMinor);
    if (other) credit.set(key(other, expense.loggedBy, expense.currency), available - used);
    outstanding.set(expense.id, expense.otherShareMinor - used);
  }
  return outstanding;
}
