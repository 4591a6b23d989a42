/**
 * The grey-rock analyzer: deterministic rules over the draft's words, each explainable by the
 * phrase or pattern that fired. Pure and synchronous; it runs on every keystroke in the
 * composer and on incoming messages, and it never decides whether a message may be sent.
 */
import { DraftContext, sentenceAt, type Hit, type Strip } from './draft-context';
import { NUDGE_MESSAGES } from './messages';
import { MODEL_KINDS, MODEL_OUTPUTS, modelKindIndexes, nudgedKindIndexes, probabilities, scorePiece } from './model/model';
import * as LEXICON from './lexicon';
import { MODEL_OFF_TOPIC_ANCHORS, SECOND_PERSON, SHARED_OR_KISS, TIME_WORDS, TOPIC_ANCHORS } from './lexicon';
import { PhraseMatcher } from './phrase-matcher';
import { PHRASE_EXCEPTIONS, PHRASE_RULES, TOKEN_CLASSES } from './rules';
import { CAPITALS_RUN, countAtLeast, findShoutedWords } from './shouting';
import { SuggestionWriter } from './suggestions';
import { pieceBoundaries, segment, type Span, type Token } from './text';
import { NUDGE_KINDS, type DraftAnalysis, type Nudge, type NudgeKind, type NudgeSuggestion } from './types';

/** Over this many words a message is long for grey rock. */
export const GREY_ROCK_MAX_WORDS = 80;
/** Three paragraphs or more read as explanation once the message passes this many words. */
const PARAGRAPHS_MAX_WORDS = 60;
/** The learned component speaks only on messages of at least this many words. */
const MODEL_MIN_WORDS = 3;
/** "because" this many times in one message is over-explaining. */
const BECAUSE_LIMIT = 3;

const matcher = new PhraseMatcher(TOKEN_CLASSES);
PHRASE_RULES.forEach((rule, index) => {
  for (const phrase of rule.phrases) matcher.add(phrase, index);
});
const EXCEPTION_BASE = PHRASE_RULES.length;
PHRASE_EXCEPTIONS.forEach((exception, index) => {
  for (const phrase of exception.phrases) matcher.add(phrase, EXCEPTION_BASE + index);
});

/**
 * Every word the analyzer knows, its phrases' and its lexicon's word lists' (acronyms aside): a
 * short word in capitals that is none of them is read as an acronym, not shouting (shouting.ts).
 */
const KNOWN_WORDS: ReadonlySet<string> = (() => {
  const known = new Set<string>(matcher.words.keys());
  for (const [name, list] of Object.entries(LEXICON)) {
    if (name !== 'ACRONYMS' && list instanceof Set) for (const word of list as ReadonlySet<unknown>) if (typeof word === 'string') known.add(word);
  }
  return known;
})();

const KIND_ORDER = new Map<NudgeKind, number>(NUDGE_KINDS.map((kind, index) => [kind, index]));
const CHASER_WORDS = new Set(['hello', 'helo', 'hi', 'hey', 'oi', 'anyone', 'anybody', 'there']);
const SCARE_QUOTE_LEADS = new Set(['your', 'you', 'ur']);

/** Adds the phrase hits to `hits`; answers, per sentence, the SENTENCE_EXCUSES_* bits of the exceptions found in it. */
function findPhraseHits(context: DraftContext, hits: Hit[]): Uint8Array {
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
  const excuses = new Uint8Array(sentences.length);
  for (const cancel of cancels) {
    const sentenceOf = (tokens[cancel.first] as Token).sentence;
    for (const kind of cancel.kinds) excuses[sentenceOf]! |= EXCUSE_BITS[kind] ?? 0;
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
  return excuses;
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
  readonly firstSentenceStart: number;
  readonly lastSentenceEnd: number;
  readonly sentences: readonly Span[];
  /** The learned component's feature count and weight sums per sentence (model/model.ts). */
  readonly modelFeatures: number;
  readonly modelSums: Int32Array;
  /** Per sentence, SENTENCE_* bits: what a model nudge on that sentence needs or must avoid. */
  readonly sentenceFlags: Uint8Array;
}

/** The sentence is about a death or a loss. */
const SENTENCE_BEREAVED = 2;
/** The sentence speaks to the reader ("you", "your", "u"). */
const SENTENCE_SECOND_PERSON = 4;
/** The sentence says "we", "us", "our" or signs off with a kiss. */
const SENTENCE_SHARED = 8;
/** The sentence holds a phrase that excuses the words of a kind ("a bloody nose", "I feel stupid"): the rules' exceptions bind the model too. */
const SENTENCE_EXCUSES_HOSTILE = 16;
const SENTENCE_EXCUSES_EMOTIONAL = 32;
/**
 * The sentence names the children, school, health, travel or a belonging: a logistics word other
 * than a day or a time ("Got promoted today" is not about the children).
 */
const SENTENCE_TOPICAL = 1;
const EXCUSE_BITS: Partial<Record<NudgeKind, number>> = { hostile: SENTENCE_EXCUSES_HOSTILE, emotional: SENTENCE_EXCUSES_EMOTIONAL };

function sentenceFlags(context: DraftContext, excuses: Uint8Array): Uint8Array {
  const { tokens, sentences } = context.segmented;
  const flags = new Uint8Array(sentences.length);
  for (let s = 0; s < sentences.length; s++) {
    const [from, to] = context.sentenceTokens(s);
    let f = excuses[s] ?? 0;
    if (context.isBereavement(s)) f |= SENTENCE_BEREAVED;
    for (let t = from; t < to; t++) {
      const norm = (tokens[t] as Token).norm;
      if ((f & SENTENCE_TOPICAL) === 0 && (TOPIC_ANCHORS.has(norm) || MODEL_OFF_TOPIC_ANCHORS.has(norm)) && !TIME_WORDS.has(norm)) f |= SENTENCE_TOPICAL;
      if (SECOND_PERSON.has(norm)) f |= SENTENCE_SECOND_PERSON;
      if (SHARED_OR_KISS.has(norm)) f |= SENTENCE_SHARED;
    }
    flags[s] = f;
  }
  return flags;
}

/**
 * Whether a model nudge of `kind` may sit on a sentence with these flags (`messageFlags`: the
 * flags of all its sentences together; `nudged`: the message has a nudge already, from the rules
 * or from another kind the model names): never on a sentence about a death; off-topic only where
 * no child or logistics word is (a day or a time alone does not count); personal only where the
 * reader is spoken to, or in a message nudged already; blame only in a message that speaks to the
 * reader or that is nudged already; hoovering only in a message that speaks to the reader or of
 * "we"; hoovering and pressure never in a message about a death or a loss. The model reads
 * n-grams, not meaning: these keep its guesses off facts.
 */
function modelMaySay(kind: NudgeKind, flags: number, messageFlags: number, nudged: boolean): boolean {
  if (flags & SENTENCE_BEREAVED) return false;
  if ((flags & (EXCUSE_BITS[kind] ?? 0)) !== 0) return false;
  // blame pins a fault on the reader, hoovering reaches for the reader or the couple: the
  // message must say "you" (or, for hoovering, "we" or a kiss) somewhere; blame may go without
  // "you" in a message nudged already ("Typical. Late again.", a sarcastic "Thanks for letting
  // me know. Eventually."), where it adds no false nudge, only possibly a wrong kind
  if (kind === 'blame' && (messageFlags & SENTENCE_SECOND_PERSON) === 0 && !nudged) return false;
  if (kind === 'hoovering' && (messageFlags & (SENTENCE_SECOND_PERSON | SENTENCE_SHARED)) === 0) return false;
  // a message about a death or a loss is news, not a reach for the reader or a push for a reply
  if ((kind === 'hoovering' || kind === 'pressure') && (messageFlags & SENTENCE_BEREAVED) !== 0) return false;
  // off-topic: a day or a time alone does not make a sentence logistics ("Got promoted today")
  if (kind === 'off_topic') return (flags & SENTENCE_TOPICAL) === 0;
  // personal: the reader's private life is most often named with "you" in the sentence; a remark
  // with no subject ("Loving the gym selfies.", "Nice haircut btw.") may be personal too where
  // the message is nudged already, and so adds no false nudge
  if (kind === 'personal') return (flags & SENTENCE_SECOND_PERSON) !== 0 || nudged;
  return true;
}

/**
 * Sarcasm aimed at the reader pins a fault on them (GREY-ROCK-LABELS.md: blame "through a
 * named failing wrapped in sarcasm"): a sarcastic sentence that says "you" is also blame, on
 * the same span, unless blame is already named in the message. An insult aimed at the reader
 * is hostile only (the policy's hostile: insults, name-calling, contempt); saying blame for it
 * too was wrong more often than right on the blind rounds (BENCHMARKS.md).
 */
function addSarcasticBlame(hits: Hit[], pieces: readonly { piece: LineResult; sentenceBase: number }[]): void {
  if (hits.some((hit) => hit.kind === 'blame')) return;
  const sarcasm = hits.find((hit) => {
    if (hit.kind !== 'sarcasm') return false;
    const placed = pieces.find((p) => hit.sentence >= p.sentenceBase && hit.sentence < p.sentenceBase + p.piece.sentenceCount);
    return placed !== undefined && ((placed.piece.sentenceFlags[hit.sentence - placed.sentenceBase] as number) & SENTENCE_SECOND_PERSON) !== 0;
  });
  if (sarcasm) hits.push({ ...sarcasm, kind: 'blame' });
}

function analyzeLine(line: string, startsLine: boolean): LineResult {
  const segmented = segment(line, matcher.words);
  const { tokens, sentences } = segmented;
  const context = new DraftContext(segmented);
  const hits: Hit[] = [];
  const excuses = findPhraseHits(context, hits);

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
  // Most lines have no run of capitals at all; then there is nothing to scan.
  const shouted = countAtLeast(line, CAPITALS_RUN, 1)
    ? findShoutedWords(line, startsLine, KNOWN_WORDS).map((span) => place(span, 0))
    : [];
  const loud = segmented.loudPunctuation.map((span) => place(span, 0));
  const because: (PlacedSpan & { token: number })[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as Token;
    if (token.norm === 'because')
      because.push({ start: token.start, end: token.end, sentence: token.sentence, token: t });
  }
  const scores = scorePiece(
    line,
    sentences.map((span) => span.start),
  );
  return {
    hits,
    shouted,
    loud,
    because,
    tokenCount: tokens.length,
    sentenceCount: sentences.length,
    wordCount: segmented.wordCount,
    emergency: context.isEmergency(),
    firstSentenceStart: sentences[0]?.start ?? 0,
    lastSentenceEnd: sentences[sentences.length - 1]?.end ?? 0,
    sentences,
    modelFeatures: scores.features,
    modelSums: scores.sums,
    sentenceFlags: sentenceFlags(context, excuses),
  };
}

/** Lines (and pieces of long lines) already read, by their text; bounded so memory stays small. */
const LINE_CACHE_LIMIT = 2000;
const lineCache = new Map<string, LineResult>();

/** Forgets every line read (tools/tone-train calls it after swapping the model). */
export function resetToneCaches(): void {
  lineCache.clear();
}
/** A line longer than this is read in pieces of at least PIECE_MIN characters, cut between sentences. */
const LONG_LINE = 600;
const PIECE_MIN = 300;

function lineResult(piece: string, startsLine: boolean): LineResult {
  // A piece that does not start its line is told apart: a label ("URGENT:") only opens a line.
  const key = startsLine ? piece : `\u0000${piece}`;
  let result = lineCache.get(key);
  if (result === undefined) {
    result = analyzeLine(piece, startsLine);
    if (lineCache.size >= LINE_CACHE_LIMIT) lineCache.clear();
    lineCache.set(key, result);
  }
  return result;
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
 * Each line is read on its own (no phrase, sentence or quotation crosses a line break), a
 * long line in pieces cut between sentences, and remembered, so that in the composer a
 * keystroke re-reads only the piece it changed; what depends on the whole message (an
 * emergency anywhere, how many words are shouted, how long it is) is settled here, over the
 * pieces' results.
 */
export function analyzeDraft(text: string): DraftAnalysis {
  return analyze(text, true);
}

/**
 * The rules alone, without the learned component: for tools/tone-train, which scores rules +
 * a model retrained per fold. Not part of the product's API.
 */
export function analyzeDraftRulesOnly(text: string): DraftAnalysis {
  return analyze(text, false);
}

/**
 * The analyzer with the guards that depend on a nudge already in the message (blame and
 * personal without "you") settled as if it had one (`nudged` true) or had only the rules' (false):
 * for tools/tone-train, which chooses the thresholds on both views. Not part of the product's API.
 */
export function analyzeDraftAssumingNudged(text: string, nudged: boolean): DraftAnalysis {
  return analyze(text, true, nudged);
}

/**
 * The kinds an emergency word anywhere in the message (hospital, surgery, allergic, missing ...)
 * keeps the model from naming: urgency, fear, calling the police, explaining, and what went wrong
 * are what an emergency stated calmly is made of (GREY-ROCK-LABELS.md: "a real emergency stated
 * calmly" is grey rock). An insult, sarcasm, the reader's private life, affection or small talk are
 * not excused by a hospital named in the message ("It's only our son's surgery.", "how's your dad
 * after the surgery?", "My dad's back in hospital. Anyway ..."), so the model may still name them.
 */
const EMERGENCY_EXCUSES = new Set<NudgeKind>(['pressure', 'emotional', 'threat', 'jade', 'blame']);

/** Kinds the model names last, once every other kind is placed: their guards ask whether the message is nudged already. */
const PLACED_LAST = new Set<NudgeKind>(['blame', 'personal']);

function analyze(text: string, useModel: boolean, assumeNudged?: boolean): DraftAnalysis {
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
  let modelFeatures = 0;
  const modelTotals = new Float64Array(MODEL_OUTPUTS);
  const placedPieces: { piece: LineResult; offset: number; sentenceBase: number }[] = [];

  const addPiece = (piece: LineResult, offset: number): void => {
    const sentenceBase = sentenceCount;
    const tokenBase = tokenCount;
    for (const hit of piece.hits) {
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
    for (const span of piece.shouted) shouted.push(spanHit('shouting', 'caps', span, -1));
    for (const span of piece.loud) loud.push(spanHit('shouting', 'caps', span, -1));
    for (const span of piece.because) {
      if (++becauseCount === BECAUSE_LIMIT) hits.push(spanHit('jade', 'none', span, span.token));
    }
    if (piece.sentenceCount > 0) {
      if (firstSentenceStart < 0) firstSentenceStart = piece.firstSentenceStart + offset;
      lastSentenceEnd = piece.lastSentenceEnd + offset;
    }
    emergency ||= piece.emergency;
    modelFeatures += piece.modelFeatures;
    const sums = piece.modelSums;
    for (let i = 0; i < sums.length; i++) modelTotals[i % MODEL_OUTPUTS] = (modelTotals[i % MODEL_OUTPUTS] as number) + (sums[i] as number);
    placedPieces.push({ piece, offset, sentenceBase });
    wordCount += piece.wordCount;
    sentenceCount += piece.sentenceCount;
    tokenCount += piece.tokenCount;
  };

  for (let offset = 0; ;) {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline;
    const line = offset === 0 && newline < 0 ? text : text.slice(offset, end);
    const wordsBefore = wordCount;
    if (line.length <= LONG_LINE) {
      addPiece(lineResult(line, true), offset);
    } else {
      let pieceStart = 0;
      for (const cut of [...pieceBoundaries(line, PIECE_MIN), line.length]) {
        addPiece(lineResult(line.slice(pieceStart, cut), pieceStart === 0), offset + pieceStart);
        pieceStart = cut;
      }
    }
    // paragraphs: lines with words, between blank lines
    if (wordCount > wordsBefore) {
      if (!inParagraph) paragraphCount++;
      inParagraph = true;
    } else if (line.trim() === '') {
      inParagraph = false;
    }
    if (newline < 0) break;
    offset = newline + 1;
  }

  // shouting (GREY-ROCK-LABELS.md): any word in capitals used for emphasis, even one, or a
  // run of two or more "!" / "?" ("!!", "??", "?!")
  hits.push(...shouted);
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
  // the learned component: a kind the rules did not name, on the sentence that weighs most for it
  const ruleKinds = new Set(hits.map((hit) => hit.kind));
  // the model reads n-grams: a message of one or two words ("Sure.", "k") gives it too little to go on
  const readByModel = useModel && wordCount >= MODEL_MIN_WORDS;
  const p = readByModel ? probabilities(modelTotals, modelFeatures) : undefined;
  const rulesNudged = hits.length > 0;
  const modelKinds = p ? modelKindIndexes(p, rulesNudged) : [];
  let messageFlags = 0;
  if (p) for (const { piece } of placedPieces) for (const f of piece.sentenceFlags) messageFlags |= f;
  // an insult aimed at the reader is hostile only (see addSarcasticBlame): the model's blame does
  // not sit on a sentence the rules found hostile
  const ruleHits = hits.length;
  const ruleHostile = (sentence: number): boolean => {
    for (let h = 0; h < ruleHits; h++) if ((hits[h] as Hit).kind === 'hostile' && (hits[h] as Hit).sentence === sentence) return true;
    return false;
  };
  const placeModelKind = (k: number): void => {
    const kind = MODEL_KINDS[k - 1] as NudgeKind;
    if (ruleKinds.has(kind)) return;
    // a nudge that an emergency in the message will withdraw does not count
    const nudged = assumeNudged === undefined ? hits.some((hit) => !(emergency && hit.unlessEmergency)) : assumeNudged || rulesNudged;
    // the sentence that weighs most for the kind among those it may be said of (modelMaySay)
    let best: { weight: number; span: Span; sentence: number; offset: number } | undefined;
    for (const { piece, offset, sentenceBase } of placedPieces) {
      piece.sentences.forEach((span, s) => {
        const weight = piece.modelSums[s * MODEL_OUTPUTS + k] as number;
        if (best && weight <= best.weight) return;
        if (kind === 'blame' && ruleHostile(sentenceBase + s)) return;
        if (!modelMaySay(kind, piece.sentenceFlags[s] as number, messageFlags, nudged)) return;
        best = { weight, span, sentence: sentenceBase + s, offset };
      });
    }
    if (!best || best.weight <= 0) return;
    hits.push({
      kind,
      sentence: best.sentence,
      start: best.span.start + best.offset,
      end: best.span.end + best.offset,
      strip: 'none',
      firstToken: 1,
      lastToken: 0,
      unlessEmergency: EMERGENCY_EXCUSES.has(kind),
    });
  };
  for (const k of modelKinds) if (!PLACED_LAST.has(MODEL_KINDS[k - 1] as NudgeKind)) placeModelKind(k);
  for (const k of modelKinds) if (PLACED_LAST.has(MODEL_KINDS[k - 1] as NudgeKind)) placeModelKind(k);
  // a message that has a nudge already: further kinds on less evidence (no false nudge to fear)
  if (p && hits.length > 0) for (const k of nudgedKindIndexes(p)) placeModelKind(k);
  addSarcasticBlame(hits, placedPieces);
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
