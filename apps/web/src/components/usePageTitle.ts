import { useEffect } from 'react';

/** Names the page in the tab and for screen readers, which announce the title after a move. */
export function usePageTitle(...parts: readonly (string | undefined)[]): void {
  const title = [...parts.filter(Boolean), 'Parallel'].join(' – ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
