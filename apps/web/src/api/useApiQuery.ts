import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from './ApiClientContext';
import { asApiError, type ApiClient, type ApiError } from './client';

/**
 * Where one read from the API stands. `reload` asks again (a "Try again" button);
 * `setData` changes the loaded answer in place after a change the page made itself,
 * such as a case it just created, without asking the server again.
 */
export type ApiQuery<T> = (
  | { status: 'loading'; data: undefined; error: null }
  | { status: 'loaded'; data: T; error: null }
  | { status: 'failed'; data: undefined; error: ApiError }
) & {
  reload: () => void;
  setData: (update: T | ((current: T) => T)) => void;
};

type Settled<T> = { key: string; status: 'loaded'; data: T } | { key: string; status: 'failed'; error: ApiError };

/**
 * The one way pages read from the API: `key` names what is read (an answer for another
 * key is never shown, so a page moving from one case to another cannot show the first
 * case's data under the second's address), `fetcher` reads it with the page's client.
 */
export function useApiQuery<T>(key: string | readonly unknown[], fetcher: (api: ApiClient) => Promise<T>): ApiQuery<T> {
  const api = useApiClient();
  const keyText = typeof key === 'string' ? key : JSON.stringify(key);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The fetcher is usually a new arrow function each render; the key decides when to read.
  const latestFetcher = useRef(fetcher);
  useEffect(() => {
    latestFetcher.current = fetcher;
  });

  useEffect(() => {
    let current = true;
    setSettled(null);
    latestFetcher.current(api).then(
      (data) => current && setSettled({ key: keyText, status: 'loaded', data }),
      (error: unknown) => current && setSettled({ key: keyText, status: 'failed', error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, keyText, attempt]);

  const reload = useCallback(() => setAttempt((count) => count + 1), []);
  const setData = useCallback(
    (update: T | ((current: T) => T)) =>
      setSettled((previous) =>
        previous?.status === 'loaded'
          ? {
              ...previous,
              data: typeof update === 'function' ? (update as (current: T) => T)(previous.data) : update,
            }
          : previous,
      ),
    [],
  );

  if (settled === null || settled.key !== keyText) return { status: 'loading', data: undefined, error: null, reload, setData };
  if (settled.status === 'failed') return { status: 'failed', data: undefined, error: settled.error, reload, setData };
  return { status: 'loaded', data: settled.data, error: null, reload, setData };
}
