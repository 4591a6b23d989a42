import { Navigate, useLocation } from 'react-router';
import type { Case } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryView } from '../../components/QueryView';
import { usePageTitle } from '../../components/usePageTitle';
import { AuthForms } from '../auth/AuthForms';
import { returnPathFrom } from '../auth/RequireSignIn';
import { useSession } from '../auth/SessionProvider';
import { CaseList } from '../cases/CaseList';
import { CreateCaseForm } from '../cases/CreateCaseForm';

/** `/`: sign in or create an account; once signed in, one's cases. */
export function HomePage() {
  const { user } = useSession();
  const returnTo = returnPathFrom(useLocation().state);
  usePageTitle(user ? 'Your cases' : undefined);
  // Sent here to sign in on the way to another page: go on there once signed in.
  if (user && returnTo) return <Navigate to={returnTo} replace />;
  if (user) return <YourCases />;
  return (
    <>
      <section className="intro" aria-labelledby="intro-heading">
        <h1 id="intro-heading">Welcome to Parallel</h1>
        <p>
          One written channel between two households: every message dated and kept, on terms both parents agreed to.
        </p>
      </section>
      {returnTo && (
        <p className="notice" role="status">
          Please sign in to open that page. You will be taken there once you are signed in.
        </p>
      )}
      <AuthForms />
    </>
  );
}

function YourCases() {
  const cases = useApiQuery('cases', (api) => api.listCases());
  const addCase = (created: Case) => {
    if (cases.status === 'loaded') cases.setData((previous) => [...previous, created]);
    else cases.reload();
  };
  return (
    <>
      <section aria-labelledby="cases-heading">
        <h1 id="cases-heading">Your cases</h1>
        <QueryView query={cases} loading="Loading your cases…" failed="Your cases could not be loaded.">
          {(items) => <CaseList cases={items} />}
        </QueryView>
      </section>
      <CreateCaseForm onCreated={addCase} />
    </>
  );
}
