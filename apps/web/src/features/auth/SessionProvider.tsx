import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useApiClient } from '../../api/ApiClientContext';
import { ApiError, UNREACHABLE } from '../../api/client';
import type { User } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { Layout } from '../../components/Layout';
import { LoadProblem, QueryView } from '../../components/QueryView';
import { endLiveConnection } from '../live/liveConnection';

export interface Session {
  /** The signed-in user, or null when nobody is signed in in this browser. */
  user: User | null;
  /** After the API accepted a sign-in or a new account (it set the session cookie). */
  signedIn: (user: User) => void;
  /** Ends the session on the server, then here. */
  signOut: () => Promise<void>;
  /**
   * Asks the API again who is signed in here, after something that may have ended this
   * browser's session elsewhere (a password reset ends every session of the account).
   */
  recheck: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Knows who is signed in, for every page below it. The session itself is an httpOnly
 * cookie the page cannot read, so the API is asked once at start; nothing is kept in
 * storage. Pages wait for that answer, so none of them flashes a signed-out view.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApiClient();
  const query = useApiQuery('session', (client) => client.me());
  const { setData } = query;

  const signedIn = useCallback((user: User) => setData(user), [setData]);
  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } catch (error) {
      // A session that already ended is the outcome the person asked for.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    // The live socket ends with the session, whatever page is still on screen.
    endLiveConnection();
    setData(null);
  }, [api, setData]);

  const recheck = useCallback(async () => {
    const current = await api.me();
    if (!current) endLiveConnection();
    setData(current);
  }, [api, setData]);

  const user = query.status === 'loaded' ? query.data : null;
  const session = useMemo<Session>(() => ({ user, signedIn, signOut, recheck }), [user, signedIn, signOut, recheck]);

  if (query.status !== 'loaded') {
    return (
      <Layout>
        <QueryView
          query={query}
          loading="Loading…"
          failure={(error) => (
            <>
              <h1>
                {error.status === UNREACHABLE ? 'Parallel could not be reached' : 'Parallel is not answering right now'}
              </h1>
              <LoadProblem
                what="Parallel could not check whether you are signed in."
                error={error}
                onRetry={query.reload}
              />
            </>
          )}
        >
          {() => null}
        </QueryView>
      </Layout>
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() is used outside <SessionProvider>');
  return session;
}
