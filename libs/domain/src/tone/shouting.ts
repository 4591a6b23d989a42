/**
 * Shouting on the raw characters (normalization drops case): words in capitals that are not
 * acronyms, labels or codes.
 */
import { ACRONYMS, LABEL_WORDS, WORD_REWRITES } from './lexicon';
import type { Span } from './text';

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export const CAPITALS_RUN = /[A-Z][A-Z'\u2019]*[A-Z]/g;

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
 * `startsLine` says whether the text begins a line (a label may open a line). `known`, when
 * given, is every word the analyzer knows (its phrases' and its lexicon's): a word of four letters
 * or fewer in capitals that is none of them ("MIAM", "RAC", "SIM") is read as an acronym.
 */
export function findShoutedWords(text: string, startsLine = true, known?: ReadonlySet<string>): Span[] {
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
    // No vowel, so no word to say aloud: letters read one by one, an acronym ("PTM", "DBS", "GCSE" aside).
    if (!/[aeiouy]/.test(word)) continue;
    // A short word the analyzer does not know is an acronym or a code, not emphasis
    // (GREY-ROCK-LABELS.md: acronyms and abbreviations are not shouting); "NOT", "NOW", "ONE" are known.
    if (known && word.length <= 4 && !known.has(word) && !WORD_REWRITES.has(word)) continue;
    // A label at the start of a line ("URGENT:", "REMINDER -") is not shouting.
    let before = chunkStart - 1;
    while (before >= 0 && isBlank(text.charCodeAt(before)) && text.charCodeAt(before) !== 10) before--;
    const firstOnLine = before < 0 ? startsLine : text.charCodeAt(before) === 10;
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

export function countAtLeast(text: string, pattern: RegExp, minimum: number): boolean {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < minimum && pattern.exec(text) !== null) count++;
  pattern.lastIndex = 0;
  return count >= minimum;
}
