/**
 * Login, logout, resume and renewal. A login brings a token pair: the access token (expires when
 * idle or old) and a refresh token that renews it without the password — rotated by the server on
 * every use, so the new one is kept at once (session/stored-session.ts says where). The password
 * itself is kept only when the agent ticks 记住密码, and only in the SecretStore. When the server
 * ends the session (logout elsewhere, password changed, disabled, revoked, expired for good), the
 * reason stays in the snapshot for the login page to show. A login whose password an administrator
 * set or reset is held back (not started, not kept) until the agent changes the password with it.
 */
import type { Agent } from '../../../shared/domain.js';
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { InvokeRequest, SessionSnapshot, WorkstationSettings } from '../../../shared/ipc/contract.js';
import { sessionEndReasonOf, type SessionEndReason } from '../../../shared/session.js';
import type { RestClient } from '../api/rest-client.js';
import type { Db } from '../cache/database.js';
import type { Log } from '../logger.js';
import { updateSessionAgent, type StoredSession } from '../cache/session-repo.js';
import type { SecretStore } from './secret-store.js';
import { forgetSession, keepSession, restoreSession } from './stored-session.js';

export interface SessionDeps {
  db: Db;
  rest: RestClient;
  secretStore: SecretStore;
  settings: () => WorkstationSettings;
  saveSettings: (patch: Partial<WorkstationSettings>) => void;
  /** Called after a login or resume (start syncing) and after logout / token refusal (stop). */
  onStarted: (session: StoredSession) => void;
  onEnded: () => void;
  log: Log;
}

/** What a renewal came to: new tokens, the session over (reason in the snapshot), or no answer. */
export type RenewOutcome = 'renewed' | 'ended' | 'unreachable';

export interface Session {
  current(): StoredSession | null;
  snapshot(): SessionSnapshot;
  /** PASSWORD_CHANGE_REQUIRED: the login is held until changePassword() succeeds. */
  login(request: InvokeRequest<'session:login'>): Promise<Result<Agent>>;
  /** 修改密码 with the held login (then it starts) or the current one. */
  changePassword(request: InvokeRequest<'session:change-password'>): Promise<Result<Agent>>;
  logout(): Promise<Result<null>>;
  /** At start: resume the stored token, else log in with the remembered password if 自动登录 is on. */
  resume(): Promise<void>;
  /** Trades the refresh token for a new pair (one at a time); the session ends if the server refuses. */
  renew(): Promise<RenewOutcome>;
  /** The server refused the token: 'expired' is renewed if the login allows; any other reason ends it. */
  refused(reason: SessionEndReason | null): Promise<RenewOutcome>;
  /** Ends the session now, keeping the reason for the login page. */
  expire(reason?: SessionEndReason | null): void;
  updateAgent(agent: Agent): void;
}

/** Where 记住密码 keeps an account's password in the SecretStore. */
export const passwordKey = (account: string) => `password:${account}`;
/** Refusals that mean the server did answer and will not renew: anything else may pass. */
const FINAL_REFUSALS = new Set(['UNAUTHENTICATED', 'VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND']);

export function createSession(deps: SessionDeps): Session {
  let current: StoredSession | null = restoreSession(deps.db, deps.secretStore);
  let endReason: SessionEndReason | null = null;
  let renewing: Promise<RenewOutcome> | null = null;
  /** While our own logout is under way, the server's "logged out" on the socket is no news. */
  let loggingOut = false;
  /** A login that must change its password before it may do anything (the server refuses all else). */
  let held: StoredSession | null = null;

  const keep = (session: StoredSession) => keepSession(deps.db, deps.secretStore, session, deps.settings().rememberPassword);

  function start(session: StoredSession) {
    current = session;
    endReason = null;
    keep(session);
    deps.onStarted(session);
  }

  function end(reason: SessionEndReason | null) {
    const ended = current;
    current = null;
    endReason = reason;
    forgetSession(deps.db, deps.secretStore, ended?.agent.id ?? null);
    // A remembered password is wrong now; 自动登录 with it would only count failed logins.
    if (reason === 'password-changed' && ended) {
      deps.secretStore.delete(passwordKey(ended.agent.account));
      deps.secretStore.delete(passwordKey(deps.settings().lastAccount));
    }
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
    if (current && current.agent.id !== result.value.agent.id) end(null);
    const session = { agent: result.value.agent, token: result.value.token, refreshToken: result.value.refreshToken };
    if (result.value.mustChangePassword) {
      held = session;
      deps.log('login held until the password is changed', { account: result.value.agent.account, agentId: result.value.agent.id }, 'info');
      return fail('PASSWORD_CHANGE_REQUIRED', 'An administrator set this password: change it before you start');
    }
    held = null;
    start(session);
    // Who was logged in when is the first thing support reads; the account and id, nothing more.
    deps.log('logged in', { account: result.value.agent.account, agentId: result.value.agent.id }, 'info');
    return ok(result.value.agent);
  }

  async function changePassword(request: InvokeRequest<'session:change-password'>): Promise<Result<Agent>> {
    const session = held ?? current;
    if (!session) return fail('UNAUTHENTICATED', 'Log in first');
    const result = await deps.rest.call('changeMyPassword', { body: request, token: session.token });
    if (!result.ok) return result;
    // A remembered password is the old one now: 记住密码 keeps the new one instead.
    const key = passwordKey(result.value.account);
    if (deps.secretStore.get(key) !== null) deps.secretStore.set(key, request.newPassword);
    deps.log('password changed', { agentId: result.value.id }, 'info');
    if (session === held) {
      held = null;
      start({ ...session, agent: result.value });
    } else if (session === current) {
      current = { ...current, agent: result.value };
      keep(current);
    }
    return ok(result.value);
  }

  async function renewOnce(): Promise<RenewOutcome> {
    const session = current;
    if (!session) return 'ended';
    if (!session.refreshToken) {
      end('expired');
      return 'ended';
    }
    const result = await deps.rest.call('refreshSession', { body: { refreshToken: session.refreshToken }, timeoutMs: 10_000 });
    // Logged out or in as someone else meanwhile: this answer is about a session that is gone.
    if (current !== session) return current ? 'renewed' : 'ended';
    if (!result.ok) {
      if (!FINAL_REFUSALS.has(result.error.code)) return 'unreachable';
      end(sessionEndReasonOf(result.error.details?.reason) ?? 'expired');
      return 'ended';
    }
    // The old refresh token is spent: keep the new one before anything else can fail.
    current = { agent: result.value.agent, token: result.value.token, refreshToken: result.value.refreshToken };
    keep(current);
    return 'renewed';
  }

  function renew(): Promise<RenewOutcome> {
    renewing ??= renewOnce().finally(() => (renewing = null));
    return renewing;
  }

  return {
    current: () => current,
    snapshot() {
      const settings = deps.settings();
      return {
        agent: current?.agent ?? null,
        settings,
        hasRememberedPassword: settings.lastAccount !== '' && deps.secretStore.get(passwordKey(settings.lastAccount)) !== null,
        endReason: current ? null : endReason,
      };
    },
    login,
    changePassword,
    async logout() {
      if (held) {
        const token = held.token;
        held = null;
        const result = await deps.rest.call('logout', { timeoutMs: 5000, token });
        if (!result.ok) deps.log('logout of a held login: server not told', result.error);
      }
      if (!current) return ok(null);
      loggingOut = true;
      try {
        const result = await deps.rest.call('logout', { timeoutMs: 5000 });
        if (!result.ok) deps.log('logout: server not told (the token expires there by itself)', result.error);
      } finally {
        loggingOut = false;
      }
      if (current) end(null);
      deps.log('logged out', undefined, 'info');
      return ok(null);
    },
    async resume() {
      if (current) {
        // An expired token is renewed inside this call (the REST client asks renew()).
        const me = await deps.rest.call('me', { timeoutMs: 5000 });
        if (me.ok && current) return start({ ...current, agent: me.value });
        // Server down: work offline with the cached session; the realtime client reconnects later.
        if (!me.ok && me.error.code !== 'UNAUTHENTICATED' && current) return start(current);
        if (current) end(me.ok ? null : sessionEndReasonOf(me.error.details?.reason));
      }
      const settings = deps.settings();
      if (!settings.autoLogin || !settings.lastAccount) return;
      // Ended on purpose (logged out elsewhere, disabled, revoked, password changed): the agent reads why first.
      if (endReason !== null && endReason !== 'expired') return;
      const result = await login({
        account: settings.lastAccount,
        rememberPassword: true,
        autoLogin: true,
        autoStart: settings.autoStart,
      });
      if (!result.ok) deps.log('auto-login failed', result.error);
    },
    renew,
    async refused(reason) {
      if (!current || loggingOut) return 'ended';
      if (reason === 'expired') return renew();
      // No reason: the server does not know the token at all; to the agent that reads as expired.
      end(reason ?? 'expired');
      return 'ended';
    },
    expire(reason = null) {
      if (current && !loggingOut) end(reason);
    },
    updateAgent(agent) {
      if (!current || current.agent.id !== agent.id) return;
      current = { ...current, agent };
      updateSessionAgent(deps.db, agent);
    },
  };
}
