import type { ServerSettings } from '../../shared/index.js';
import type { AgentRow, Store, VisitorRow } from '../store/types.js';

/** Who is connected right now; the realtime hub keeps it, routing reads it. */
export interface Presence {
  isAgentConnected(agentId: string): boolean;
  isVisitorOnline(visitorId: string): boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = { autoCloseMinutes: 6, queueTimeoutSeconds: 120 };

/** Everything a domain service needs; no Fastify, no sockets. */
export interface DomainContext {
  store: Store;
  clock: () => number;
  presence: Presence;
  settings(): ServerSettings;
  /** Ephemeral staff-visible state (agent status/load, queue) may have changed. */
  signal(): void;
}

export type Principal =
  | { kind: 'visitor'; visitor: VisitorRow }
  | { kind: 'staff'; agent: AgentRow; tokenHash: string };

export function createContext(store: Store, clock: () => number, presence: Presence): DomainContext {
  const ctx: DomainContext = {
    store,
    clock,
    presence,
    settings: () => ({ ...DEFAULT_SETTINGS, ...store.settings.read() }),
    signal: () => undefined,
  };
  return ctx;
}
