import { describeCadence, type CaseTerms } from '@parallel/domain';
import type { CaseParent } from '../../api/types';

export interface TermInWords {
  term: string;
  words: string;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function percent(basisPoints: number): string {
  return new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

/** The answer is read defensively: terms a newer API shapes differently are not shown, rather than shown wrong. */
function looksLikeTerms(value: unknown): value is CaseTerms {
  if (typeof value !== 'object' || value === null) return false;
  const terms = value as Partial<Record<keyof CaseTerms, unknown>>;
  const cadence = terms.cadence as { mode?: unknown; windows?: unknown } | undefined;
  const split = terms.split as { firstParentBasisPoints?: unknown } | undefined;
  return (
    (cadence?.mode === 'immediate' || (cadence?.mode === 'windows' && Array.isArray(cadence.windows))) &&
    typeof terms.dailyQuota === 'number' &&
    typeof terms.urgentPer30Days === 'number' &&
    typeof terms.showReadTimes === 'boolean' &&
    typeof split?.firstParentBasisPoints === 'number'
  );
}

/**
 * The case's terms in force as plain sentences, for the case page. The first parent of
 * the split is the parent who created the case (the API lists parents in joining order).
 */
export function termsInWords(terms: unknown, parents: readonly CaseParent[], timeZone: string): TermInWords[] | null {
  if (!looksLikeTerms(terms)) return null;
  const first = parents[0]?.displayName ?? 'The parent who created the case';
  const second = parents[1]?.displayName ?? 'the other parent';
  const firstShare = terms.split.firstParentBasisPoints;
  return [
    {
      term: 'Messages are delivered',
      words:
        terms.cadence.mode === 'immediate'
          ? 'As soon as they are sent'
          : `${capitalized(describeCadence(terms.cadence))} (${timeZone} time); a message sent in between waits for the next of these times`,
    },
    { term: 'Messages a day', words: `At most ${terms.dailyQuota} from each parent` },
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
