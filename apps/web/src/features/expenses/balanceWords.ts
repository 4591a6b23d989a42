import { formatList } from '../../format';
import { formatMoney } from './money';

/** One line of `GET /api/cases/:caseId/balance`: who owes whom how much, in one currency. */
export interface BalanceLine {
  currency: string;
  fromParentId: string;
  toParentId: string;
  amountMinor: number;
}

/**
 * The balance in one sentence: "Sam owes Alex £45.50." With several currencies, each is
 * named in the same sentence ("Sam owes Alex £45.50, and Alex owes Sam €12.00."), in
 * currency order so it reads the same every time. Names, not "you", so both parents read
 * the same facts.
 */
export function balanceSentence(
  balances: readonly BalanceLine[],
  nameOf: (parentId: string) => string,
  locale?: string,
): string {
  const owing = balances
    .filter((line) => line.amountMinor > 0 && line.fromParentId !== line.toParentId)
    .slice()
    .sort((a, b) => a.currency.localeCompare(b.currency));
  if (owing.length === 0) return 'Nobody owes anything: approved expenses and confirmed payments are even.';
  const parts = owing.map(
    (line) =>
      `${nameOf(line.fromParentId)} owes ${nameOf(line.toParentId)} ${formatMoney(line.amountMinor, line.currency, locale)}`,
  );
  return `${formatList(parts)}.`;
}
