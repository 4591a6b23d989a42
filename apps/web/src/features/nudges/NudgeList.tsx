import { useState } from 'react';
import type { Nudge, NudgeKind } from '@parallel/domain';
import { quotedWords, suggestionLabel } from './highlights';

/** How many nudges are listed before "Show all"; a long draft can have a hundred. */
const LISTED = 5;

interface NudgeListProps {
  /** The text the nudges were found in (their offsets point into it). */
  text: string;
  nudges: readonly Nudge[];
  labels: Readonly<Record<NudgeKind, string>>;
  /** Applies one nudge's suggestion to `text`. */
  onApply: (nudge: Nudge) => void;
  id?: string;
}

/** The summary read out politely as the parent types; it changes only when the count does. */
export function nudgeSummary(count: number): string {
  if (count === 0) return 'This reads calm and factual.';
  return count === 1 ? '1 suggestion for a calmer message.' : `${count} suggestions for a calmer message.`;
}

/**
 * The nudges in words, below the field: what was noticed, a kind sentence, and where one
 * can be offered, a suggestion applied with one click. Advice only; sending is never held.
 */
export function NudgeList({ text, nudges, labels, onApply, id }: NudgeListProps) {
  const [showAll, setShowAll] = useState(false);
  const listed = showAll ? nudges : nudges.slice(0, LISTED);
  return (
    <div className="nudges" id={id}>
      <p className="nudges__summary" role="status" aria-live="polite">
        {text.trim() === '' ? '' : nudgeSummary(nudges.length)}
      </p>
      {nudges.length > 0 && (
        <ul className="nudges__list" aria-label="Suggestions">
          {listed.map((nudge) => {
            const suggestion = nudge.suggestion;
            return (
              <li key={`${nudge.kind}-${nudge.start}`} className="nudge">
                <p className="nudge__what">
                  <span className="nudge__kind">{labels[nudge.kind]}</span>
                  {nudge.kind !== 'length' && <q className="nudge__words">{quotedWords(text, nudge)}</q>}
                </p>
                <p className="nudge__advice">{nudge.message}</p>
                {suggestion && (
                  <button type="button" className="button--quiet nudge__apply" onClick={() => onApply(nudge)}>
                    {suggestionLabel(suggestion)}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {nudges.length > LISTED && (
        <button
          type="button"
          className="button--quiet"
          aria-expanded={showAll}
          onClick={() => setShowAll((all) => !all)}
        >
          {showAll ? 'Show fewer suggestions' : `Show all ${nudges.length} suggestions`}
        </button>
      )}
    </div>
  );
}
