import type { Nudge, NudgeKind } from '@parallel/domain';

/** A run of the draft, flagged (with the kind that flagged it first) or not. */
export interface Segment {
  text: string;
  kind: NudgeKind | null;
}

/**
 * The draft cut into plain and flagged runs, for the highlight behind the textarea.
 * Overlapping nudges merge into one run. A long-message nudge covers the whole draft and
 * is listed, not highlighted: colouring everything would say nothing.
 */
export function highlightSegments(text: string, nudges: readonly Nudge[]): Segment[] {
  const ranges = nudges
    .filter((nudge) => nudge.kind !== 'length' && nudge.end > nudge.start)
    .map((nudge) => ({ start: Math.max(0, nudge.start), end: Math.min(text.length, nudge.end), kind: nudge.kind }))
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let cursor = 0;
  for (let index = 0; index < ranges.length;) {
    const first = ranges[index]!;
    let end = first.end;
    index++;
    while (index < ranges.length && ranges[index]!.start <= end) end = Math.max(end, ranges[index++]!.end);
    const start = Math.max(first.start, cursor);
    if (start > cursor) segments.push({ text: text.slice(cursor, start), kind: null });
    if (end > start) segments.push({ text: text.slice(start, end), kind: first.kind });
    cursor = Math.max(cursor, end);
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), kind: null });
  return segments;
}

/** The words a nudge is about, shortened for a list ("such an idiot", "I told you … again"). */
export function quotedWords(text: string, nudge: Nudge, max = 60): string {
  const words = text.slice(nudge.start, nudge.end).replace(/\s+/g, ' ').trim();
  if (words.length <= max) return words;
  const half = Math.floor((max - 3) / 2);
  return `${words.slice(0, half).trimEnd()} … ${words.slice(words.length - half).trimStart()}`;
}

/** What applying a suggestion will do, in words for its button. */
export function suggestionLabel(suggestion: { text: string }, max = 80): string {
  const text = suggestion.text.replace(/\s+/g, ' ').trim();
  if (text === '') return 'Leave this sentence out';
  return `Use “${text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`}”`;
}
