/**
 * Grey-rock nudges for the composer and the incoming-message shield.
 *
 * The analysis is advice only: nothing exported here can block, delay or alter a send.
 */
export { analyzeDraft, applyNudgeSuggestion, GREY_ROCK_MAX_WORDS } from './analyze-draft';
export { explainModel } from './model/model';
export { NUDGE_KIND_LABELS, NUDGE_MESSAGES } from './messages';
export { NUDGE_KINDS } from './types';
export type { DraftAnalysis, Nudge, NudgeKind, NudgeSuggestion } from './types';
