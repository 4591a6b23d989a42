import { useId, useMemo, useState } from 'react';
import type { NudgeKind } from '@parallel/domain';
import { useAnalyzer, type Analyzer } from '../nudges/loadAnalyzer';
import { findFacts, type Fact } from './facts';
import { splitSentences } from './sentences';
import './shield.css';

export interface ShieldedTextProps {
  text: string;
  /** The reader's shield preference: facts first, flagged sentences folded. */
  shieldOn: boolean;
}

interface Shielded {
  facts: Fact[];
  kept: string[];
  folded: number;
  kinds: NudgeKind[];
}

/** What the shield shows first, or null when there is nothing to fold. */
export function shieldText(analyzer: Analyzer, text: string): Shielded | null {
  // A long message is not folded for being long; only sentences that carry something are.
  const nudges = analyzer.analyzeDraft(text).nudges.filter((nudge) => nudge.kind !== 'length');
  if (nudges.length === 0) return null;
  const kept: string[] = [];
  const kinds: NudgeKind[] = [];
  let folded = 0;
  for (const sentence of splitSentences(text)) {
    const flags = nudges.filter((nudge) => nudge.start < sentence.end && nudge.end > sentence.start);
    if (flags.length === 0) {
      kept.push(sentence.text);
      continue;
    }
    folded++;
    for (const nudge of flags) if (!kinds.includes(nudge.kind)) kinds.push(nudge.kind);
  }
  if (folded === 0) return null;
  return { facts: findFacts(text), kept, folded, kinds };
}

/** "on Saturday" -> "Saturday", "at the leisure centre" -> "the leisure centre"; "next Friday" stays. */
function withoutPreposition(fact: string): string {
  return fact.replace(/^(?:on|at|to|from|by)\s+/i, '');
}

const FACT_GROUPS: readonly { label: string; kinds: readonly Fact['kind'][] }[] = [
  { label: 'When', kinds: ['date', 'time'] },
  { label: 'Where', kinds: ['place'] },
  { label: 'Amounts', kinds: ['amount'] },
];

/**
 * An incoming message's text behind the shield: the facts first (times, dates, places,
 * amounts), the plain sentences after them, and the sentences the analyzer flags folded
 * behind "Show the rest". Nothing is ever hidden for good: the whole text is one click
 * away, and until the analyzer has loaded the whole text is simply shown.
 */
export function ShieldedText({ text, shieldOn }: ShieldedTextProps) {
  const analyzer = useAnalyzer();
  const id = useId();
  const [open, setOpen] = useState(false);
  const shielded = useMemo(
    () => (shieldOn && analyzer ? shieldText(analyzer, text) : null),
    [shieldOn, analyzer, text],
  );

  if (!shielded || !analyzer) return <p className="message-text">{text}</p>;

  const groups = FACT_GROUPS.map((group) => ({
    label: group.label,
    facts: shielded.facts
      .filter((fact) => group.kinds.includes(fact.kind))
      .map((fact) => withoutPreposition(fact.text)),
  })).filter((group) => group.facts.length > 0);
  const labels = shielded.kinds.map((kind) => analyzer.NUDGE_KIND_LABELS[kind]);
  const sentences = shielded.folded === 1 ? '1 sentence' : `${shielded.folded} sentences`;

  return (
    <div className="shield">
      {groups.length > 0 && (
        <dl className="shield__facts" aria-label="The facts in this message">
          {groups.map((group) => (
            <div key={group.label} className="shield__fact">
              <dt>{group.label}</dt>
              <dd>{[...new Set(group.facts)].join(', ')}</dd>
            </div>
          ))}
        </dl>
      )}
      {open ? (
        <p className="message-text" id={`${id}-full`}>
          {text}
        </p>
      ) : (
        <p className="message-text" id={`${id}-full`}>
          {shielded.kept.length > 0 ? (
            shielded.kept.join(' ')
          ) : (
            <span className="shield__none">Nothing else in plain facts.</span>
          )}
        </p>
      )}
      <p className="shield__fold">
        {!open && (
          <span className="shield__folded">
            Folded away: {sentences} ({labels.join(', ')}).{' '}
          </span>
        )}
        <button
          type="button"
          className="button--quiet"
          aria-expanded={open}
          aria-controls={`${id}-full`}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? 'Fold the rest away' : 'Show the rest'}
        </button>
      </p>
    </div>
  );
}
