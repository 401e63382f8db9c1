import { create } from 'zustand';
import type { InvokeRequest, SessionSnapshot, WorkstationSettings } from '../../shared/ipc/contract.js';
import type { Agent, AgentStatus } from '../../shared/domain.js';
import type { AppError } from '../../shared/errors.js';
import { invoke } from '../app/kefu.js';

export type LoginRequest = InvokeRequest<'session:login'>;

interface SessionState {
  snapshot: SessionSnapshot | null;
  loadError: AppError | null;
  load(): Promise<void>;
  applySnapshot(snapshot: SessionSnapshot): void;
  applyAgent(agent: Agent): void;
  /** PASSWORD_CHANGE_REQUIRED: the services hold the login until changePassword succeeds. */
  login(request: LoginRequest): Promise<AppError | null>;
  changePassword(request: InvokeRequest<'session:change-password'>): Promise<AppError | null>;
  logout(): Promise<void>;
  setStatus(status: AgentStatus): Promise<AppError | null>;
  /** Everything but serverUrl, which changes through server:set-address (ServerAddressSection). */
  updateSettings(patch: Partial<Omit<WorkstationSettings, 'serverUrl'>>): Promise<AppError | null>;
}

/** Who is logged in and the workstation's own settings (send key, language, sound…). */
export const useSessionStore = create<SessionState>()((set, get) => ({
  snapshot: null,
  loadError: null,
  async load() {
    const result = await invoke('session:get-snapshot', undefined);
    if (result.ok) set({ snapshot: result.value, loadError: null });
    else set({ loadError: result.error });
  },
  applySnapshot(snapshot) {
    set({ snapshot });
  },
  applyAgent(agent) {
    const snapshot = get().snapshot;
    // Only our own record: agent:updated is about the logged-in agent.
    if (snapshot?.agent && snapshot.agent.id === agent.id) set({ snapshot: { ...snapshot, agent } });
  },
  async login(request) {
    const result = await invoke('session:login', request);
    if (!result.ok) return result.error;
    const snapshot = get().snapshot;
    if (snapshot) {
      set({
        snapshot: {
          ...snapshot,
          agent: result.value,
          settings: {
            ...snapshot.settings,
            lastAccount: request.account,
            rememberPassword: request.rememberPassword,
            autoLogin: request.autoLogin,
            autoStart: request.autoStart,
          },
        },
      });
    }
    return null;
  },
  async changePassword(request) {
    const result = await invoke('session:change-password', request);
    if (!result.ok) return result.error;
    // The held login has started: the workstation opens with this agent.
    const snapshot = get().snapshot;
    if (snapshot) set({ snapshot: { ...snapshot, agent: result.value } });
    return null;
  },
  async logout() {
    const result = await invoke('session:logout', undefined);
    const snapshot = get().snapshot;
    if (result.ok && snapshot) set({ snapshot: { ...snapshot, agent: null } });
  },
  async setStatus(status) {
    const result = await invoke('agent:set-status', { status });
    if (!result.ok) return result.error;
    get().applyAgent(result.value);
    return null;
  },
  async updateSettings(patch) {
    const result = await invoke('settings:update', patch);
    if (!result.ok) return result.error;
    const snapshot = get().snapshot;
    if (snapshot) set({ snapshot: { ...snapshot, settings: result.value } });
    return null;
  },
}));
