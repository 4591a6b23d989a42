/**
 * The grey-rock analyzer: deterministic rules over the draft's words, each explainable by the
 * phrase or pattern that fired. Pure and synchronous; it runs on every keystroke in the
 * composer and on incoming messages, and it never decides whether a message may be sent.
 */
import {
  ACRONYMS,
  BEREAVEMENT_WORDS,
  COMPLIMENT_WORDS,
  EMERGENCY_WORDS,
  LABEL_WORDS,
  REPORTING_WORDS,
  TOPIC_ANCHORS,
} from './lexicon';
import { NUDGE_MESSAGES } from './messages';
import { PhraseMatcher } from './phrase-matcher';
import { PHRASE_EXCEPTIONS, PHRASE_RULES, TOKEN_CLASSES, type Guard } from './rules';
import { segment, type SegmentedText, type Span, type Token } from './text';
import { NUDGE_KINDS, type DraftAnalysis, type Nudge, type NudgeKind, type NudgeSuggestion } from './types';

/** Over this many words a message is long for grey rock. */
export const GREY_ROCK_MAX_WORDS = 80;
/** Three paragraphs or more read as explanation once the message passes this many words. */
const PARAGRAPHS_MAX_WORDS = 60;
/** A shorter version offered for a long draft keeps about this many words of facts. */
const SHORT_VERSION_WORDS = 50;
/** "because" this many times in one message is over-explaining. */
const BECAUSE_LIMIT = 3;
/** How far back "called", "said" or "swore" marks an insult as reported speech. */
const REPORTING_WINDOW = 6;

const matcher = new PhraseMatcher(TOKEN_CLASSES);
PHRASE_RULES.forEach((rule, index) => {
  for (const phrase of rule.phrases) matcher.add(phrase, index);
});
const EXCEPTION_BASE = PHRASE_RULES.length;
PHRASE_EXCEPTIONS.forEach((exception, index) => {
  for (const phrase of exception.phrases) matcher.add(phrase, EXCEPTION_BASE + index);
});

const KIND_ORDER = new Map<NudgeKind, number>(NUDGE_KINDS.map((kind, index) => [kind, index]));
const TIME_OR_DATE = /^(\d{1,2}([:.]\d{2})?(am|pm)|\d{1,2}[:.]\d{2}|\d{1,2}(st|nd|rd|th))$/;
const CHASER_WORDS = new Set(['hello', 'helo', 'hi', 'hey', 'oi', 'anyone', 'anybody', 'there']);
const SCARE_QUOTE_LEADS = new Set(['your', 'you', 'ur']);

/** How the suggestion for a hit is made. */
type Strip = 'clause' | 'words' | 'caps' | 'quotes' | 'none';

interface Hit {
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

/** Per-call facts about the draft, computed only when a rule asks. */
class DraftContext {
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

  private sentenceHas(cache: Int8Array, sentence: number, test: (token: Token) => boolean): boolean {
    if (cache[sentence] === 0) {
      const [from, to] = this.sentenceTokens(sentence);
      let found = false;
      for (let t = from; t < to && !found; t++) found = test(this.segmented.tokens[t] as Token);
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
    return this.sentenceHas(this.bereaved, sentence, (token) => BEREAVEMENT_WORDS.has(token.norm));
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

function findPhraseHits(context: DraftContext, hits: Hit[]): void {
  const { tokens, sentences } = context.segmented;
  const found: Hit[] = [];
  const cancels: { kinds: readonly NudgeKind[]; first: number; last: number }[] = [];
  let sentence = 0;
  const onMatch = (id: number, first: number, last: number): void => {
    if (id >= EXCEPTION_BASE) {
      cancels.push({
        kinds: (PHRASE_EXCEPTIONS[id - EXCEPTION_BASE] as (typeof PHRASE_EXCEPTIONS)[number]).cancels,
        first,
        last,
      });
      return;
    }
    const rule = PHRASE_RULES[id] as (typeof PHRASE_RULES)[number];
    found.push({
      kind: rule.kind,
      sentence,
      start: (tokens[first] as Token).start,
      end: (tokens[last] as Token).end,
      strip: rule.strip ?? 'clause',
      firstToken: first,
      lastToken: last,
      guards: rule.unless,
    });
  };
  for (; sentence < sentences.length; sentence++) {
    const [from, to] = context.sentenceTokens(sentence);
    matcher.match(tokens, from, to, onMatch);
  }
  for (const hit of found) {
    const cancelled = cancels.some(
      (cancel) => cancel.kinds.includes(hit.kind) && cancel.first <= hit.lastToken && cancel.last >= hit.firstToken,
    );
    if (cancelled || !context.passes('quoted', hit)) continue;
    if (hit.guards && !hit.guards.every((guard) => guard === 'emergency' || context.passes(guard, hit))) continue;
    hits.push({
      kind: hit.kind,
      sentence: hit.sentence,
      start: hit.start,
      end: hit.end,
      strip: hit.strip,
      firstToken: hit.firstToken,
      lastToken: hit.lastToken,
      unlessEmergency: hit.guards?.includes('emergency') ?? false,
    });
  }
}

function sentenceAt(segmented: SegmentedText, index: number, hint: number): number {
  let sentence = hint;
  const { sentences } = segmented;
  while (sentence < sentences.length - 1 && (sentences[sentence] as Span).end <= index) sentence++;
  return sentence;
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

const CAPITALS_RUN = /[A-Z][A-Z'\u2019]*[A-Z]/g;

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Words typed in capitals that are not acronyms, labels ("URGENT:") or codes ("BA 2491",
 * "JUNE-CS"). Works on the raw characters, since normalization has dropped the case; the
 * regular expression finds the few candidates, then each word around one is checked.
 */
function findShoutedWords(text: string): Span[] {
  const shouted: Span[] = [];
  CAPITALS_RUN.lastIndex = 0;
  let lastChunkEnd = -1;
  for (let run = CAPITALS_RUN.exec(text); run !== null; run = CAPITALS_RUN.exec(text)) {
    // the whitespace-delimited chunk around the run, trimmed of punctuation
    let chunkStart = run.index;
    while (chunkStart > 0 && !isBlank(text.charCodeAt(chunkStart - 1))) chunkStart--;
    let chunkEnd = run.index + run[0].length;
    while (chunkEnd < text.length && !isBlank(text.charCodeAt(chunkEnd))) chunkEnd++;
    if (chunkStart < lastChunkEnd) continue; // a second run in a chunk already judged
    lastChunkEnd = chunkEnd;
    CAPITALS_RUN.lastIndex = chunkEnd;
    let start = chunkStart;
    let end = chunkEnd;
    while (start < end && !isAsciiLetterOrDigit(text.charCodeAt(start))) start++;
    while (end > start && !isAsciiLetterOrDigit(text.charCodeAt(end - 1))) end--;
    let upper = 0;
    let other = 0;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c >= 65 && c <= 90) upper++;
      else if (c !== 39 && c !== 0x2019) other++; // apostrophes belong to the word (DON'T)
    }
    if (upper < 2 || other > 0) continue;
    const word = text
      .slice(start, end)
      .toLowerCase()
      .replace(/['\u2019]/g, '');
    if (ACRONYMS.has(word)) continue;
    // A label at the start of a line ("URGENT:", "REMINDER -") is not shouting.
    let before = chunkStart - 1;
    while (before >= 0 && isBlank(text.charCodeAt(before)) && text.charCodeAt(before) !== 10) before--;
    const firstOnLine = before < 0 || text.charCodeAt(before) === 10;
    const nextChar = text.charCodeAt(end);
    if ((firstOnLine && (nextChar === 58 || LABEL_WORDS.has(word))) || (nextChar === 58 && LABEL_WORDS.has(word)))
      continue;
    // A short code before a number ("BA 2491", "TOM 1402") and "AM" after one are not shouting.
    let next = chunkEnd;
    while (next < text.length && (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9)) next++;
    if (word.length <= 3 && isAsciiDigit(text.charCodeAt(next)) && isAsciiDigit(text.charCodeAt(next + 1))) continue;
    if (word === 'am' && before >= 0 && isAsciiDigit(text.charCodeAt(before))) continue;
    shouted.push({ start, end });
  }
  CAPITALS_RUN.lastIndex = 0;
  return shouted;
}

function countAtLeast(text: string, pattern: RegExp, minimum: number): boolean {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < minimum && pattern.exec(text) !== null) count++;
  pattern.lastIndex = 0;
  return count >= minimum;
}

/** A span with the line-local sentence it is in. */
interface PlacedSpan {
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
}

/** What one line contributes; lines are analyzed alone and remembered (see `analyzeDraft`). */
interface LineResult {
  /** Phrase, scare-quote and chaser hits, every guard settled but an emergency elsewhere. */
  readonly hits: readonly Hit[];
  /** Words in capitals and runs of !!! / ???: shouting depends on the whole message's count. */
  readonly shouted: readonly PlacedSpan[];
  readonly loud: readonly PlacedSpan[];
  /** Each "because", with its token index: a chain of three in a message is over-explaining. */
  readonly because: readonly (PlacedSpan & { readonly token: number })[];
  readonly tokenCount: number;
  readonly sentenceCount: number;
  readonly wordCount: number;
  readonly emergency: boolean;
  readonly blank: boolean;
  readonly firstSentenceStart: number;
  readonly lastSentenceEnd: number;
}

function analyzeLine(line: string): LineResult {
  const segmented = segment(line, matcher.words);
  const { tokens, sentences } = segmented;
  const context = new DraftContext(segmented);
  const hits: Hit[] = [];
  findPhraseHits(context, hits);

  // sarcasm: scare quotes around one to three words after "your" ("your 'work trip'")
  for (const quote of segmented.quotes) {
    const count = quote.lastToken - quote.firstToken + 1;
    const lead = tokens[quote.firstToken - 1];
    const first = tokens[quote.firstToken];
    const last = tokens[quote.lastToken];
    if (count < 1 || count > 3 || !lead || !first || !last || lead.sentence !== first.sentence) continue;
    if (!SCARE_QUOTE_LEADS.has(lead.norm)) continue;
    hits.push({
      kind: 'sarcasm',
      sentence: first.sentence,
      start: Math.max(0, first.start - 1),
      end: Math.min(line.length, last.end + 1),
      strip: 'quotes',
      firstToken: quote.firstToken,
      lastToken: quote.lastToken,
    });
  }

  // pressure: a bare "Hello??" chasing a reply
  for (let sentence = 0; sentence < sentences.length; sentence++) {
    const [from, to] = context.sentenceTokens(sentence);
    if (to - from < 1 || to - from > 2) continue;
    let chaser = true;
    for (let t = from; t < to && chaser; t++) chaser = CHASER_WORDS.has((tokens[t] as Token).norm);
    const span = sentences[sentence] as Span;
    if (chaser && line.slice(span.start, span.end).includes('?')) {
      hits.push({
        kind: 'pressure',
        sentence,
        start: span.start,
        end: span.end,
        strip: 'clause',
        firstToken: from,
        lastToken: to - 1,
      });
    }
  }

  const place = (span: Span, hint: number): PlacedSpan => ({
    ...span,
    sentence: sentenceAt(segmented, span.start, hint),
  });
  // Most lines have fewer than two runs of capitals at all; then there is nothing to scan.
  const shouted = countAtLeast(line, CAPITALS_RUN, 1) ? findShoutedWords(line).map((span) => place(span, 0)) : [];
  const loud = segmented.loudPunctuation.map((span) => place(span, 0));
  const because: (PlacedSpan & { token: number })[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as Token;
    if (token.norm === 'because')
      because.push({ start: token.start, end: token.end, sentence: token.sentence, token: t });
  }
  return {
    hits,
    shouted,
    loud,
    because,
    tokenCount: tokens.length,
    sentenceCount: sentences.length,
    wordCount: segmented.wordCount,
    emergency: context.isEmergency(),
    blank: line.trim() === '',
    firstSentenceStart: sentences[0]?.start ?? 0,
    lastSentenceEnd: sentences[sentences.length - 1]?.end ?? 0,
  };
}

/** Lines already read, by their text; bounded so that memory stays small. */
const LINE_CACHE_LIMIT = 2000;
const lineCache = new Map<string, LineResult>();

function lineResult(line: string): LineResult {
  let result = lineCache.get(line);
  if (result === undefined) {
    result = analyzeLine(line);
    if (lineCache.size >= LINE_CACHE_LIMIT) lineCache.clear();
    lineCache.set(line, result);
  }
  return result;
}

// ----- suggestions ---------------------------------------------------------------------------

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

class SuggestionWriter {
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

/**
 * A nudge whose `suggestion` is worked out when first read: the composer shows every nudge
 * on each keystroke but opens a suggestion only when asked.
 */
function lazyNudge(kind: NudgeKind, start: number, end: number, suggest: () => NudgeSuggestion | undefined): Nudge {
  let worked = false;
  let suggestion: NudgeSuggestion | undefined;
  return {
    kind,
    message: NUDGE_MESSAGES[kind],
    start,
    end,
    get suggestion(): NudgeSuggestion | undefined {
      if (!worked) {
        suggestion = suggest();
        worked = true;
      }
      return suggestion;
    },
  };
}

function toNudges(readDraft: () => DraftContext, hits: Hit[]): Nudge[] {
  // One nudge per kind per sentence: the highlight covers what fired, the suggestion fixes it.
  const groups = new Map<number, Hit[]>();
  for (const hit of hits) {
    const key = hit.sentence * NUDGE_KINDS.length + (KIND_ORDER.get(hit.kind) as number);
    const group = groups.get(key);
    if (group) group.push(hit);
    else groups.set(key, [hit]);
  }
  let writer: SuggestionWriter | undefined;
  let flaggedSentences: Set<number> | undefined;
  const suggest = (kind: NudgeKind, group: Hit[]): NudgeSuggestion | undefined => {
    writer ??= new SuggestionWriter(readDraft());
    if (kind !== 'length') return writer.forHits(group);
    if (!flaggedSentences) {
      flaggedSentences = new Set<number>();
      for (const hit of hits) if (hit.kind !== 'length') flaggedSentences.add(hit.sentence);
    }
    return writer.shorterVersion(flaggedSentences);
  };

  const nudges: Nudge[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.start - b.start);
    const kind = (group[0] as Hit).kind;
    let start = Infinity;
    let end = -Infinity;
    for (const hit of group) {
      start = Math.min(start, hit.start);
      end = Math.max(end, hit.end);
    }
    nudges.push(lazyNudge(kind, start, end, () => suggest(kind, group)));
  }
  nudges.sort((a, b) => a.start - b.start || (KIND_ORDER.get(a.kind) as number) - (KIND_ORDER.get(b.kind) as number));
  return nudges;
}

/**
 * Reads a draft (or an incoming message) and returns grey-rock nudges: advice the parent may
 * take or leave. `greyRock` is true exactly when there is nothing to say.
 *
 * Each line is read on its own (no phrase, sentence or quotation crosses a line break) and
 * remembered, so that in the composer a keystroke re-reads only the line it changed; what
 * depends on the whole message (an emergency anywhere, how many words are shouted, how long
 * it is) is settled here, over the lines' results.
 */
export function analyzeDraft(text: string): DraftAnalysis {
  const hits: Hit[] = [];
  const shouted: Hit[] = [];
  const loud: Hit[] = [];
  let emergency = false;
  let wordCount = 0;
  let paragraphCount = 0;
  let inParagraph = false;
  let sentenceCount = 0;
  let tokenCount = 0;
  let becauseCount = 0;
  let firstSentenceStart = -1;
  let lastSentenceEnd = -1;

  for (let offset = 0; ;) {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline;
    const line = lineResult(offset === 0 && newline < 0 ? text : text.slice(offset, end));
    const sentenceBase = sentenceCount;
    const tokenBase = tokenCount;
    for (const hit of line.hits) {
      hits.push({
        kind: hit.kind,
        sentence: hit.sentence + sentenceBase,
        start: hit.start + offset,
        end: hit.end + offset,
        strip: hit.strip,
        firstToken: hit.firstToken + tokenBase,
        lastToken: hit.lastToken + tokenBase,
        unlessEmergency: hit.unlessEmergency,
      });
    }
    const spanHit = (kind: NudgeKind, strip: Strip, span: PlacedSpan, token: number): Hit => ({
      kind,
      sentence: span.sentence + sentenceBase,
      start: span.start + offset,
      end: span.end + offset,
      strip,
      firstToken: token < 0 ? 1 : token + tokenBase,
      lastToken: token < 0 ? 0 : token + tokenBase,
      unlessEmergency: false,
    });
    for (const span of line.shouted) shouted.push(spanHit('shouting', 'caps', span, -1));
    for (const span of line.loud) loud.push(spanHit('shouting', 'caps', span, -1));
    for (const span of line.because) {
      if (++becauseCount === BECAUSE_LIMIT) hits.push(spanHit('jade', 'none', span, span.token));
    }
    if (line.sentenceCount > 0) {
      if (firstSentenceStart < 0) firstSentenceStart = line.firstSentenceStart + offset;
      lastSentenceEnd = line.lastSentenceEnd + offset;
    }
    if (line.wordCount > 0 && !inParagraph) paragraphCount++;
    if (line.wordCount > 0) inParagraph = true;
    else if (line.blank) inParagraph = false;
    emergency ||= line.emergency;
    wordCount += line.wordCount;
    sentenceCount += line.sentenceCount;
    tokenCount += line.tokenCount;
    if (newline < 0) break;
    offset = newline + 1;
  }

  // shouting: two capitalised words or more in the message, or any !!! / ??? / ?!
  if (shouted.length >= 2) hits.push(...shouted);
  hits.push(...loud);
  if (
    sentenceCount > 0 &&
    (wordCount > GREY_ROCK_MAX_WORDS || (paragraphCount >= 3 && wordCount > PARAGRAPHS_MAX_WORDS))
  ) {
    hits.push({
      kind: 'length',
      sentence: 0,
      start: firstSentenceStart,
      end: lastSentenceEnd,
      strip: 'none',
      firstToken: 1,
      lastToken: 0,
    });
  }
  const kept = emergency ? hits.filter((hit) => !hit.unlessEmergency) : hits;
  if (kept.length === 0) return { greyRock: true, nudges: [] };
  const nudges = toNudges(() => new DraftContext(segment(text, matcher.words)), kept);
  return { greyRock: nudges.length === 0, nudges };
}

/** The draft with one nudge's suggestion applied (the draft unchanged if it has none). */
export function applyNudgeSuggestion(text: string, nudge: Nudge): string {
  const suggestion = nudge.suggestion;
  if (!suggestion) return text;
  return text.slice(0, suggestion.start) + suggestion.text + text.slice(suggestion.end);
}
