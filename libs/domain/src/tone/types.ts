/** The kinds of nudge, in the order the composer lists them. */
export const NUDGE_KINDS = [
  'hostile',
  'blame',
  'emotional',
  'personal',
  'threat',
  'shouting',
  'sarcasm',
  'length',
  'jade',
  'pressure',
  'hoovering',
  'off_topic',
] as const;

export type NudgeKind = (typeof NUDGE_KINDS)[number];

/** Replace `draft.slice(start, end)` with `text` to apply the suggestion. */
export interface NudgeSuggestion {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Advice about one part of a draft. Offsets are UTF-16 indices (JavaScript string indices)
 * into the analyzed text; `start..end` covers the words the nudge is about.
 */
export interface Nudge {
  readonly kind: NudgeKind;
  /** A short, kind sentence for a parent under stress. */
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /**
   * Where one can be offered: the sentence without the loaded words, or a shorter draft.
   * Worked out when first read (the composer opens suggestions one at a time).
   */
  readonly suggestion?: NudgeSuggestion;
}

/** The analysis of a draft. It is advice only: nothing here can stop a message being sent. */
export interface DraftAnalysis {
  /** True exactly when there are no nudges. */
  readonly greyRock: boolean;
  readonly nudges: readonly Nudge[];
}
