import { CLASS_NAMES, wordClass, wordKey } from './word-classes';

/**
 * Features of the learned component (see model/README.md): hashed word 1-2-grams and
 * character 3-5-grams within words (padded with a space each side), over lower-cased text.
 * Shared by the analyzer and by the training script (tools/tone-train), so both see exactly
 * the same features. No strings are built on the hot path: each feature is an FNV-1a hash,
 * computed incrementally, reduced to HASH_BITS bits.
 *
 * Tokens: runs of letters, digits and apostrophes; each emoji or other symbol on its own;
 * runs of "!" and "?" as one token ("!", "?", "!!", "??", "?!"); "..." as one token. A line
 * break ends a bigram.
 *
 * Word classes (word-classes.ts): a word in a class also emits its class, the pair of its class
 * with the previous token (its class, or the word when it has none), the previous token's class
 * with this word, and the pair of its class with the last class earlier in the sentence when
 * other words stand between ("you ... never"). A sentence ends at ".", "!", "?" or a line break.
 */

export const HASH_BITS = 18;
export const HASH_SIZE = 1 << HASH_BITS;
const HASH_MASK = HASH_SIZE - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Seeds that keep a word, a bigram and a character n-gram with the same letters apart. */
const SEED_WORD = 0x2f1a3b7d;
const SEED_CHAR = 0x5bd1e995;
/** Seeds for word-class features (word-classes.ts): a class, a pair, a pair across other words. */
const SEED_CLASS = 0x27d4eb2f;
const SEED_CLASS_PAIR = 0x165667b1;
const SEED_CLASS_WORD = 0x61c88647;
const SEED_WORD_CLASS = 0x3c6ef372;
const SEED_CLASS_SKIP = 0x7f4a7c15;
/** The class of a word that starts with a digit (times, dates, counts). */
const NUMBER_CLASS = CLASS_NAMES.length + 1;
const BREAK = -1;

/** Called with each feature's hash bucket, the offset of its token in the text, and (when explaining) its text. */
export type FeatureSink = (bucket: number, offset: number, name?: string) => void;

function mix(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

function finish(hash: number): number {
  // final avalanche so that the low bits depend on every character
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h & HASH_MASK;
}

function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 39 ||
    (code >= 0xc0 && code < 0x2000 && code !== 0xd7 && code !== 0xf7)
  );
}

function lower(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code === 0x2019 || code === 0x2018) return 39; // ’ ‘ -> '
  return code;
}

/**
 * Emits every feature of `text` to `sink`. `explain` also passes each feature's text (slow;
 * for `--explain` and debugging only). Returns the number of features emitted.
 */
export function extractFeatures(text: string, sink: FeatureSink, explain = false): number {
  const length = text.length;
  let count = 0;
  let previous = BREAK; // hash of the previous token, or BREAK
  let previousName = '';
  let previousClass = 0; // class of the previous token (0: none, or no previous token)
  let lastClass = 0; // the last class seen in this sentence before the previous token
  const className = (c: number): string => `[${c === NUMBER_CLASS ? 'number' : CLASS_NAMES[c - 1]}]`;
  const codes: number[] = [];
  let i = 0;
  while (i < length) {
    let code = lower(text.charCodeAt(i));
    if (code === 10) {
      previous = BREAK;
      previousClass = 0;
      lastClass = 0;
      i++;
      continue;
    }
    const start = i;
    let tokenHash = FNV_OFFSET;
    let name = '';
    let tokenClass = 0;
    let endsSentence = false;
    if (isWordCode(code)) {
      codes.length = 0;
      while (i < length && isWordCode(code)) {
        codes.push(code);
        tokenHash = mix(tokenHash, code);
        i++;
        code = i < length ? lower(text.charCodeAt(i)) : 0;
      }
      // character n-grams of " word "
      const n = codes.length + 2;
      for (let from = 0; from + 3 <= n; from++) {
        let h = SEED_CHAR;
        for (let k = from; k < from + 5 && k < n; k++) {
          h = mix(h, k === 0 || k === n - 1 ? 32 : (codes[k - 1] as number));
          if (k - from >= 2) {
            sink(finish(h), start, explain ? `"${` ${String.fromCharCode(...codes)} `.slice(from, k + 1)}"` : undefined);
            count++;
          }
        }
      }
      if (explain) name = String.fromCharCode(...codes);
      const first = codes[0] as number;
      tokenClass = first >= 48 && first <= 57 ? NUMBER_CLASS : wordClass(wordKey(codes));
    } else if (code === 33 || code === 63) {
      endsSentence = true;
      let questions = 0;
      let exclamations = 0;
      while (i < length && (code === 33 || code === 63)) {
        if (code === 63) questions++;
        else exclamations++;
        i++;
        code = i < length ? text.charCodeAt(i) : 0;
      }
      const mark = questions && exclamations ? '?!' : questions ? (questions > 1 ? '??' : '?') : exclamations > 1 ? '!!' : '!';
      for (let k = 0; k < mark.length; k++) tokenHash = mix(tokenHash, mark.charCodeAt(k));
      name = mark;
    } else if (code === 46 && text.charCodeAt(i + 1) === 46) {
      while (i < length && text.charCodeAt(i) === 46) i++;
      tokenHash = mix(mix(tokenHash, 46), 46);
      name = '..';
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
      tokenHash = mix(mix(tokenHash, code), text.charCodeAt(i + 1));
      name = text.slice(i, i + 2);
      i += 2;
      while (i < length && (text.charCodeAt(i) === 0xfe0f || text.charCodeAt(i) === 0x200d)) i++;
    } else if (code >= 0x2000 && code !== 0xfe0f && code !== 0x200d && code !== 0x2019 && code !== 0x2018) {
      tokenHash = mix(tokenHash, code);
      name = text[i] as string;
      i++;
    } else {
      // other punctuation and spaces separate tokens without breaking a bigram; a full stop
      // ends the sentence for the class pairs across words
      if (code === 46) {
        previousClass = 0;
        lastClass = 0;
      }
      i++;
      continue;
    }
    sink(finish(mix(tokenHash, SEED_WORD)), start, explain ? name : undefined);
    count++;
    if (previous !== BREAK) {
      sink(finish(mix(Math.imul(previous, 31) ^ tokenHash, SEED_WORD + 1)), start, explain ? `${previousName} ${name}` : undefined);
      count++;
    }
    if (tokenClass !== 0) {
      sink(finish(mix(SEED_CLASS, tokenClass)), start, explain ? className(tokenClass) : undefined);
      count++;
      if (previous !== BREAK) {
        const pair = previousClass !== 0 ? mix(mix(SEED_CLASS_PAIR, previousClass), tokenClass) : mix(mix(SEED_WORD_CLASS, previous), tokenClass);
        sink(finish(pair), start, explain ? `${previousClass !== 0 ? className(previousClass) : previousName} ${className(tokenClass)}` : undefined);
        count++;
      }
      if (lastClass !== 0) {
        sink(finish(mix(mix(SEED_CLASS_SKIP, lastClass), tokenClass)), start, explain ? `${className(lastClass)} ... ${className(tokenClass)}` : undefined);
        count++;
      }
    }
    if (previousClass !== 0 && previous !== BREAK) {
      sink(finish(mix(mix(SEED_CLASS_WORD, previousClass), tokenHash)), start, explain ? `${className(previousClass)} ${name}` : undefined);
      count++;
    }
    // the class pair across words skips the token just before (its pair is the one above)
    if (previousClass !== 0) lastClass = previousClass;
    previous = tokenHash;
    previousName = name;
    previousClass = tokenClass;
    if (endsSentence) {
      previousClass = 0;
      lastClass = 0;
    }
  }
  return count;
}
