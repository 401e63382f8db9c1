/** 登录 and the agent's own state: the session, the workstation settings, the agent's status. */
import { ok } from '../../../shared/errors.js';
import type { Agent } from '../../../shared/domain.js';
import type { WorkstationSettings } from '../../../shared/ipc/contract.js';
import type { RestClient } from '../api/rest-client.js';
import type { Reply, Request } from '../ipc/invoke-types.js';
import type { Remote } from '../workstation-core.js';
import type { WorkstationEvents } from '../workstation-events.js';
import type { Session } from './session.js';

export interface SessionServiceDeps {
  session: Pick<Session, 'snapshot' | 'login' | 'logout' | 'changePassword'>;
  saveSettings(patch: Partial<WorkstationSettings>): void;
  rest: Pick<RestClient, 'call'>;
  remote: Remote;
  events: Pick<WorkstationEvents, 'emit'>;
  agentChanged(agent: Agent): void;
}

export interface SessionService {
  snapshot(): Reply<'session:get-snapshot'>;
  login(request: Request<'session:login'>): Reply<'session:login'>;
  changePassword(request: Request<'session:change-password'>): Reply<'session:change-password'>;
  logout(): Reply<'session:logout'>;
  updateSettings(patch: Request<'settings:update'>): Reply<'settings:update'>;
  setStatus(request: Request<'agent:set-status'>): Reply<'agent:set-status'>;
}

export function createSessionService(deps: SessionServiceDeps): SessionService {
  const { session, events } = deps;
  return {
    snapshot: async () => ok(session.snapshot()),
    login: (request) => session.login(request),
    changePassword: (request) => session.changePassword(request),
    logout: () => session.logout(),
    async updateSettings(patch) {
      deps.saveSettings(patch);
      const snapshot = session.snapshot();
      events.emit('session:changed', snapshot);
      return ok(snapshot.settings);
    },
    async setStatus({ status }) {
      const result = deps.remote(await deps.rest.call('setStatus', { body: { status } }));
      if (result.ok) deps.agentChanged(result.value);
      return result;
    },
  };
}
