import { useEffect, useState } from 'react';

/** The lazily loaded analyzer module (./analyzer.ts). */
export type Analyzer = typeof import('./analyzer');

let loaded: Analyzer | null = null;
let loading: Promise<Analyzer> | null = null;
const listeners = new Set<(analyzer: Analyzer) => void>();

/**
 * Loads the analyzer's chunk once; later calls share the same promise. A failed load (a
 * dropped connection) is forgotten, so the next call tries again. The first analysis also
 * compiles the phrase graph, so it is run here, once, off the typing path.
 */
export function loadAnalyzer(): Promise<Analyzer> {
  loading ??= import('./analyzer').then(
    (analyzer) => {
      analyzer.analyzeDraft('Pick-up is at 5pm.');
      loaded = analyzer;
      for (const listener of listeners) listener(analyzer);
      return analyzer;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The analyzer if its chunk has arrived, else null. */
export function loadedAnalyzer(): Analyzer | null {
  return loaded;
}

interface IdleWindow {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
}

/** Runs `task` when the page is idle (or after `timeout` ms at the latest); returns a cancel function. */
export function whenIdle(task: () => void, timeout = 2000): () => void {
  const idle = window as unknown as IdleWindow;
  if (idle.requestIdleCallback && idle.cancelIdleCallback) {
    const handle = idle.requestIdleCallback(task, { timeout });
    return () => idle.cancelIdleCallback?.(handle);
  }
  const handle = window.setTimeout(task, 200);
  return () => window.clearTimeout(handle);
}

/** Loads the analyzer when the page is idle, quietly: advice that cannot load is simply not shown. */
export function warmAnalyzerWhenIdle(): () => void {
  return whenIdle(() => {
    loadAnalyzer().catch(() => undefined);
  });
}

/**
 * The analyzer for a component: null until its chunk has arrived. Loading starts when the
 * page is idle; `loadAnalyzer()` starts it at once (the composer does on the first keystroke).
 */
export function useAnalyzer(): Analyzer | null {
  const [analyzer, setAnalyzer] = useState<Analyzer | null>(loaded);
  useEffect(() => {
    if (loaded) {
      setAnalyzer(loaded);
      return;
    }
    listeners.add(setAnalyzer);
    const cancel = warmAnalyzerWhenIdle();
    return () => {
      listeners.delete(setAnalyzer);
      cancel();
    };
  }, []);
  return analyzer;
}
