import { decideProposalAnswer } from '../proposals';
import { BASIS_POINTS_WHOLE, splitAmount, type Split } from './split';

export const EXPENSE_CATEGORIES = ['medical', 'school', 'childcare', 'activities', 'clothing', 'travel', 'other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/**
 * Where an expense stands. `pending` waits for the other parent; `approved` counts in the
 * balance; `disputed` waits for the logger to withdraw or resubmit; `withdrawn` and
 * `resubmitted` (replaced by a corrected expense that references it) are final.
 */
export const EXPENSE_STATUSES = ['pending', 'approved', 'disputed', 'withdrawn', 'resubmitted'] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];

export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'card', 'cheque', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_STATUSES = ['recorded', 'confirmed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** The largest amount one expense or payment may carry, in minor units: far above any real one, far below 2^53. */
export const AMOUNT_MINOR_MAX = 1_000_000_000_000;

export type ExpenseAction = 'approve' | 'dispute' | 'withdraw' | 'resubmit' | 'attach_receipt';

export type ExpenseRefusal =
  /** Approving or disputing one's own expense: the other parent agrees, never the logger. */
  | 'logger_cannot_answer'
  /** Withdrawing, resubmitting or adding receipts to the other parent's expense. */
  | 'only_logger'
  /** The expense is not in a state where this action applies; `status` says where it is. */
  | 'wrong_status';

export type ExpenseDecision = { ok: true; status: ExpenseStatus } | { ok: false; reason: ExpenseRefusal; status: ExpenseStatus };

/**
 * Whether `actorId` (already known to be one of the case's two parents) may take `action` on
 * an expense, and the status it leads to. Approval and dispute are the proposals rule (the
 * other parent answers a pending offer, once); the logger answers a dispute by withdrawing or
 * resubmitting a correction, and may also withdraw an expense still pending. Nothing is ever
 * edited: a correction is a new expense, and the old one is marked `resubmitted`.
 */
export function decideExpenseAction(expense: { status: ExpenseStatus; loggedBy: string }, action: ExpenseAction, actorId: string): ExpenseDecision {
  const byLogger = expense.loggedBy === actorId;
  const { status } = expense;
  switch (action) {
    case 'approve':
    case 'dispute': {
      const decision = decideProposalAnswer({ status: status === 'pending' ? 'pending' : 'decided', proposedBy: expense.loggedBy }, action === 'approve' ? 'accept' : 'decline', actorId);
      if (decision.ok) return { ok: true, status: action === 'approve' ? 'approved' : 'disputed' };
      return { ok: false, reason: decision.reason === 'not_pending' ? 'wrong_status' : 'logger_cannot_answer', status };
    }
    case 'withdraw':
      if (!byLogger) return { ok: false, reason: 'only_logger', status };
      return status === 'pending' || status === 'disputed' ? { ok: true, status: 'withdrawn' } : { ok: false, reason: 'wrong_status', status };
    case 'resubmit':
      if (!byLogger) return { ok: false, reason: 'only_logger', status };
      return status === 'disputed' ? { ok: true, status: 'resubmitted' } : { ok: false, reason: 'wrong_status', status };
    case 'attach_receipt':
      if (!byLogger) return { ok: false, reason: 'only_logger', status };
      return status === 'pending' ? { ok: true, status } : { ok: false, reason: 'wrong_status', status };
  }
}

/** One parent's part of an expense. */
export interface ExpenseShare {
  parentId: string;
  basisPoints: number;
  amountMinor: number;
}

/**
 * Each parent's share of an amount, the case's first parent (its creator) first, the parts
 * summing exactly to the amount by {@link splitAmount}'s rounding.
 */
export function expenseShares(amountMinor: number, split: Split, parents: { firstParentId: string; secondParentId: string }): [ExpenseShare, ExpenseShare] {
  const parts = splitAmount(amountMinor, split);
  return [
    { parentId: parents.firstParentId, basisPoints: split.firstParentBasisPoints, amountMinor: parts.firstParentMinor },
    { parentId: parents.secondParentId, basisPoints: BASIS_POINTS_WHOLE - split.firstParentBasisPoints, amountMinor: parts.secondParentMinor },
  ];
}

export interface ShareProblem {
  field: string;
  rule: 'count' | 'parent' | 'integer' | 'min' | 'max' | 'sum';
  message: string;
}

/**
 * Reads a per-expense split given as each parent's share (`[{ parentId, basisPoints }]`,
 * both parents once, whole basis points summing to 10 000) into the one-number {@link Split}.
 * Shares arrive per parent because a client should not need to know which parent the case
 * calls "first"; the sum is checked here, once.
 */
export function splitFromShares(
  shares: readonly { parentId: string; basisPoints: number }[],
  parents: { firstParentId: string; secondParentId: string },
  field = 'shares',
): { ok: true; split: Split } | { ok: false; problems: ShareProblem[] } {
  const problems: ShareProblem[] = [];
  if (shares.length !== 2) {
    return { ok: false, problems: [{ field, rule: 'count', message: `${field} must name each of the two parents once` }] };
  }
  const seen = new Set<string>();
  shares.forEach((share, index) => {
    const at = `${field}[${index}]`;
    if ((share.parentId !== parents.firstParentId && share.parentId !== parents.secondParentId) || seen.has(share.parentId)) {
      problems.push({ field: `${at}.parentId`, rule: 'parent', message: `${at}.parentId must be a parent of this case, each named once` });
    }
    seen.add(share.parentId);
    if (!Number.isInteger(share.basisPoints)) problems.push({ field: `${at}.basisPoints`, rule: 'integer', message: `${at}.basisPoints must be a whole number` });
    else if (share.basisPoints < 0) problems.push({ field: `${at}.basisPoints`, rule: 'min', message: `${at}.basisPoints must not be negative` });
    else if (share.basisPoints > BASIS_POINTS_WHOLE) problems.push({ field: `${at}.basisPoints`, rule: 'max', message: `${at}.basisPoints must be at most ${BASIS_POINTS_WHOLE}` });
  });
  if (problems.length === 0) {
    const total = shares.reduce((sum, share) => sum + share.basisPoints, 0);
    if (total !== BASIS_POINTS_WHOLE) {
      problems.push({ field, rule: 'sum', message: `${field} must add up to ${BASIS_POINTS_WHOLE} basis points (100%); these add up to ${total}` });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const first = shares.find((share) => share.parentId === parents.firstParentId);
  return { ok: true, split: { firstParentBasisPoints: first?.basisPoints ?? 0 } };
}
