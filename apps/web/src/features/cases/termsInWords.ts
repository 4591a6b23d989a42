import type { CaseParent, SharedTerms } from '../../api/types';

export interface TermInWords {
  term: string;
  words: string;
}

function percent(basisPoints: number): string {
  return new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

/** The answer is read defensively: terms a newer API shapes differently are not shown, rather than shown wrong. */
function looksLikeSharedTerms(value: unknown): value is SharedTerms {
  if (typeof value !== 'object' || value === null) return false;
  const terms = value as Partial<Record<keyof SharedTerms, unknown>>;
  const split = terms.split as { firstParentBasisPoints?: unknown } | undefined;
  return (
    typeof terms.urgentPer30Days === 'number' &&
    typeof terms.showReadTimes === 'boolean' &&
    typeof split?.firstParentBasisPoints === 'number'
  );
}

/**
 * The terms both parents agreed on, as plain sentences, for the case page. (Each parent's
 * own inbox terms, delivery times and daily cap, are on the terms page.) The first parent of
 * the split is the parent who created the case (the API lists parents in joining order).
 */
export function termsInWords(terms: unknown, parents: readonly CaseParent[]): TermInWords[] | null {
  if (!looksLikeSharedTerms(terms)) return null;
  const first = parents[0]?.displayName ?? 'The parent who created the case';
  const second = parents[1]?.displayName ?? 'the other parent';
  const firstShare = terms.split.firstParentBasisPoints;
  return [
    {
      term: 'Urgent messages',
      words:
        terms.urgentPer30Days === 0
          ? 'Turned off'
          : `At most ${terms.urgentPer30Days} from each parent in any 30 days, delivered at once`,
    },
    {
      term: 'Read times',
      words: terms.showReadTimes
        ? 'The sender sees when a message was first opened'
        : 'The sender does not see when a message was opened',
    },
    {
      term: 'Shared expenses',
      words: `${first} pays ${percent(firstShare)}, ${second} pays ${percent(10_000 - firstShare)}`,
    },
  ];
}
