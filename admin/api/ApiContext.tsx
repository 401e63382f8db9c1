import { createContext, useContext, type ReactNode } from 'react';
import type { AdminApi } from './admin-api.js';

const ApiContext = createContext<AdminApi | null>(null);

/** Gives the screens their REST access: the real client in main.tsx, a fake in tests. */
export function ApiProvider({ api, children }: { api: AdminApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): AdminApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
