/**
 * The facts of a message (times, dates, places, amounts) found with plain patterns, so
 * the shield can put them first. Each fact is the text as written, never reworded.
 */
export type FactKind = 'time' | 'date' | 'place' | 'amount';

export interface Fact {
  kind: FactKind;
  text: string;
  start: number;
  end: number;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY =
  '(?:Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)';
const ORDINAL = '\\d{1,2}(?:st|nd|rd|th)?';
const PLACE_WORD =
  '(?:school(?: gate)?|nursery|station|bus stop|train station|airport|hospital|surgery|GP|dentist|clinic|A&E|pool|leisure centre|sports centre|park|playground|library|church|club|gym|pitch|my house|your house|my place|your place|the house|home)';
const PLACE_SUFFIX =
  '(?:Road|Rd|Street|St|Lane|Avenue|Ave|Way|Close|Park|School|Primary|Academy|Station|Centre|Center|Hospital|Surgery|Clinic|Library|Hall|Square)';

const PATTERNS: readonly { kind: FactKind; pattern: RegExp }[] = [
  {
    kind: 'amount',
    pattern: /[£$€]\s?\d[\d,]*(?:\.\d{1,2})?|\b\d[\d,]*(?:\.\d{1,2})?\s?(?:pounds|euros?|dollars|GBP|EUR|USD)\b/gi,
  },
  // 18:00, 6.30pm, 7pm, 7 am, noon
  {
    kind: 'time',
    pattern:
      /\b(?:[01]?\d|2[0-3])[:.][0-5]\d\s?(?:[ap]\.?m\.?)?(?![\d:]|\.\d)|\b(?:1[0-2]|0?[1-9])\s?[ap]\.?m\b\.?|\b(?:noon|midday|midnight)\b/gi,
  },
  // 14 May, May 14th, Thursday 3rd, 10/14, 2026-05-14, today, tomorrow, next Friday
  {
    kind: 'date',
    pattern: new RegExp(
      [
        `\\b(?:(?:next|this|on)\\s+)?${WEEKDAY}(?:\\s+(?:the\\s+)?${ORDINAL}(?:\\s+(?:of\\s+)?${MONTH})?)?\\b`,
        `\\b${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\b(?:\\s+\\d{4})?`,
        `\\b${MONTH}\\s+${ORDINAL}\\b(?:,?\\s+\\d{4})?`,
        `\\bthe\\s+\\d{1,2}(?:st|nd|rd|th)\\b`,
        '\\b\\d{4}-\\d{2}-\\d{2}\\b',
        '\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b',
        '\\b(?:today|tonight|tomorrow(?: morning| afternoon| evening| night)?|this weekend|next weekend|next week)\\b',
      ].join('|'),
      'gi',
    ),
  },
  {
    kind: 'place',
    pattern: new RegExp(
      `\\b(?:[A-Z][\\w'’-]+\\s+)+${PLACE_SUFFIX}\\b|\\b(?:at|to|from|outside|near|by)\\s+(?:the\\s+)?${PLACE_WORD}\\b`,
      'g',
    ),
  },
];

/** A weekday or month name that is also an everyday word ("sat", "may"): a date only with a number. */
const AMBIGUOUS_ALONE = /^(?:sat|sun|wed|mar|may)$/i;

/** The facts in `text`, in reading order; overlapping finds keep the longer. */
export function findFacts(text: string): Fact[] {
  const found: Fact[] = [];
  for (const { kind, pattern } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const words = match[0].trim();
      if (words === '') continue;
      if (kind === 'date' && AMBIGUOUS_ALONE.test(words)) continue;
      const start = match.index + match[0].indexOf(words);
      found.push({ kind, text: words, start, end: start + words.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Fact[] = [];
  for (const fact of found) {
    const last = kept[kept.length - 1];
    if (last && fact.start < last.end) {
      if (fact.end - fact.start > last.end - last.start) kept[kept.length - 1] = fact;
      continue;
    }
    kept.push(fact);
  }
  return kept;
}
