/** A sentence of a message, by its place in the text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * The message cut into sentences: after ., ! or ? (and any closing quote) followed by
 * space, and at line breaks. Decimal points and times ("39.5", "6.30") do not end a sentence.
 * Every character of the text belongs to exactly one sentence or the space between two.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const boundary = /[.!?\u2026]+["'\u201d\u2019)]*(?=\s)|\n/g;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') sentences.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
  };
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const end = match.index + match[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return sentences;
}
