import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/client';

/**
 * Runs one form submission at a time and keeps its error as an ApiError, so every form
 * shows API problems the same way.
 */
export function useSubmission() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      const problem = asApiError(caught);
      if (mounted.current) setError(problem);
      return false;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);

  return { busy, error, run };
}
