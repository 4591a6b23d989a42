import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from './api/ApiClientContext';
import { asApiError, type ApiError } from './api/client';
import type { User } from './api/types';
import { Layout } from './components/Layout';
import { HomePage } from './pages/HomePage';
import { InvitePage } from './pages/InvitePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { routeFor, usePathname } from './routing';

type Session = { status: 'checking' } | { status: 'known'; user: User | null } | { status: 'failed'; error: ApiError };

export function App() {
  const api = useApiClient();
  const pathname = usePathname();
  const [session, setSession] = useState<Session>({ status: 'checking' });

  const checkSession = useCallback(
    async (isCurrent: () => boolean) => {
      setSession({ status: 'checking' });
      try {
        const user = await api.me();
        if (isCurrent()) setSession({ status: 'known', user });
      } catch (error) {
        if (isCurrent()) setSession({ status: 'failed', error: asApiError(error) });
      }
    },
    [api],
  );

  useEffect(() => {
    let current = true;
    void checkSession(() => current);
    return () => {
      current = false;
    };
  }, [checkSession]);

  // After moving to another page, start at its top with keyboard focus on its content,
  // as a full page load would; the first page load leaves focus where the browser put it.
  const previousPathname = useRef(pathname);
  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    document.getElementById('main')?.focus();
  }, [pathname]);

  if (session.status === 'checking') {
    return (
      <Layout>
        <p className="muted">Loading…</p>
      </Layout>
    );
  }
  if (session.status === 'failed') {
    return (
      <Layout>
        <div className="notice" role="status">
          <p>{session.error.message}</p>
          <button type="button" onClick={() => void checkSession(() => true)}>
            Try again
          </button>
        </div>
      </Layout>
    );
  }

  const user = session.user;
  const signIn = (signedIn: User) => setSession({ status: 'known', user: signedIn });
  const signOut = () => setSession({ status: 'known', user: null });
  const route = routeFor(pathname);
  switch (route.page) {
    case 'home':
      return <HomePage user={user} onSignedIn={signIn} onSignedOut={signOut} />;
    case 'invite':
      return <InvitePage token={route.token} user={user} onSignedIn={signIn} onSignedOut={signOut} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
