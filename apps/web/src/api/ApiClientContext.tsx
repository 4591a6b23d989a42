import { createContext, useContext, type ReactNode } from 'react';
import { ApiClient } from './client';

const ApiClientContext = createContext<ApiClient>(new ApiClient());

/** Lets tests hand the components a client pointed at their own server. */
export function ApiClientProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

export function useApiClient(): ApiClient {
  return useContext(ApiClientContext);
}
