import { useEffect, useState } from 'react';
import { useApiQuery } from '../../api/useApiQuery';

/**
 * The reader's shield preference (`GET /api/auth/me` -> `preferences.shield`). The shield
 * is on unless the parent turned it off: while the answer is on its way, when an older API
 * does not say, or when it cannot be read, received text stays shielded.
 */
export function useShieldPreference(): boolean {
  const me = useApiQuery('me-preferences', (api) => api.send<unknown>('GET', '/api/auth/me'));
  if (me.status !== 'loaded' || typeof me.data !== 'object' || me.data === null) return true;
  const answer = me.data as { preferences?: { shield?: unknown }; user?: { preferences?: { shield?: unknown } } };
  const shield = answer.preferences?.shield ?? answer.user?.preferences?.shield;
  return typeof shield === 'boolean' ? shield : true;
}

/** The time now, moving on every minute, so "Held until Thu 18:00" and the like stay right on an open page. */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
