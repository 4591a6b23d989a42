import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ApiClientProvider } from '../api/ApiClientContext';
import { ApiClient } from '../api/client';

/** Renders a component with an API client pointed at a test server. */
export function renderWithApi(ui: ReactElement, baseUrl: string) {
  return render(<ApiClientProvider client={new ApiClient({ baseUrl })}>{ui}</ApiClientProvider>);
}
