/**
 * The grey-rock analyzer as the browser loads it: its own chunk, fetched by `loadAnalyzer`
 * with a dynamic import, never part of the first load. Only the tone analyzer is pulled
 * from @parallel/domain here (the bundler drops the rest; see vite.config.ts).
 */
export { analyzeDraft, applyNudgeSuggestion, NUDGE_KIND_LABELS } from '@parallel/domain';
