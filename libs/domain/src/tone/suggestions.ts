/**
 * Suggestions: the sentence without the loaded words or clause, capitals lowered, scare quotes
 * dropped, or for a long draft its facts alone. Worked out only when a nudge's suggestion is read.
 */
import type { DraftContext, Hit } from './draft-context';
import type { Span, Token } from './text';
import type { NudgeSuggestion } from './types';

/** A shorter version offered for a long draft keeps about this many words of facts. */
const SHORT_VERSION_WORDS = 50;

const TERMINATORS = /[.!?\u2026"\u201d\u2019')]+$/;

function tidy(sentence: string, capitalize: boolean): string {
  let out = sentence
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:!?\u2026])/g, '$1')
    .replace(/([,;:])(\s*[,;:])+/g, '$1')
    .replace(/[,;:\-\u2013\u2014]\s*([.!?\u2026])/g, '$1')
    .replace(/^[\s,;:.\-\u2013\u2014)]+/, '')
    .trim();
  if (capitalize && out.length > 0) out = out.charAt(0).toUpperCase() + out.slice(1);
  return out;
}

/** Words that carry nothing once the point of a sentence is removed ("Oh and by the way?"). */
const FILLER_WORDS = new Set(
  'oh and but so by the way btw also anyway well ok just like honestly i mean um right then plus still yeah yes no look listen seriously really wow a to of is it that this'.split(
    ' ',
  ),
);

function isOnlyFiller(text: string): boolean {
  const words = text.toLowerCase().match(/[a-z0-9\u00c0-\u024f]+/g) ?? [];
  return words.every((word) => FILLER_WORDS.has(word));
}

function wordCountOf(text: string): number {
  return (text.match(/[A-Za-z0-9\u00c0-\u024f]+/g) ?? []).length;
}

function removeRanges(text: string, from: number, to: number, ranges: Span[]): string {
  ranges.sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = from;
  for (const range of ranges) {
    if (range.start > cursor) out += text.slice(cursor, range.start);
    cursor = Math.max(cursor, range.end);
  }
  if (cursor < to) out += text.slice(cursor, to);
  return out;
}

export class SuggestionWriter {
  private readonly text: string;
  private readonly sentencesWithWords: number;

  constructor(private readonly context: DraftContext) {
    this.text = context.segmented.text;
    let count = 0;
    for (let s = 0; s < context.segmented.sentences.length; s++) {
      const [from, to] = context.sentenceTokens(s);
      for (let t = from; t < to; t++) {
        if ((context.segmented.tokens[t] as Token).word >= 0) {
          count++;
          break;
        }
      }
    }
    this.sentencesWithWords = count;
  }

  private startsUpper(span: Span): boolean {
    const first = this.text.slice(span.start, span.start + 1);
    return first !== first.toLowerCase();
  }

  /** Deletes the whole sentence, or offers nothing when it is the whole message. */
  private withoutSentence(sentence: number): NudgeSuggestion | undefined {
    if (this.sentencesWithWords <= 1) return undefined;
    const { sentences } = this.context.segmented;
    const span = sentences[sentence] as Span;
    const next = sentences[sentence + 1];
    const end = next ? next.start : this.text.length;
    const start = next ? span.start : (sentences[sentence - 1]?.end ?? span.start);
    return { start, end, text: '' };
  }

  private replaceSentence(sentence: number, rewritten: string): NudgeSuggestion | undefined {
    const span = this.context.segmented.sentences[sentence] as Span;
    const tidied = tidy(rewritten, this.startsUpper(span));
    if (wordCountOf(tidied) < 2 || isOnlyFiller(tidied)) return this.withoutSentence(sentence);
    if (tidied === this.text.slice(span.start, span.end)) return undefined;
    return { start: span.start, end: span.end, text: tidied };
  }

  forHits(hits: Hit[]): NudgeSuggestion | undefined {
    const first = hits[0] as Hit;
    const sentence = first.sentence;
    const span = this.context.segmented.sentences[sentence] as Span;
    switch (first.strip) {
      case 'none':
        return undefined;
      case 'caps':
        return this.replaceSentence(sentence, this.lowered(span, hits));
      case 'quotes': {
        const marks: Span[] = [];
        for (const hit of hits)
          marks.push({ start: hit.start, end: hit.start + 1 }, { start: hit.end - 1, end: hit.end });
        return this.replaceSentence(sentence, removeRanges(this.text, span.start, span.end, marks));
      }
      case 'words': {
        const ranges: Span[] = [];
        const tokens = this.context.segmented.tokens;
        for (const hit of hits) {
          if (hit.strip !== 'words') return this.withoutClauses(sentence, hits);
          for (let t = hit.firstToken; t <= hit.lastToken; t++) {
            const token = tokens[t] as Token;
            ranges.push({ start: token.start, end: token.end });
          }
        }
        return this.replaceSentence(sentence, removeRanges(this.text, span.start, span.end, ranges));
      }
      case 'clause':
        return this.withoutClauses(sentence, hits);
    }
  }

  private lowered(span: Span, hits: Hit[]): string {
    let out = '';
    let cursor = span.start;
    for (const hit of hits) {
      out += this.text.slice(cursor, hit.start);
      const piece = this.text.slice(hit.start, hit.end);
      if (/[!?]/.test(piece) && !/[A-Za-z]/.test(piece)) out += piece.includes('?') ? '?' : '.';
      else out += hit.start === span.start ? piece.charAt(0) + piece.slice(1).toLowerCase() : piece.toLowerCase();
      cursor = hit.end;
    }
    return out + this.text.slice(cursor, span.end);
  }

  private withoutClauses(sentence: number, hits: Hit[]): NudgeSuggestion | undefined {
    const { tokens, clauses, sentences } = this.context.segmented;
    const span = sentences[sentence] as Span;
    const [from, to] = this.context.sentenceTokens(sentence);
    if (to <= from) return undefined;
    const firstClause = (tokens[from] as Token).clause;
    const lastClause = (tokens[to - 1] as Token).clause;
    const removed = new Set<number>();
    for (const hit of hits) {
      if (hit.firstToken > hit.lastToken) return undefined;
      for (let t = hit.firstToken; t <= hit.lastToken; t++) removed.add((tokens[t] as Token).clause);
    }
    // A clause left with nothing but filler ("and by the way") goes with the removed one.
    for (let clause = firstClause; clause <= lastClause; clause++) {
      const own = clauses[clause];
      if (own && !removed.has(clause) && isOnlyFiller(this.text.slice(own.start, own.end))) removed.add(clause);
    }
    const ranges: Span[] = [];
    for (const clause of removed) {
      const own = clauses[clause] as Span;
      if (clause < lastClause) ranges.push({ start: own.start, end: (clauses[clause + 1] as Span).start });
      else if (clause > firstClause) ranges.push({ start: (clauses[clause - 1] as Span).end, end: own.end });
      else ranges.push(own);
    }
    let rewritten = removeRanges(this.text, span.start, span.end, ranges);
    // Without its last clause a question is usually a statement ("Pickup is at 5?").
    if (removed.has(lastClause)) rewritten = rewritten.replace(/[?!]+(["\u201d\u2019')]*)\s*$/, '.$1');
    return this.replaceSentence(sentence, rewritten);
  }

  /** The facts of a long draft: its sentences with a day, time, amount or child in them. */
  shorterVersion(flagged: ReadonlySet<number>): NudgeSuggestion | undefined {
    const { sentences, tokens, wordCount } = this.context.segmented;
    const kept: string[] = [];
    let words = 0;
    for (let s = 0; s < sentences.length && words < SHORT_VERSION_WORDS; s++) {
      if (flagged.has(s)) continue;
      const [from, to] = this.context.sentenceTokens(s);
      let factual = false;
      for (let t = from; t < to && !factual; t++) factual = /\d/.test((tokens[t] as Token).norm);
      if (!factual && !this.context.isAnchored(s)) continue;
      const span = sentences[s] as Span;
      const sentenceText = this.text.slice(span.start, span.end).replace(/\s+/g, ' ');
      kept.push(TERMINATORS.test(sentenceText) ? sentenceText : `${sentenceText}.`);
      words += wordCountOf(sentenceText);
    }
    if (kept.length === 0 || words >= wordCount * 0.8) return undefined;
    const first = sentences[0] as Span;
    const last = sentences[sentences.length - 1] as Span;
    return { start: first.start, end: last.end, text: kept.join(' ') };
  }
}
