import { Injectable } from '@nestjs/common';
import { computeBalances, csvDocument, csvField, expenseShares, formatMajorUnits } from '@parallel/domain';
import { Conflict } from '../common/errors';
import { checkRange } from './calendar-date';
import { BalanceDto, toBalanceDto } from './dto/balance.dto';
import { CsvRangeQuery } from './dto/expense.dto';
import { ExpensesRepository } from './expenses.repository';
import { ExpenseNamesRepository } from './expense-names.repository';

/** What the expenses add up to: the balance per currency, and the CSV for a range of days. */
@Injectable()
export class ExpenseReportsService {
  constructor(
    private readonly repository: ExpensesRepository,
    private readonly names: ExpenseNamesRepository,
  ) {}

  async balance(caseId: string): Promise<BalanceDto> {
    const parents = await this.repository.parents(caseId);
    if (!parents) return { balances: [] };
    const [expenses, payments] = await Promise.all([this.repository.expensesOf(caseId), this.repository.paymentsOf(caseId)]);
    return toBalanceDto(
      computeBalances(
        parents,
        expenses.map((e) => ({ loggedBy: e.loggedBy, amountMinor: e.amountMinor, currency: e.currency, split: { firstParentBasisPoints: e.firstParentBasisPoints }, status: e.status })),
        payments,
      ),
    );
  }

  /**
   * One row per expense (by the day incurred) and per payment (by the day paid), in date
   * order, with each parent's share of an expense; amounts in major units ("45.50") beside
   * their currency, so a spreadsheet sums them without knowing minor units.
   */
  async csv(caseId: string, range: CsvRangeQuery): Promise<{ fileName: string; text: string }> {
    checkRange(range);
    const parents = await this.repository.parents(caseId);
    if (!parents) throw new Conflict('Expenses are shared once the other parent has joined the case.');
    const [expenses, payments, names] = await Promise.all([
      this.repository.expensesOf(caseId, range),
      this.repository.paymentsOf(caseId, range),
      this.names.displayNames([parents.firstParentId, parents.secondParentId]),
    ]);
    const name = (id: string | null) => (id ? (names.get(id) ?? 'A parent') : '');
    const first = name(parents.firstParentId);
    const second = name(parents.secondParentId);
    const header = ['Type', 'Date', 'Category or method', 'Description or reference', 'Amount', 'Currency', 'Paid by', 'Paid to', `Share of ${first}`, `Share of ${second}`, 'Status', 'Recorded at', 'Id', 'Replaces'];
    const rows: { date: string; at: number; fields: string[] }[] = [];
    for (const e of expenses) {
      const [firstShare, secondShare] = expenseShares(e.amountMinor, { firstParentBasisPoints: e.firstParentBasisPoints }, parents);
      rows.push({
        date: e.incurredOn,
        at: e.loggedAt.getTime(),
        fields: [
          'expense',
          e.incurredOn,
          e.category,
          csvField(e.description, { text: true }),
          formatMajorUnits(e.amountMinor, e.currency),
          e.currency,
          csvField(name(e.loggedBy), { text: true }),
          '',
          formatMajorUnits(firstShare.amountMinor, e.currency),
          formatMajorUnits(secondShare.amountMinor, e.currency),
          e.status,
          e.loggedAt.toISOString(),
          e.id,
          e.replacesExpenseId ?? '',
        ],
      });
    }
    for (const p of payments) {
      rows.push({
        date: p.paidOn,
        at: p.recordedAt.getTime(),
        fields: [
          'payment',
          p.paidOn,
          p.method,
          csvField(p.reference ?? '', { text: true }),
          formatMajorUnits(p.amountMinor, p.currency),
          p.currency,
          csvField(name(p.paidBy), { text: true }),
          csvField(name(p.paidTo), { text: true }),
          '',
          '',
          p.status,
          p.recordedAt.toISOString(),
          p.id,
          '',
        ],
      });
    }
    rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.at - b.at));
    const fileName = `expenses-${range.from ?? 'start'}-to-${range.to ?? 'now'}.csv`;
    return { fileName, text: csvDocument(header, rows.map((row) => row.fields)) };
  }
}
