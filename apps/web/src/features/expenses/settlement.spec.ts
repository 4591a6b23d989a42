import { describe, expect, it } from 'vitest';
import { outstandingShares, type SettlementExpense, type SettlementPayment } from './settlement';

const PARENTS = ['a', 's'];
let count = 0;
function expense(
  loggedBy: string,
  incurredOn: string,
  otherShareMinor: number,
  more: Partial<SettlementExpense> = {},
): SettlementExpense {
  count += 1;
  return {
    id: `e${count}`,
    loggedBy,
    incurredOn,
    loggedAt: `2026-01-01T00:00:0${count % 10}Z`,
    currency: 'GBP',
    status: 'approved',
    otherShareMinor,
    ...more,
  };
}
function payment(paidBy: string, amountMinor: number, more: Partial<SettlementPayment> = {}): SettlementPayment {
  return { paidBy, toParentId: paidBy === 'a' ? 's' : 'a', currency: 'GBP', status: 'confirmed', amountMinor, ...more };
}

describe('outstandingShares', () => {
  it('leaves every share owed when nothing was paid', () => {
    const first = expense('a', '2026-03-01', 2400);
    expect(outstandingShares(PARENTS, [first], [])).toEqual(new Map([[first.id, 2400]]));
  });

  it('counts confirmed payments against the oldest approved expenses first', () => {
    const later = expense('a', '2026-03-05', 1500);
    const older = expense('a', '2026-03-01', 2400);
    const result = outstandingShares(
      PARENTS,
      [later, older],
      [payment('s', 3000), payment('s', 900, { status: 'recorded' })],
    );
    expect(result.get(older.id)).toBe(0);
    expect(result.get(later.id)).toBe(900);
  });

  it('lets what each parent owes the other cancel out, as the balance does', () => {
    const alexs = expense('a', '2026-03-01', 5000);
    const sams = expense('s', '2026-03-02', 2000);
    const result = outstandingShares(PARENTS, [alexs, sams], []);
    expect(result.get(alexs.id)).toBe(3000);
    expect(result.get(sams.id)).toBe(0);
  });

  it('keeps currencies apart and leaves out expenses that are not approved', () => {
    const pounds = expense('a', '2026-03-01', 1000);
    const euros = expense('a', '2026-03-01', 1000, { currency: 'EUR' });
    const pending = expense('a', '2026-03-01', 1000, { status: 'pending' });
    const result = outstandingShares(PARENTS, [pounds, euros, pending], [payment('s', 1000, { currency: 'EUR' })]);
    expect(result.get(pounds.id)).toBe(1000);
    expect(result.get(euros.id)).toBe(0);
    expect(result.has(pending.id)).toBe(false);
  });
});
