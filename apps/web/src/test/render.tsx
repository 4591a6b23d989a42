import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { ApiClientProvider } from '../api/ApiClientContext';
import { ApiClient } from '../api/client';
import type { User } from '../api/types';
import { App } from '../app/App';
import { startTestApi, type CannedAnswer, type TestApi } from './testApi';

/** Renders a component with an API client pointed at a test server, inside a router. */
export function renderWithApi(ui: ReactElement, baseUrl: string, path = '/') {
  return render(
    <ApiClientProvider client={new ApiClient({ baseUrl })}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </ApiClientProvider>,
  );
}

/** The address the app is at, written into the page so tests can read where it went. */
function CurrentAddress() {
  const location = useLocation();
  return <output data-testid="address">{location.pathname}</output>;
}

/**
 * The whole app at `path`, as `user` (null: signed out), talking to a test server that
 * gives the canned answers; the session check is answered from `user`.
 */
export async function renderApp(path: string, answers: Record<string, CannedAnswer>, user: User | null): Promise<TestApi> {
  const api = await startTestApi({
    'GET /api/auth/me': user
      ? { status: 200, body: { user } }
      : { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Please sign in.' } },
    ...answers,
  });
  renderWithApi(
    <>
      <App />
      <CurrentAddress />
    </>,
    api.baseUrl,
    path,
  );
  return api;
}
