/**
 * Login, logout and resume. The session token is kept in the cache so a restarted workstation
 * resumes (and drains its outbox) without asking for the password; the password itself is kept
 * only when the agent ticks 记住密码, and only in the SecretStore.
 */
import type { Agent } from '../../../shared/domain.js';
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { InvokeRequest, SessionSnapshot, WorkstationSettings } from '../../../shared/ipc/contract.js';
import type { RestClient } from '../api/rest-client.js';
import type { Db } from '../cache/database.js';
import { clearSession, getStoredSession, saveSession, updateSessionAgent, type StoredSession } from '../cache/session-repo.js';
import type { SecretStore } from './secret-store.js';

export interface SessionDeps {
  db: Db;
  rest: RestClient;
  secretStore: SecretStore;
  settings: () => WorkstationSettings;
  saveSettings: (patch: Partial<WorkstationSettings>) => void;
  /** Called after a login or resume (start syncing) and after logout / token refusal (stop). */
  onStarted: (session: StoredSession) => void;
  onEnded: () => void;
  log: (message: string, detail?: unknown) => void;
}

export interface Session {
  current(): StoredSession | null;
  snapshot(): SessionSnapshot;
  login(request: InvokeRequest<'session:login'>): Promise<Result<Agent>>;
  logout(): Promise<Result<null>>;
  /** At start: resume the stored token, else log in with the remembered password if 自动登录 is on. */
  resume(): Promise<void>;
  /** The server no longer accepts the token. */
  expire(): void;
  updateAgent(agent: Agent): void;
}

const passwordKey = (account: string) => `password:${account}`;

export function createSession(deps: SessionDeps): Session {
  let current: StoredSession | null = getStoredSession(deps.db);

  function start(session: StoredSession) {
    current = session;
    saveSession(deps.db, session);
    deps.onStarted(session);
  }

  function end() {
    current = null;
    clearSession(deps.db);
    deps.onEnded();
  }

  async function login(request: InvokeRequest<'session:login'>): Promise<Result<Agent>> {
    const password = request.password ?? deps.secretStore.get(passwordKey(request.account));
    if (!password) return fail('VALIDATION_FAILED', 'enter the password (none is remembered for this account)', { password: 'required' });
    const result = await deps.rest.call('login', { body: { account: request.account, password } });
    if (!result.ok) return result;
    if (request.rememberPassword) deps.secretStore.set(passwordKey(request.account), password);
    else deps.secretStore.delete(passwordKey(request.account));
    deps.saveSettings({
      lastAccount: request.account,
      rememberPassword: request.rememberPassword,
      // 自动登录 needs a remembered password to mean anything.
      autoLogin: request.autoLogin && request.rememberPassword,
      autoStart: request.autoStart,
    });
    if (current && current.agent.id !== result.value.agent.id) end();
    start({ agent: result.value.agent, token: result.value.token });
    return ok(result.value.agent);
  }

  return {
    current: () => current,
    snapshot() {
      const settings = deps.settings();
      return {
        agent: current?.agent ?? null,
        settings,
        hasRememberedPassword: settings.lastAccount !== '' && deps.secretStore.get(passwordKey(settings.lastAccount)) !== null,
      };
    },
    login,
    async logout() {
      if (!current) return ok(null);
      const result = await deps.rest.call('logout', { timeoutMs: 5000 });
      if (!result.ok) deps.log('logout: server not told (token expires there by itself)', result.error);
      end();
      return ok(null);
    },
    async resume() {
      if (current) {
        const me = await deps.rest.call('me', { timeoutMs: 5000 });
        if (me.ok) return start({ ...current, agent: me.value });
        // Server down: work offline with the cached session; the realtime client reconnects later.
        if (me.error.code !== 'UNAUTHENTICATED') return start(current);
        end();
      }
      const settings = deps.settings();
      if (!settings.autoLogin || !settings.lastAccount) return;
      const result = await login({
        account: settings.lastAccount,
        rememberPassword: true,
        autoLogin: true,
        autoStart: settings.autoStart,
      });
      if (!result.ok) deps.log('auto-login failed', result.error);
    },
    expire() {
      if (current) end();
    },
    updateAgent(agent) {
      if (!current || current.agent.id !== agent.id) return;
      current = { ...current, agent };
      updateSessionAgent(deps.db, agent);
    },
  };
}
