/**
 * What the analyzer knows about a segmented draft (or one line of it) while it reads: the
 * places where rules fired, and the context that can cancel them.
 */
import { BEREAVEMENT_WORDS, COMPLIMENT_WORDS, EMERGENCY_WORDS, REPORTING_WORDS, TOPIC_ANCHORS } from './lexicon';
import type { Guard } from './rules';
import type { SegmentedText, Span, Token } from './text';
import type { NudgeKind } from './types';

/** How far back "called", "said" or "swore" marks an insult as reported speech. */
const REPORTING_WINDOW = 6;
/** "passed" before one of these is handing on or getting through ("passed to my solicitor", "passed the test"), not a death. */
const PASSED_NOT_DEATH = new Set(['to', 'the', 'a', 'an', 'it', 'this', 'that', 'my', 'your', 'his', 'her', 'their', 'our', 'its', 'him', 'them', 'me', 'us', 'along', 'through', 'by', 'all', 'both', 'every']);
const TIME_OR_DATE = /^(\d{1,2}([:.]\d{2})?(am|pm)|\d{1,2}[:.]\d{2}|\d{1,2}(st|nd|rd|th))$/;

/** How the suggestion for a hit is made. */
export type Strip = 'clause' | 'words' | 'caps' | 'quotes' | 'none';

export interface Hit {
  kind: NudgeKind;
  sentence: number;
  start: number;
  end: number;
  strip: Strip;
  /** Token range for phrase hits (first > last for hits found on characters). */
  firstToken: number;
  lastToken: number;
  /** Contexts that cancel this hit, besides quotation marks. */
  guards?: readonly Guard[];
  /** Cancelled when any line of the message is about an emergency (settled per message). */
  unlessEmergency?: boolean;
}

/** Facts about a segmented draft (or line) that rules ask for, each worked out once. */
export class DraftContext {
  private readonly anchored: Int8Array;
  private readonly bereaved: Int8Array;
  private emergency = 0;

  constructor(readonly segmented: SegmentedText) {
    this.anchored = new Int8Array(segmented.sentences.length);
    this.bereaved = new Int8Array(segmented.sentences.length);
  }

  sentenceTokens(sentence: number): [number, number] {
    const bounds = this.segmented.sentenceFirstToken;
    return [bounds[sentence] as number, bounds[sentence + 1] as number];
  }

  private sentenceHas(cache: Int8Array, sentence: number, test: (token: Token, index: number) => boolean): boolean {
    if (cache[sentence] === 0) {
      const [from, to] = this.sentenceTokens(sentence);
      let found = false;
      for (let t = from; t < to && !found; t++) found = test(this.segmented.tokens[t] as Token, t);
      cache[sentence] = found ? 2 : 1;
    }
    return cache[sentence] === 2;
  }

  isAnchored(sentence: number): boolean {
    return this.sentenceHas(
      this.anchored,
      sentence,
      (token) => TOPIC_ANCHORS.has(token.norm) || TIME_OR_DATE.test(token.norm),
    );
  }

  isBereavement(sentence: number): boolean {
    const tokens = this.segmented.tokens;
    return this.sentenceHas(this.bereaved, sentence, (token, t) => {
      if (!BEREAVEMENT_WORDS.has(token.norm)) return false;
      if (token.norm !== 'passed') return true;
      const next = tokens[t + 1];
      return !(next && next.sentence === token.sentence && PASSED_NOT_DEATH.has(next.norm));
    });
  }

  isEmergency(): boolean {
    if (this.emergency === 0) {
      this.emergency = this.segmented.tokens.some((token) => EMERGENCY_WORDS.has(token.norm)) ? 2 : 1;
    }
    return this.emergency === 2;
  }

  isQuoted(first: number, last: number): boolean {
    for (let t = first; t <= last; t++) if ((this.segmented.tokens[t] as Token).quoted) return true;
    return false;
  }

  isReported(first: number, sentence: number): boolean {
    const [from] = this.sentenceTokens(sentence);
    for (let t = first - 1; t >= from && t >= first - REPORTING_WINDOW; t--) {
      if (REPORTING_WORDS.has((this.segmented.tokens[t] as Token).norm)) return true;
    }
    return false;
  }

  isCompliment(first: number): boolean {
    const tokens = this.segmented.tokens;
    const clause = (tokens[first] as Token).clause;
    for (let t = first; t >= 0 && (tokens[t] as Token).clause === clause; t--) {
      if (COMPLIMENT_WORDS.has((tokens[t] as Token).norm)) return true;
    }
    for (let t = first + 1; t < tokens.length && (tokens[t] as Token).clause === clause; t++) {
      if (COMPLIMENT_WORDS.has((tokens[t] as Token).norm)) return true;
    }
    return false;
  }

  passes(guard: Guard, hit: Hit): boolean {
    switch (guard) {
      case 'quoted':
        return !this.isQuoted(hit.firstToken, hit.lastToken);
      case 'reported':
        return !this.isReported(hit.firstToken, hit.sentence);
      case 'bereavement':
        return !this.isBereavement(hit.sentence);
      case 'emergency':
        return !this.isEmergency();
      case 'anchored':
        return !this.isAnchored(hit.sentence);
      case 'compliment':
        return !this.isCompliment(hit.firstToken);
    }
  }
}

export function sentenceAt(segmented: SegmentedText, index: number, hint: number): number {
  let sentence = hint;
  const { sentences } = segmented;
  while (sentence < sentences.length - 1 && (sentences[sentence] as Span).end <= index) sentence++;
  return sentence;
}
