import type { ExpenseCategory, PaymentMethod } from './expensesApi';

// The expense screens' words: calm, factual, the same for both parents (DOMAIN.md). A state
// is always said in words (and marked with a sign), never by colour alone.

export const CATEGORY_LABELS = {
  medical: 'Medical',
  school: 'School',
  childcare: 'Childcare',
  activities: 'Activities',
  clothing: 'Clothing',
  travel: 'Travel',
  other: 'Other',
} as const satisfies Record<ExpenseCategory, string>;
export type CategoryKey = keyof typeof CATEGORY_LABELS;
export const CATEGORY_KEYS = Object.keys(CATEGORY_LABELS) as CategoryKey[];

export function categoryLabel(category: string): string {
  return (CATEGORY_LABELS as Record<string, string>)[category] ?? category;
}

export const METHOD_LABELS = {
  bank_transfer: 'Bank transfer',
  cash: 'Cash',
  card: 'Card',
  cheque: 'Cheque',
  other: 'Other',
} as const satisfies Record<PaymentMethod, string>;
export type MethodKey = keyof typeof METHOD_LABELS;
export const METHOD_KEYS = Object.keys(METHOD_LABELS) as MethodKey[];

export function methodLabel(method: string): string {
  return (METHOD_LABELS as Record<string, string>)[method] ?? method;
}

/** The list's filter by state, with the words on its links. */
export const STATE_FILTERS = {
  all: 'All',
  pending: 'Awaiting approval',
  disputed: 'Disputed',
  owed: 'Approved, still owed',
  settled: 'Settled',
  closed: 'Withdrawn or replaced',
} as const;
export type StateFilter = keyof typeof STATE_FILTERS;
export const STATE_FILTER_KEYS = Object.keys(STATE_FILTERS) as StateFilter[];

export function isStateFilter(value: string | null): value is StateFilter {
  return value !== null && value in STATE_FILTERS;
}

/** Whether an expense belongs under a filter; `outstandingMinor` is what is still owed of an approved one. */
export function matchesStateFilter(status: string, outstandingMinor: number | undefined, filter: StateFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'closed':
      return status === 'withdrawn' || status === 'resubmitted';
    case 'owed':
      return status === 'approved' && (outstandingMinor ?? 1) > 0;
    case 'settled':
      return status === 'approved' && outstandingMinor === 0;
    case 'pending':
    case 'disputed':
      return status === filter;
  }
}

/**
 * An expense's state as a short label and a sentence for the person looking at it: what
 * happened, and what (if anything) is theirs to do. `mine`: the viewer logged it.
 */
export function expenseState(
  status: string,
  mine: boolean,
  otherName: string,
): { label: string; sign: string; sentence: string } {
  switch (status) {
    case 'pending':
      return {
        label: 'Awaiting approval',
        sign: '…',
        sentence: mine
          ? `Waiting for ${otherName} to approve or dispute it.`
          : 'Waiting for you to approve or dispute it.',
      };
    case 'approved':
      return { label: 'Approved', sign: '✓', sentence: 'Approved: it counts in the balance.' };
    case 'disputed':
      return {
        label: 'Disputed',
        sign: '?',
        sentence: mine
          ? 'Disputed. You can withdraw it, or resubmit it with a correction.'
          : `Disputed. Waiting for ${otherName} to withdraw it or resubmit it with a correction.`,
      };
    case 'withdrawn':
      return { label: 'Withdrawn', sign: '–', sentence: 'Withdrawn: it does not count in the balance.' };
    case 'resubmitted':
      return { label: 'Replaced', sign: '↻', sentence: 'Replaced by a corrected expense; this one does not count.' };
    default:
      return { label: status, sign: '·', sentence: '' };
  }
}

export function paymentState(
  status: string,
  paidByMe: boolean,
  otherName: string,
): { label: string; sign: string; sentence: string } {
  if (status === 'confirmed')
    return { label: 'Received', sign: '✓', sentence: 'Receipt confirmed: it counts in the balance.' };
  return {
    label: 'Awaiting confirmation',
    sign: '…',
    sentence: paidByMe
      ? `Waiting for ${otherName} to confirm they received it.`
      : 'Waiting for you to confirm you received it.',
  };
}

/** "12 March 2026": a calendar date (YYYY-MM-DD) as people read it, with no time zone shift. */
export function formatDay(day: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Today's date (YYYY-MM-DD) in the case's zone: the default date of a new expense or payment. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "60%" or "33.33%" */
export function percentText(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

/** "2.4 MB", "820 KB" */
export function fileSizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
