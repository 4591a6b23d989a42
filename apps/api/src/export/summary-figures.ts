import { computeBalances, formatMoney, type BalanceExpense, type BalancePayment, type OpenLedgerEntry } from '@parallel/domain';

/** Amounts per currency, kept apart (currencies are never converted into each other). */
class Amounts {
  private readonly byCurrency = new Map<string, number>();
  count = 0;

  add(currency: string, amountMinor: number): void {
    this.count += 1;
    this.byCurrency.set(currency, (this.byCurrency.get(currency) ?? 0) + amountMinor);
  }

  /** "3: GBP 120.00, EUR 15.00", or "0". */
  words(): string {
    if (this.count === 0) return '0';
    return `${this.count}: ${[...this.byCurrency.keys()]
      .sort()
      .map((currency) => formatMoney(this.byCurrency.get(currency)!, currency))
      .join(', ')}`;
  }
}

/**
 * The schedule's and the expenses' figures for the summary a judge reads first: per parent,
 * changes to the schedule proposed, swaps asked for and how they were answered, exchange
 * check-ins (late or missed among them), expenses logged and disputed, payments confirmed;
 * and the balance as it stood at the end of the range. Counted from the chain, like every
 * other figure of the record.
 */
export class ScheduleAndMoneyFigures {
  private readonly scheduleChanges: number[];
  private readonly swapsAsked: number[];
  private readonly swapsAccepted: number[];
  private readonly swapsDeclined: number[];
  private readonly checkIns: number[];
  private readonly lateOrMissed: number[];
  private readonly logged: Amounts[];
  private readonly disputedBy: number[];
  private readonly confirmedPayments: Amounts[];
  private readonly swapAskedBy = new Map<string, number>();
  /** Every expense and payment up to the end of the range, as the balance counts them. */
  private readonly expenses = new Map<string, BalanceExpense>();
  private readonly payments = new Map<string, BalancePayment>();

  constructor(private readonly parentIds: readonly string[]) {
    const zeros = () => parentIds.map(() => 0);
    this.scheduleChanges = zeros();
    this.swapsAsked = zeros();
    this.swapsAccepted = zeros();
    this.swapsDeclined = zeros();
    this.checkIns = zeros();
    this.lateOrMissed = zeros();
    this.disputedBy = zeros();
    this.logged = parentIds.map(() => new Amounts());
    this.confirmedPayments = parentIds.map(() => new Amounts());
  }

  /**
   * One entry of the chain, in order. `who` is the actor's place among the parents (-1 for
   * none); `inRange`: the entry is in the printed range; `beforeEnd`: not after its end
   * (the balance counts everything up to there, whatever the range's start).
   */
  add(entry: OpenLedgerEntry, who: number, inRange: boolean, beforeEnd: boolean): void {
    if (beforeEnd) this.trackBalance(entry);
    if (!inRange) return;
    const type = entry.type;
    if (type === 'schedule.plan_proposed' || type === 'schedule.plan_court_ordered' || type === 'schedule.override_proposed') {
      if (who >= 0) this.scheduleChanges[who]! += 1;
    } else if (type === 'schedule.swap_requested') {
      this.swapAskedBy.set(entry.payload.swapId, who);
      if (who >= 0) this.swapsAsked[who]! += 1;
    } else if (type === 'schedule.swap_accepted' || type === 'schedule.swap_declined') {
      const asker = this.swapAskedBy.get(entry.payload.swapId) ?? -1;
      if (asker >= 0) (type === 'schedule.swap_accepted' ? this.swapsAccepted : this.swapsDeclined)[asker]! += 1;
    } else if (type === 'schedule.check_in') {
      if (who >= 0) {
        this.checkIns[who]! += 1;
        if (entry.payload.status !== 'on_time') this.lateOrMissed[who]! += 1;
      }
    } else if (type === 'expense.logged') {
      if (who >= 0) this.logged[who]!.add(entry.payload.currency, entry.payload.amountMinor);
    } else if (type === 'expense.disputed') {
      if (who >= 0) this.disputedBy[who]! += 1;
    } else if (type === 'payment.confirmed') {
      const payment = this.payments.get(entry.payload.paymentId);
      const payer = payment ? this.parentIds.indexOf(payment.paidBy) : -1;
      if (payment && payer >= 0) this.confirmedPayments[payer]!.add(payment.currency, payment.amountMinor);
    }
  }

  private trackBalance(entry: OpenLedgerEntry): void {
    if (entry.type === 'expense.logged') {
      const { expenseId, amountMinor, currency, split, replacesExpenseId } = entry.payload;
      this.expenses.set(expenseId, { loggedBy: entry.actorId ?? '', amountMinor, currency, split, status: 'pending' });
      const replaced = replacesExpenseId === null ? undefined : this.expenses.get(replacesExpenseId);
      if (replaced) replaced.status = 'resubmitted';
    } else if (entry.type === 'expense.approved' || entry.type === 'expense.disputed' || entry.type === 'expense.withdrawn') {
      const expense = this.expenses.get(entry.payload.expenseId);
      if (expense) expense.status = entry.type === 'expense.approved' ? 'approved' : entry.type === 'expense.disputed' ? 'disputed' : 'withdrawn';
    } else if (entry.type === 'payment.recorded') {
      this.payments.set(entry.payload.paymentId, { paidBy: entry.actorId ?? '', amountMinor: entry.payload.amountMinor, currency: entry.payload.currency, status: 'recorded' });
    } else if (entry.type === 'payment.confirmed') {
      const payment = this.payments.get(entry.payload.paymentId);
      if (payment) payment.status = 'confirmed';
    }
  }

  /** Rows of the summary's table: a label and one cell per parent. */
  rows(): [string, string[]][] {
    const counts = (values: number[]) => values.map(String);
    return [
      ['Schedule changes proposed', counts(this.scheduleChanges)],
      ['Swaps asked (accepted, declined)', this.swapsAsked.map((asked, index) => `${asked} (${this.swapsAccepted[index]}, ${this.swapsDeclined[index]})`)],
      ['Exchange check-ins (late or missed)', this.checkIns.map((count, index) => `${count} (${this.lateOrMissed[index]})`)],
      ['Expenses logged', this.logged.map((amounts) => amounts.words())],
      ['Expenses disputed', counts(this.disputedBy)],
      ['Payments confirmed (paid by)', this.confirmedPayments.map((amounts) => amounts.words())],
    ];
  }

  /** The balance at the end of the range, in one sentence per currency. */
  balanceSentence(nameOf: (id: string) => string): string {
    const [first, second] = this.parentIds;
    if (first === undefined || second === undefined) return 'Balance: the case has one parent, so nothing is shared yet.';
    const balances = computeBalances({ firstParentId: first, secondParentId: second }, [...this.expenses.values()], [...this.payments.values()]);
    if (balances.length === 0) return 'Balance at the end of this range: nothing is owed (approved expenses and confirmed payments only).';
    return `Balance at the end of this range (approved expenses and confirmed payments only): ${balances
      .map((balance) => `${nameOf(balance.fromParentId)} owes ${nameOf(balance.toParentId)} ${formatMoney(balance.amountMinor, balance.currency)}`)
      .join('; ')}.`;
  }
}
