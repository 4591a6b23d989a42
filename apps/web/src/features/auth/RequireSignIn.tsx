import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { paths } from '../../app/paths';
import { useSession } from './SessionProvider';

/** Where a signed-out visitor was going, carried to the sign-in page in the history entry. */
export interface SignInRedirect {
  from: string;
}

/** Only an address inside this app is ever a place to return to after signing in. */
export function returnPathFrom(state: unknown): string | null {
  if (typeof state !== 'object' || state === null) return null;
  const from = (state as Partial<SignInRedirect>).from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : null;
}

/** Pages for signed-in people: anyone else signs in first and then comes back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) {
    const state: SignInRedirect = { from: `${location.pathname}${location.search}${location.hash}` };
    return <Navigate to={paths.home} replace state={state} />;
  }
  return children;
}
