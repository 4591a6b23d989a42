import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiClientProvider } from './ApiClientContext';
import { ApiClient, ApiError } from './client';
import { useApiQuery } from './useApiQuery';

const wrapper = ({ children }: { children: ReactNode }) => (
  <ApiClientProvider client={new ApiClient({ baseUrl: 'http://127.0.0.1:9' })}>{children}</ApiClientProvider>
);

/** A fetcher whose answers the test hands out one at a time. */
function controlled<T>() {
  const pending: { resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const fetcher = () => new Promise<T>((resolve, reject) => pending.push({ resolve, reject }));
  return { fetcher, pending };
}

/** Hands out an answer and lets the hook's promise callbacks run before the test looks. */
async function settle(answer: () => void): Promise<void> {
  answer();
  await Promise.resolve();
}

describe('useApiQuery', () => {
  it('is loading, then loaded', async () => {
    const { fetcher, pending } = controlled<string>();
    const { result } = renderHook(() => useApiQuery('k', fetcher), { wrapper });

    expect(result.current.status).toBe('loading');
    await act(() => settle(() => pending[0]?.resolve('answer')));

    expect(result.current).toMatchObject({ status: 'loaded', data: 'answer', error: null });
  });

  it('keeps a failure as an ApiError and reads again on reload', async () => {
    const { fetcher, pending } = controlled<string>();
    const { result } = renderHook(() => useApiQuery('k', fetcher), { wrapper });

    await act(() => settle(() => pending[0]?.reject(new ApiError({ status: 503 }))));
    expect(result.current.status).toBe('failed');
    expect(result.current.error?.status).toBe(503);

    act(() => result.current.reload());
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(pending).toHaveLength(2));
    await act(() => settle(() => pending[1]?.resolve('second')));
    expect(result.current.data).toBe('second');
  });

  it('never shows the answer for one key under another, nor a late answer for an old key', async () => {
    const { fetcher, pending } = controlled<string>();
    const { result, rerender } = renderHook(({ id }) => useApiQuery(['case', id], fetcher), {
      wrapper,
      initialProps: { id: 'a' },
    });
    await act(() => settle(() => pending[0]?.resolve('case a')));
    expect(result.current.data).toBe('case a');

    rerender({ id: 'b' });
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(pending).toHaveLength(2));
    rerender({ id: 'c' });
    await waitFor(() => expect(pending).toHaveLength(3));
    await act(() => settle(() => pending[1]?.resolve('case b')));
    expect(result.current.status).toBe('loading');
    await act(() => settle(() => pending[2]?.resolve('case c')));
    expect(result.current.data).toBe('case c');
  });

  it('changes the loaded answer in place with setData', async () => {
    const { fetcher, pending } = controlled<string[]>();
    const { result } = renderHook(() => useApiQuery('list', fetcher), { wrapper });
    await act(() => settle(() => pending[0]?.resolve(['one'])));

    act(() => result.current.setData((items) => [...items, 'two']));

    expect(result.current.data).toEqual(['one', 'two']);
    expect(pending).toHaveLength(1);
  });
});
