import { useCallback, useEffect, useState } from 'react';
import { useApiClient } from '../api/ApiClientContext';
import { asApiError, type ApiError } from '../api/client';
import type { Case, User } from '../api/types';
import { AuthForms } from '../components/AuthForms';
import { CaseList } from '../components/CaseList';
import { CreateCaseForm } from '../components/CreateCaseForm';
import { Layout } from '../components/Layout';
import { SignOutButton } from '../components/SignOutButton';

interface HomePageProps {
  user: User | null;
  onSignedIn: (user: User) => void;
  onSignedOut: () => void;
}

export function HomePage({ user, onSignedIn, onSignedOut }: HomePageProps) {
  if (!user) {
    return (
      <Layout>
        <section className="intro" aria-labelledby="intro-heading">
          <h1 id="intro-heading">Welcome to Parallel</h1>
          <p>
            One written channel between two households: every message dated and kept, on terms both parents agreed to.
          </p>
        </section>
        <AuthForms onSignedIn={onSignedIn} />
      </Layout>
    );
  }
  return (
    <Layout actions={<SignedInAs user={user} onSignedOut={onSignedOut} />}>
      <YourCases />
    </Layout>
  );
}

export function SignedInAs({ user, onSignedOut }: { user: User; onSignedOut: () => void }) {
  return (
    <>
      <span className="muted">Signed in as {user.displayName}</span>
      <SignOutButton onSignedOut={onSignedOut} />
    </>
  );
}

type CasesState = { status: 'loading' } | { status: 'loaded'; cases: Case[] } | { status: 'failed'; error: ApiError };

function YourCases() {
  const api = useApiClient();
  const [state, setState] = useState<CasesState>({ status: 'loading' });

  const load = useCallback(
    async (isCurrent: () => boolean) => {
      setState({ status: 'loading' });
      try {
        const cases = await api.listCases();
        if (isCurrent()) setState({ status: 'loaded', cases });
      } catch (error) {
        if (isCurrent()) setState({ status: 'failed', error: asApiError(error) });
      }
    },
    [api],
  );

  useEffect(() => {
    let current = true;
    void load(() => current);
    return () => {
      current = false;
    };
  }, [load]);

  const addCase = (created: Case) =>
    setState((previous) => ({
      status: 'loaded',
      cases: [...(previous.status === 'loaded' ? previous.cases : []), created],
    }));

  return (
    <>
      <section aria-labelledby="cases-heading">
        <h1 id="cases-heading">Your cases</h1>
        {state.status === 'loading' && <p className="muted">Loading your cases…</p>}
        {state.status === 'failed' && (
          <div className="notice" role="status">
            <p>Your cases could not be loaded. {state.error.message}</p>
            <button type="button" onClick={() => void load(() => true)}>
              Try again
            </button>
          </div>
        )}
        {state.status === 'loaded' && <CaseList cases={state.cases} />}
      </section>
      <CreateCaseForm onCreated={addCase} />
    </>
  );
}
