import { nextLedgerEntry, type OpenLedgerEntry } from '@parallel/domain';
import { ScheduleAndMoneyFigures } from './summary-figures';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const names = new Map([
  [A, 'Alex'],
  [B, 'Sam'],
]);

function chain(): OpenLedgerEntry[] {
  const entries: OpenLedgerEntry[] = [];
  const add = (type: OpenLedgerEntry['type'], actorId: string, payload: unknown) =>
    entries.push(nextLedgerEntry(entries.at(-1) ?? null, { caseId: 'c', at: `2026-03-${String(entries.length + 1).padStart(2, '0')}T10:00:00.000Z`, type, actorId, payload: payload as never, salt: '00' }) as OpenLedgerEntry);
  const logged = (id: string, actor: string, amountMinor: number, currency: string, firstParentBasisPoints = 5000) =>
    add('expense.logged', actor, { expenseId: id, category: 'school', description: 'x', incurredOn: '2026-03-01', amountMinor, currency, split: { firstParentBasisPoints }, splitSource: 'case', replacesExpenseId: null });
  logged('e1', A, 1001, 'GBP'); // 1 March
  add('expense.approved', B, { expenseId: 'e1' }); // 2 March
  logged('e2', B, 300, 'JPY', 2500); // 3 March
  add('expense.approved', A, { expenseId: 'e2' }); // 4 March
  return entries;
}

describe('the summary’s schedule and money figures', () => {
  it('gives the balance as it stood at the end of the range, per currency, with the split’s rounding', () => {
    const entries = chain();
    const upTo = (lastDay: number) => {
      const figures = new ScheduleAndMoneyFigures([A, B]);
      entries.forEach((entry, index) => figures.add(entry, entry.actorId === A ? 0 : 1, true, index + 1 <= lastDay));
      return figures.balanceSentence((id) => names.get(id)!);
    };
    expect(upTo(1)).toContain('nothing is owed');
    // 10.01 split evenly: Sam's part is 5.00 or 5.01 by splitAmount's rule, the same every time.
    expect(upTo(2)).toMatch(/Sam owes Alex GBP 5\.0[01]\.$/);
    // JPY has no minor unit; Sam logged 300 with Alex paying a quarter: Alex owes 75.
    expect(upTo(4)).toMatch(/Alex owes Sam JPY 75; Sam owes Alex GBP 5\.0[01]|Sam owes Alex GBP 5\.0[01]; Alex owes Sam JPY 75/);
  });

  it('counts what each parent logged in the printed range only', () => {
    const entries = chain();
    const figures = new ScheduleAndMoneyFigures([A, B]);
    entries.forEach((entry, index) => figures.add(entry, entry.actorId === A ? 0 : 1, index >= 2, true));
    expect(Object.fromEntries(figures.rows())['Expenses logged']).toEqual(['0', '1: JPY 300']);
  });
});
