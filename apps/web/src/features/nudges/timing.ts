import type { DraftAnalysis } from '@parallel/domain';
import type { Analyzer } from './loadAnalyzer';

/**
 * Names of the User Timing measures around the analysis, read by the browser test that
 * times re-analysis per keystroke (e2e/composer.e2e.ts) and visible in any browser's
 * performance panel.
 */
export const ANALYSIS_MEASURE = 'parallel:analyze-draft';
/** From the start of the analysis to the highlights and nudges committed to the page. */
export const KEYSTROKE_MEASURE = 'parallel:keystroke-to-commit';
const START_MARK = 'parallel:analyze-draft:start';
const END_MARK = 'parallel:analyze-draft:end';
/** Measures are kept for the test to read; cleared now and then so a long session stays small. */
const MEASURES_KEPT = 2000;
let measured = 0;

function rollOver(): void {
  if (++measured < MEASURES_KEPT) return;
  measured = 0;
  performance.clearMeasures(ANALYSIS_MEASURE);
  performance.clearMeasures(KEYSTROKE_MEASURE);
}

/** `analyzeDraft(text)` between two performance marks. */
export function timedAnalysis(analyzer: Analyzer, text: string): DraftAnalysis {
  performance.mark(START_MARK);
  const analysis = analyzer.analyzeDraft(text);
  performance.mark(END_MARK);
  performance.measure(ANALYSIS_MEASURE, START_MARK, END_MARK);
  rollOver();
  return analysis;
}

/** Called once the analysis of a keystroke is on the page (from a layout effect). */
export function markCommitted(): void {
  if (performance.getEntriesByName(START_MARK, 'mark').length === 0) return;
  performance.measure(KEYSTROKE_MEASURE, START_MARK);
  performance.clearMarks(START_MARK);
  performance.clearMarks(END_MARK);
}
