import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import type { ApiQuery } from '../api/useApiQuery';
import { problemSentence } from './formErrors';

interface QueryViewProps<T> {
  query: ApiQuery<T>;
  /** Shown while the answer is on its way, e.g. "Loading your cases…". */
  loading: string;
  /** What could not be done, e.g. "Your cases could not be loaded."; the reason follows in plain words. */
  failed?: string;
  /** Replaces the standard failure notice where a page explains an answer itself (a 404, a 410). */
  failure?: (error: ApiError) => ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading, failed (calmly, with a way to try again) or the loaded answer: the same on every page. */
export function QueryView<T>({ query, loading, failed, failure, children }: QueryViewProps<T>) {
  switch (query.status) {
    case 'loading':
      return (
        <p className="muted" role="status">
          {loading}
        </p>
      );
    case 'failed':
      return failure ? failure(query.error) : <LoadProblem what={failed} error={query.error} onRetry={query.reload} />;
    case 'loaded':
      return children(query.data);
  }
}

export function LoadProblem({ what, error, onRetry }: { what?: string; error: ApiError; onRetry: () => void }) {
  return (
    <div className="notice" role="status">
      <p>{[what, problemSentence(error)].filter(Boolean).join(' ')}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
