/**
 * Splits a draft into normalized word tokens, sentences and clauses in one linear pass.
 * Offsets are UTF-16 indices into the original text, so spans can be highlighted as typed.
 */
/* eslint-disable @typescript-eslint/no-unsafe-enum-comparison -- `Char` only names character
   codes; they are compared with charCodeAt numbers, and the const enum compiles to literals. */
import { ABBREVIATIONS, IS_CONTRACTING, NOT_CONTRACTIONS, WORD_REWRITES, type Rewrite } from './lexicon';

export interface Token {
  /** Normalized form the lexicons use. A contraction yields several tokens on one word. */
  readonly norm: string;
  /** The norm's number in the vocabulary given to `segment`, or -1. */
  readonly id: number;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly clause: number;
  /** Index of the source word; the tokens of "don't" share one. */
  readonly word: number;
  /** Inside a closed pair of quotation marks. */
  quoted: boolean;
}

/** The norm of a word with letters starred out (f**k, sh*t, b#tch): swearing, whatever it was. */
export const MASKED_TOKEN = '<masked>';
const MASKED_WORD = /^([a-z]+[*#]+[a-z*#]*|[*#]+[a-z]+)$/;

export interface Span {
  start: number;
  end: number;
}

export interface QuoteSpan {
  /** First and last token inside the quotation marks (first > last when empty). */
  firstToken: number;
  lastToken: number;
}

export interface SegmentedText {
  readonly text: string;
  readonly tokens: Token[];
  /** Sentence character spans, terminators included. */
  readonly sentences: Span[];
  /** Index of each sentence's first token, plus one trailing entry (tokens.length). */
  readonly sentenceFirstToken: number[];
  readonly clauses: Span[];
  readonly quotes: QuoteSpan[];
  readonly wordCount: number;
  readonly paragraphCount: number;
  /** Runs of `!` and `?` that read as shouting (GREY-ROCK-LABELS.md): two or more (`!!`, `??`, `?!`). */
  readonly loudPunctuation: Span[];
}

const enum Char {
  Tab = 9,
  LineFeed = 10,
  CarriageReturn = 13,
  Space = 32,
  Exclamation = 33,
  DoubleQuote = 34,
  Hash = 35,
  Ampersand = 38,
  Apostrophe = 39,
  OpenParen = 40,
  CloseParen = 41,
  Asterisk = 42,
  Comma = 44,
  Hyphen = 45,
  FullStop = 46,
  Slash = 47,
  Digit0 = 48,
  Digit9 = 57,
  Colon = 58,
  Semicolon = 59,
  Question = 63,
  UpperA = 65,
  UpperZ = 90,
  LowerA = 97,
  LowerZ = 122,
  NoBreakSpace = 0xa0,
  EnDash = 0x2013,
  EmDash = 0x2014,
  LeftSingleQuote = 0x2018,
  RightSingleQuote = 0x2019,
  LeftDoubleQuote = 0x201c,
  RightDoubleQuote = 0x201d,
  Ellipsis = 0x2026,
  ModifierApostrophe = 0x02bc,
  VariationSelector = 0xfe0f,
  ZeroWidthJoiner = 0x200d,
}

function isLetter(code: number): boolean {
  return (
    (code >= Char.LowerA && code <= Char.LowerZ) ||
    (code >= Char.UpperA && code <= Char.UpperZ) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

function isDigit(code: number): boolean {
  return code >= Char.Digit0 && code <= Char.Digit9;
}

function isWordChar(code: number): boolean {
  return isLetter(code) || isDigit(code);
}

function isSpace(code: number): boolean {
  return (
    code === Char.Space ||
    code === Char.Tab ||
    code === Char.LineFeed ||
    code === Char.CarriageReturn ||
    code === Char.NoBreakSpace
  );
}

function isApostropheLike(code: number): boolean {
  return (
    code === Char.Apostrophe ||
    code === Char.RightSingleQuote ||
    code === Char.LeftSingleQuote ||
    code === Char.ModifierApostrophe
  );
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Symbols and dingbats (☺ ✌ ❤) that stand as emoji in the Basic Multilingual Plane. */
function isBmpEmoji(code: number): boolean {
  return code >= 0x2600 && code <= 0x27bf;
}

/** Skin tones and other modifiers ride on the emoji before them. */
function isEmojiModifier(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code === Char.VariationSelector || code === Char.ZeroWidthJoiner) return true;
  return code === 0xd83c && text.charCodeAt(index + 1) >= 0xdffb && text.charCodeAt(index + 1) <= 0xdfff;
}

function hasTripleLetter(word: string): boolean {
  for (let i = 2; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === word.charCodeAt(i - 1) && code === word.charCodeAt(i - 2) && isLetter(code)) return true;
  }
  return false;
}

/** Letters repeated three times or more ("sooo", "pleeease") collapse to one. */
function collapseElongation(word: string): string {
  if (!hasTripleLetter(word)) return word;
  let out = '';
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] as string;
    run = i > 0 && word[i - 1] === ch ? run + 1 : 1;
    if (run === 3) out = out.slice(0, -1);
    if (run < 3 || !isLetter(ch.charCodeAt(0))) out += ch;
  }
  return out;
}

function pushRewrite(word: string, into: string[]): void {
  const replacement = WORD_REWRITES.get(word);
  if (replacement === undefined) into.push(word);
  else if (typeof replacement === 'string') into.push(replacement);
  else for (const part of replacement) into.push(part);
}

/** Opens a lower-case word with an apostrophe ("you're", "don't", "mum's") into tokens. */
function openContraction(word: string): readonly string[] {
  const into: string[] = [];
  const apostrophe = word.lastIndexOf("'");
  const base = word.slice(0, apostrophe);
  const suffix = word.slice(apostrophe + 1);
  if (suffix === 't' && base.endsWith('n')) {
    const stem = base.slice(0, -1);
    const irregular = NOT_CONTRACTIONS.get(stem);
    pushRewrite(typeof irregular === 'string' ? irregular : stem, into);
    into.push('not');
    return into;
  }
  switch (suffix) {
    case 're':
      pushRewrite(base, into);
      into.push('are');
      break;
    case 've':
      pushRewrite(base, into);
      into.push('have');
      break;
    case 'll':
      pushRewrite(base, into);
      into.push('will');
      break;
    case 'd':
      pushRewrite(base, into);
      into.push('would');
      break;
    case 'm':
      pushRewrite(base, into);
      into.push('am');
      break;
    case 's':
      if (base === 'let') {
        into.push('let', 'us');
      } else {
        pushRewrite(base, into);
        if (IS_CONTRACTING.has(base)) into.push('is');
      }
      break;
    default:
      // o'clock, O'Brien, and a stray apostrophe: read the word without it
      pushRewrite(word.replace(/'/g, ''), into);
  }
  return into;
}

/**
 * Normalizes a lower-case word (apostrophes already straight) into what the lexicons use:
 * one token, or several for a contraction.
 */
function normalizeLowerWord(lower: string, hasApostrophe: boolean): Rewrite {
  const word = lower.length > 2 ? collapseElongation(lower) : lower;
  if (hasApostrophe && word.lastIndexOf("'") > 0) return openContraction(word);
  return WORD_REWRITES.get(word) ?? word;
}

/**
 * Normalizes one typed word into the tokens the lexicons are written in.
 * `"You're"` -> `["you", "are"]`, `"dont"` -> `["do", "not"]`, `"behaviour"` -> `["behavior"]`.
 */
export function normalizeWord(raw: string): readonly string[] {
  const lower = raw.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
  const normalized = normalizeLowerWord(lower, lower.includes("'"));
  return typeof normalized === 'string' ? [normalized] : normalized;
}

/** After a texted "ill" at the start of a clause, these verbs mean it was "I'll" ("ill be there"). */
const VERBS_AFTER_TEXTED_ILL = new Set([
  'be',
  'call',
  'ring',
  'text',
  'pick',
  'get',
  'drop',
  'take',
  'see',
  'let',
  'do',
  'have',
  'tell',
  'send',
  'bring',
  'make',
  'go',
  'come',
  'pay',
  'sort',
  'speak',
  'talk',
  'just',
  'never',
  'always',
  'need',
  'check',
  'ask',
  'book',
  'collect',
  'report',
  'try',
  'leave',
  'keep',
  'stop',
  'apply',
  'phone',
]);
const CONJUNCTIONS = new Set(['and', 'but', 'so', 'then', 'ok', 'yes', 'no', 'or']);

interface OpenQuote {
  double: boolean;
  firstToken: number;
}

const enum QuoteEvent {
  None,
  OpenDouble,
  OpenSingle,
  Close,
}

function isQuoteMark(code: number): boolean {
  return (
    code === Char.DoubleQuote ||
    code === Char.LeftDoubleQuote ||
    code === Char.RightDoubleQuote ||
    isApostropheLike(code)
  );
}

/**
 * What the quotation mark at `i` does (it is not an apostrophe inside a word): straight double
 * quotes toggle, curly ones say which side they are, a single quote opens at the start of a
 * word and closes at the end of one. `open` is null when no quotation is open, else whether
 * the open one is double.
 */
function quoteEvent(text: string, i: number, open: boolean | null): QuoteEvent {
  const code = text.charCodeAt(i);
  const isDouble = code === Char.DoubleQuote || code === Char.LeftDoubleQuote || code === Char.RightDoubleQuote;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i + 1);
  const opens = isDouble
    ? code === Char.LeftDoubleQuote || (code === Char.DoubleQuote && open !== true)
    : !isWordChar(before) && isWordChar(after) && open === null;
  const closes = isDouble
    ? code === Char.RightDoubleQuote || code === Char.DoubleQuote
    : open === false && !isWordChar(after);
  if (closes && open !== null && open === isDouble && !opens) return QuoteEvent.Close;
  if (opens) return isDouble ? QuoteEvent.OpenDouble : QuoteEvent.OpenSingle;
  return QuoteEvent.None;
}

const TERMINATOR_OR_QUOTE = /[.!?\u2026"\u201c\u201d'\u2018\u2019\u02bc]/g;

/**
 * Where a long line may be cut into pieces that `segment` reads exactly as it reads the whole
 * line: after a sentence's end (not an abbreviation), outside any quotation, before spaces and
 * a letter. Pieces are at least `minimum` characters long.
 */
export function pieceBoundaries(line: string, minimum: number): number[] {
  const cuts: number[] = [];
  let open: boolean | null = null;
  let pieceStart = 0;
  TERMINATOR_OR_QUOTE.lastIndex = 0;
  for (let found = TERMINATOR_OR_QUOTE.exec(line); found !== null; found = TERMINATOR_OR_QUOTE.exec(line)) {
    const i = found.index;
    const code = line.charCodeAt(i);
    if (isQuoteMark(code)) {
      // an apostrophe between letters belongs to its word
      if (isApostropheLike(code) && isLetter(line.charCodeAt(i + 1)) && isLetter(line.charCodeAt(i - 1))) continue;
      const event = quoteEvent(line, i, open);
      if (event === QuoteEvent.Close) open = null;
      else if (event !== QuoteEvent.None) open = event === QuoteEvent.OpenDouble;
      continue;
    }
    let end = i;
    while (end < line.length) {
      const c = line.charCodeAt(end);
      if (c !== Char.FullStop && c !== Char.Exclamation && c !== Char.Question && c !== Char.Ellipsis) break;
      end++;
    }
    TERMINATOR_OR_QUOTE.lastIndex = end;
    if (open !== null || !isSpace(line.charCodeAt(end))) continue;
    if (end - i === 1 && code === Char.FullStop) {
      let wordStart = i;
      while (
        wordStart > 0 &&
        (isLetter(line.charCodeAt(wordStart - 1)) || line.charCodeAt(wordStart - 1) === Char.FullStop)
      ) {
        wordStart--;
      }
      if (ABBREVIATIONS.has(line.slice(wordStart, i).toLowerCase())) continue;
    }
    let next = end;
    while (next < line.length && isSpace(line.charCodeAt(next))) next++;
    if (!isLetter(line.charCodeAt(next)) || end - pieceStart < minimum) continue;
    cuts.push(end);
    pieceStart = end;
  }
  TERMINATOR_OR_QUOTE.lastIndex = 0;
  return cuts;
}

/** What a typed word reads as, once looked up: its tokens' norms and vocabulary ids. */
interface ResolvedWord {
  readonly norm: string;
  readonly id: number;
  /** Further tokens when the word is a contraction ("don't" -> do, not). */
  readonly more?: readonly { readonly norm: string; readonly id: number }[];
}

function resolveUncached(
  vocabulary: ReadonlyMap<string, number>,
  lower: string,
  hasApostrophe: boolean,
  hasMask: boolean,
): ResolvedWord {
  const normalized = hasMask && MASKED_WORD.test(lower) ? MASKED_TOKEN : normalizeLowerWord(lower, hasApostrophe);
  if (typeof normalized === 'string') return { norm: normalized, id: vocabulary.get(normalized) ?? -1 };
  const [first, ...rest] = normalized;
  return {
    norm: first as string,
    id: vocabulary.get(first as string) ?? -1,
    more: rest.map((norm) => ({ norm, id: vocabulary.get(norm) ?? -1 })),
  };
}

function straightApostrophe(code: number): number {
  return code === Char.RightSingleQuote || code === Char.LeftSingleQuote || code === Char.ModifierApostrophe
    ? Char.Apostrophe
    : code;
}

/**
 * Remembers how typed words resolve, keyed by their lower-case characters where they stand
 * in the draft: a word seen before costs a hash over its letters and one probe, with no new
 * string. Open addressing; the table starts again when half full, so memory stays bounded.
 */
class WordTable {
  private static readonly CAPACITY = 1 << 15;
  private readonly hashes = new Int32Array(WordTable.CAPACITY);
  private readonly keys: (string | undefined)[] = new Array<string | undefined>(WordTable.CAPACITY).fill(undefined);
  private readonly values: (ResolvedWord | undefined)[] = new Array<ResolvedWord | undefined>(WordTable.CAPACITY).fill(
    undefined,
  );
  private count = 0;
  /** Words the table does not take (masked swearing, text whose case changes its length). */
  private readonly others = new Map<string, ResolvedWord>();

  constructor(private readonly vocabulary: ReadonlyMap<string, number>) {}

  /** The word `lowerText[start, end)` (FNV-1a `hash` over its characters, apostrophes straight). */
  lookup(lowerText: string, start: number, end: number, hash: number, hasApostrophe: boolean): ResolvedWord {
    const mask = WordTable.CAPACITY - 1;
    const length = end - start;
    let index = hash & mask;
    for (let key = this.keys[index]; key !== undefined; key = this.keys[index]) {
      if (this.hashes[index] === hash && key.length === length && this.sameWord(key, lowerText, start)) {
        return this.values[index] as ResolvedWord;
      }
      index = (index + 1) & mask;
    }
    let word = lowerText.slice(start, end);
    if (hasApostrophe) word = word.replace(/[\u2018\u2019\u02bc]/g, "'");
    const resolved = resolveUncached(this.vocabulary, word, hasApostrophe, false);
    if (this.count >= WordTable.CAPACITY >> 1) {
      this.keys.fill(undefined);
      this.values.fill(undefined);
      this.count = 0;
      index = hash & mask;
    }
    this.keys[index] = word;
    this.hashes[index] = hash;
    this.values[index] = resolved;
    this.count++;
    return resolved;
  }

  private sameWord(key: string, lowerText: string, start: number): boolean {
    for (let k = 0; k < key.length; k++) {
      if (key.charCodeAt(k) !== straightApostrophe(lowerText.charCodeAt(start + k))) return false;
    }
    return true;
  }

  /** The slow path, by string. */
  lookupString(lower: string, hasApostrophe: boolean, hasMask: boolean): ResolvedWord {
    const key = hasMask ? `*${lower}` : lower;
    let resolved = this.others.get(key);
    if (resolved === undefined) {
      resolved = resolveUncached(this.vocabulary, lower, hasApostrophe, hasMask);
      if (this.others.size >= WordTable.CAPACITY) this.others.clear();
      this.others.set(key, resolved);
    }
    return resolved;
  }
}

const NO_VOCABULARY: ReadonlyMap<string, number> = new Map();
const wordTables = new WeakMap<ReadonlyMap<string, number>, WordTable>();

/**
 * Segments the draft. Linear in its length. With a `vocabulary`, each token carries its
 * norm's number in it (and typed words are remembered, so common words cost one lookup).
 */
export function segment(text: string, vocabulary: ReadonlyMap<string, number> = NO_VOCABULARY): SegmentedText {
  let table = wordTables.get(vocabulary);
  if (!table) wordTables.set(vocabulary, (table = new WordTable(vocabulary)));
  const tokens: Token[] = [];
  const sentences: Span[] = [];
  const sentenceFirstToken: number[] = [];
  const clauses: Span[] = [];
  const quotes: QuoteSpan[] = [];
  const loudPunctuation: Span[] = [];
  // One native lower-casing for the whole draft; per word only when a character changes
  // length in lower case (rare), which would shift the offsets.
  const lowerText = text.toLowerCase();
  const lowerAligned = lowerText.length === text.length;

  let wordCount = 0;
  let paragraphCount = 0;
  let paragraphHasWords = false;
  let sentenceStart = -1;
  let clauseStart = -1;
  let lastContentEnd = 0;
  let openQuote: OpenQuote | null = null;
  let previousWordNorm = '';

  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === Char.Space) {
      i++; // the commonest character, so it is settled first
      continue;
    }

    if (isWordChar(code) || (code === Char.Asterisk && isLetter(text.charCodeAt(i + 1)))) {
      const start = i;
      i++;
      let hasApostrophe = false;
      let curlyApostrophe = false;
      let hasMask = code === Char.Asterisk;
      while (i < length) {
        const c = text.charCodeAt(i);
        if (isWordChar(c)) i++;
        else if (c === Char.Asterisk || c === Char.Hash) {
          hasMask = true; // masked swearing: f**k, sh#t
          i++;
        } else if (isApostropheLike(c) && isLetter(text.charCodeAt(i + 1)) && isLetter(text.charCodeAt(i - 1))) {
          hasApostrophe = true;
          curlyApostrophe ||= c !== Char.Apostrophe;
          i++;
        } else if (
          (c === Char.FullStop || c === Char.Colon || c === Char.Comma || c === Char.Slash) &&
          isDigit(text.charCodeAt(i - 1)) &&
          isDigit(text.charCodeAt(i + 1))
        )
          i++; // 39.5, 5:30, 2,400, 12/40
        else if (
          c === Char.FullStop &&
          isLetter(text.charCodeAt(i + 1)) &&
          isLetter(text.charCodeAt(i - 1)) &&
          i - start === 1
        )
          i++; // e.g, i.e, a.m
        else if (c === Char.Ampersand && isLetter(text.charCodeAt(i + 1)) && i - start === 1)
          i++; // A&E
        else break;
      }
      if (sentenceStart < 0) {
        sentenceStart = start;
        sentenceFirstToken.push(tokens.length);
      }
      if (clauseStart < 0) clauseStart = start;
      let resolved: ResolvedWord;
      if (lowerAligned && !hasMask) {
        let hash = 0x811c9dc5;
        for (let k = start; k < i; k++) hash = Math.imul(hash ^ straightApostrophe(lowerText.charCodeAt(k)), 16777619);
        resolved = table.lookup(lowerText, start, i, hash, hasApostrophe);
      } else {
        let lower = text.slice(start, i).toLowerCase();
        if (curlyApostrophe) lower = lower.replace(/[\u2018\u2019\u02bc]/g, "'");
        resolved = table.lookupString(lower, hasApostrophe, hasMask);
      }
      const sentence = sentences.length;
      const clause = clauses.length;
      const previous = tokens[tokens.length - 1];
      if (previous?.norm === 'ill' && previous.sentence === sentence && VERBS_AFTER_TEXTED_ILL.has(resolved.norm)) {
        const beforeIll = tokens[tokens.length - 2];
        if (!beforeIll || beforeIll.clause !== previous.clause || CONJUNCTIONS.has(beforeIll.norm)) {
          tokens[tokens.length - 1] = { ...previous, norm: 'i', id: vocabulary.get('i') ?? -1 };
          tokens.push({ ...previous, norm: 'will', id: vocabulary.get('will') ?? -1 });
        }
      }
      tokens.push({
        norm: resolved.norm,
        id: resolved.id,
        start,
        end: i,
        sentence,
        clause,
        word: wordCount,
        quoted: false,
      });
      previousWordNorm = resolved.norm;
      if (resolved.more) {
        for (const part of resolved.more) {
          tokens.push({
            norm: part.norm,
            id: part.id,
            start,
            end: i,
            sentence,
            clause,
            word: wordCount,
            quoted: false,
          });
          previousWordNorm = part.norm;
        }
      }
      wordCount++;
      paragraphHasWords = true;
      lastContentEnd = i;
      continue;
    }

    if (isHighSurrogate(code) || isBmpEmoji(code)) {
      const start = i;
      i += isHighSurrogate(code) ? 2 : 1;
      const emoji = text.slice(start, i);
      while (i < length && isEmojiModifier(text, i)) i += text.charCodeAt(i) === 0xd83c ? 2 : 1;
      if (sentenceStart < 0) {
        sentenceStart = start;
        sentenceFirstToken.push(tokens.length);
      }
      if (clauseStart < 0) clauseStart = start;
      tokens.push({
        norm: emoji,
        id: vocabulary.get(emoji) ?? -1,
        start,
        end: i,
        sentence: sentences.length,
        clause: clauses.length,
        word: -1,
        quoted: false,
      });
      lastContentEnd = i;
      continue;
    }

    if (code === Char.FullStop || code === Char.Exclamation || code === Char.Question || code === Char.Ellipsis) {
      const start = i;
      let questions = 0;
      let exclamations = 0;
      while (i < length) {
        const c = text.charCodeAt(i);
        if (c === Char.Question) questions++;
        else if (c === Char.Exclamation) exclamations++;
        else if (c !== Char.FullStop && c !== Char.Ellipsis) break;
        i++;
      }
      if (questions + exclamations >= 2) {
        loudPunctuation.push({ start, end: i });
      }
      const isAbbreviation =
        code === Char.FullStop &&
        i - start === 1 &&
        ABBREVIATIONS.has(previousWordNorm) &&
        !isSpaceRunToNewline(text, i);
      if (sentenceStart >= 0 && !isAbbreviation) {
        // the terminator belongs to the sentence, not its last clause
        if (clauseStart >= 0) clauses.push({ start: clauseStart, end: lastContentEnd });
        clauseStart = -1;
        // A closing quotation mark right after the terminator belongs to the sentence.
        let end = i;
        const next = text.charCodeAt(end);
        if (next === Char.RightDoubleQuote || next === Char.DoubleQuote || next === Char.RightSingleQuote) end++;
        if (clauseStart >= 0) clauses.push({ start: clauseStart, end: end });
        clauseStart = -1;
        if (sentenceStart >= 0) sentences.push({ start: sentenceStart, end: end });
        sentenceStart = -1;
        lastContentEnd = end;
      }
      continue;
    }

    if (code === Char.LineFeed) {
      if (sentenceStart >= 0) {
        if (clauseStart >= 0) clauses.push({ start: clauseStart, end: lastContentEnd });
        clauseStart = -1;
        if (sentenceStart >= 0) sentences.push({ start: sentenceStart, end: lastContentEnd });
        sentenceStart = -1;
      }
      // A quotation does not run on past the end of its line (so each line reads the same
      // alone as in the draft); a blank line (only spaces between two line feeds) ends a paragraph.
      openQuote = null;
      let j = i + 1;
      while (j < length && isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== Char.LineFeed) j++;
      if (text.charCodeAt(j) === Char.LineFeed && paragraphHasWords) {
        paragraphCount++;
        paragraphHasWords = false;
      }
      i++;
      continue;
    }

    if (isSpace(code)) {
      i++;
      continue;
    }

    if (isQuoteMark(code)) {
      const event = quoteEvent(text, i, openQuote === null ? null : openQuote.double);
      if (event === QuoteEvent.Close && openQuote) {
        quotes.push({ firstToken: openQuote.firstToken, lastToken: tokens.length - 1 });
        openQuote = null;
      } else if (event !== QuoteEvent.None && event !== QuoteEvent.Close) {
        openQuote = { double: event === QuoteEvent.OpenDouble, firstToken: tokens.length };
      }
      if (sentenceStart >= 0) lastContentEnd = i + 1;
      i++;
      continue;
    }

    const isClauseMark =
      code === Char.Comma ||
      code === Char.Semicolon ||
      code === Char.Colon ||
      code === Char.OpenParen ||
      code === Char.CloseParen ||
      ((code === Char.Hyphen || code === Char.EnDash || code === Char.EmDash) &&
        (isSpace(text.charCodeAt(i - 1)) || isSpace(text.charCodeAt(i + 1)) || code === Char.EmDash));
    if (isClauseMark) {
      if (clauseStart >= 0) clauses.push({ start: clauseStart, end: lastContentEnd });
      clauseStart = -1;
      i++;
      continue;
    }

    // Any other symbol (£, $, %, /, &, +, =) is part of the sentence but not a word.
    if (sentenceStart < 0) {
      sentenceStart = i;
      sentenceFirstToken.push(tokens.length);
    }
    if (clauseStart < 0) clauseStart = i;
    i++;
    lastContentEnd = i;
  }
  if (sentenceStart >= 0) {
    if (clauseStart >= 0) clauses.push({ start: clauseStart, end: lastContentEnd });
    clauseStart = -1;
    if (sentenceStart >= 0) sentences.push({ start: sentenceStart, end: lastContentEnd });
    sentenceStart = -1;
  }
  if (paragraphHasWords) paragraphCount++;
  sentenceFirstToken.push(tokens.length);

  for (const quote of quotes) {
    for (let t = quote.firstToken; t <= quote.lastToken; t++) (tokens[t] as Token).quoted = true;
  }

  return {
    text,
    tokens,
    sentences,
    sentenceFirstToken,
    clauses,
    quotes,
    wordCount,
    paragraphCount,
    loudPunctuation,
  };
}

/** True when only spaces separate `index` from a line break or the end of the text. */
function isSpaceRunToNewline(text: string, index: number): boolean {
  let j = index;
  while (j < text.length && (text.charCodeAt(j) === Char.Space || text.charCodeAt(j) === Char.Tab)) j++;
  return j >= text.length || text.charCodeAt(j) === Char.LineFeed;
}
