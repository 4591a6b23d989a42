import { createContext, useCallback, useContext } from 'react';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import { useApiClient } from '../../api/ApiClientContext';
import type { ApiError } from '../../api/client';
import type { Case } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { paths } from '../../app/paths';
import { LoadProblem, QueryView } from '../../components/QueryView';
import { formatList } from '../../format';

const CurrentCase = createContext<{ item: Case; refresh: () => void } | null>(null);

/** The case whose pages are open, for any page under `/cases/:caseId`. */
export function useCurrentCase(): Case {
  const found = useContext(CurrentCase);
  if (!found) throw new Error('useCurrentCase() is used outside a case page');
  return found.item;
}

/** Reads the case again in place (its terms changed, someone joined), without a loading state. */
export function useRefreshCase(): () => void {
  const found = useContext(CurrentCase);
  if (!found) throw new Error('useRefreshCase() is used outside a case page');
  return found.refresh;
}

/**
 * `/cases/:caseId` and its sections: reads the case once, shows its name, its children and
 * parents in one line (the rest is under "About this case"), the way between its sections,
 * and hands the case to the section on screen.
 */
export function CaseLayout() {
  const caseId = useParams().caseId ?? '';
  const api = useApiClient();
  const found = useApiQuery(['case', caseId], (client) => client.getCase(caseId));
  const { setData } = found;
  const refresh = useCallback(() => {
    api.getCase(caseId).then(setData, () => undefined);
  }, [api, caseId, setData]);
  return (
    <QueryView
      query={found}
      loading="Opening the case…"
      failure={(error) => <CaseUnavailable error={error} onRetry={found.reload} />}
    >
      {(item) => (
        <CurrentCase.Provider value={{ item, refresh }}>
          <header className="case-header">
            <p className="case-header__kind">Case</p>
            <h1>{item.name}</h1>
            <p className="case-header__people">
              {item.children.length > 0 ? `${formatList(item.children)} · ` : ''}
              {formatList(item.parents.map((parent) => parent.displayName))}
            </p>
          </header>
          <CaseSections caseId={item.id} />
          <Outlet />
        </CurrentCase.Provider>
      )}
    </QueryView>
  );
}

/** Messages first: the case's own address (the link notice mails carry) opens on them. */
const SECTIONS = [
  { label: 'Messages', to: paths.case, end: true },
  { label: 'Schedule', to: paths.caseSchedule, end: false },
  { label: 'Expenses', to: paths.caseExpenses, end: false },
  { label: 'Terms', to: paths.caseTerms, end: false },
  { label: 'Record', to: paths.caseRecord, end: false },
  { label: 'About this case', to: paths.caseAbout, end: false },
] as const;

/** The case's sections; the one on screen is marked for screen readers as the current page. */
function CaseSections({ caseId }: { caseId: string }) {
  return (
    <nav className="case-sections" aria-label="Case sections">
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.label}>
            <NavLink to={section.to(caseId)} end={section.end}>
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A case that does not exist and a case of other people answer alike (the API does not
 * say which, so that nobody learns which cases exist); both are said calmly.
 */
function CaseUnavailable({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const notThere = error.status === 404 || error.status === 403 || error.status === 400;
  if (!notThere) return <LoadProblem what="The case could not be opened." error={error} onRetry={onRetry} />;
  return (
    <section className="card" aria-labelledby="case-unavailable-heading">
      <h1 id="case-unavailable-heading">This case cannot be opened</h1>
      <p>
        There is no case at this address for the account you are signed in with. If the link came in an e-mail, it may
        be meant for another account.
      </p>
      <p>
        <Link to={paths.home}>See your cases</Link>
      </p>
    </section>
  );
}
