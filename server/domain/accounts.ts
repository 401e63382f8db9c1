/** Staff accounts, sessions, status, topics and settings. */
import { uuidv7, type Agent, type AgentStatus, type Role, type ServerSettings, type SessionEndReason, type Topic } from '../../shared/index.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/passwords.js';
import { hashToken } from '../auth/tokens.js';
import type { AgentRow } from '../store/types.js';
import type { DomainContext, Principal } from './context.js';
import { refuse } from './errors.js';
import { toAgent } from './dto.js';
import { drainQueue } from './routing.js';
import { beginLoginAttempt, loginSucceeded } from './login-guard.js';
import { refusePasswordLikeAccount } from './password-rules.js';
import { checkAccessToken, endAgentSessions, endSession, refreshSession, sessionRefusal, startSession, type TokenPair } from './sessions.js';
import { recordAudit } from './admin/audit.js';
import { settingsChanged } from './settings-changed.js';
import { recordStatus } from './monitoring/activity.js';
import { emitSettingsChanged } from './settings-hint.js';
import { agentAuditFields, refuseLastAdmin } from './admin/agents-admin.js';
import { assertManages, assertMayAssign, isAdmin, type ConsoleActor } from './admin/console-scope.js';
import { emitGroupMembershipChanged } from './phrases/changes.js';

/** A login's answer; `mustChangePassword`: this login may only change the password (own-password.ts). */
export type LoginResult = TokenPair & { agent: Agent; mustChangePassword: boolean };

export async function login(ctx: DomainContext, account: string, password: string): Promise<LoginResult> {
  beginLoginAttempt(ctx, account); // brute-force guard: refuses a locked account, counts this attempt
  const found = ctx.store.agents.byAccount(account);
  const okPassword = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
  // Re-read after the wait: the account may have changed while scrypt ran on the thread pool.
  const row = found ? ctx.store.agents.byId(found.id) : undefined;
  if (!row || !okPassword || row.passwordHash !== found?.passwordHash) return refuse('UNAUTHENTICATED', 'Wrong account or password');
  // Said only to whoever knows the password: the account's state is nobody else's business.
  if (row.disabledAt) throw sessionRefusal('disabled');
  loginSucceeded(ctx, account);
  return { ...startSession(ctx, row.id), agent: toAgent(ctx, row), mustChangePassword: row.mustChangePassword === true };
}

/** A new token pair for the login the refresh token belongs to (记住密码 / 自动登录 without the password). */
export function refresh(ctx: DomainContext, refreshToken: string): LoginResult {
  const { agentId, ...pair } = refreshSession(ctx, refreshToken);
  // Disabling ends every session; this only closes the window of a refresh racing the disable.
  if (ctx.store.agents.byId(agentId)?.disabledAt) throw sessionRefusal('disabled');
  const row = ctx.store.agents.byId(agentId)!;
  return { ...pair, agent: toAgent(ctx, row), mustChangePassword: row.mustChangePassword === true };
}

/** Ends this login (its refresh token too); its realtime sockets close with 'logged-out'. */
export function logout(ctx: DomainContext, principal: Principal): void {
  if (principal.kind !== 'staff') return;
  endSession(ctx, principal.session.id, 'logged-out');
}

/** Who is calling, or why a staff token is refused (null: the token means nothing). */
export type Authentication = { principal: Principal } | { principal: null; reason: SessionEndReason | null };

/** Staff session or visitor token → who is calling; a staff token that expired or ended says why. */
export function authenticateToken(ctx: DomainContext, token: string): Authentication {
  const check = checkAccessToken(ctx, token);
  if (check.kind === 'refused') return { principal: null, reason: check.reason };
  if (check.kind === 'live') {
    const agent = ctx.store.agents.byId(check.session.agentId);
    if (agent?.disabledAt) return { principal: null, reason: 'disabled' };
    return agent
      ? { principal: { kind: 'staff', agent, session: { id: check.session.id, lastSeenAt: check.session.lastSeenAt } } }
      : { principal: null, reason: null };
  }
  const visitor = ctx.store.visitors.byTokenHash(hashToken(token));
  return visitor ? { principal: { kind: 'visitor', visitor } } : { principal: null, reason: null };
}

/** Staff session or visitor token → who is calling; undefined when the token is not (or no longer) valid. */
export function authenticate(ctx: DomainContext, token: string): Principal | undefined {
  return authenticateToken(ctx, token).principal ?? undefined;
}

/** Any status change (by the agent, the tray, lock/idle) ends 未响应. */
export function setStatus(ctx: DomainContext, agentId: string, status: AgentStatus, notRespondingSince: number | null = null): Agent {
  ctx.store.transaction(() => {
    ctx.store.agents.update(agentId, { status, notRespondingSince });
    recordStatus(ctx, agentId, notRespondingSince === null ? 'agent' : 'not-responding');
  });
  // Becoming 在线 may free the queue's head for this agent.
  if (status === 'online') drainQueue(ctx);
  ctx.signal();
  return toAgent(ctx, ctx.store.agents.byId(agentId)!);
}

export interface NewAgentInput {
  account: string;
  password: string;
  nickname: string;
  role: Role;
  maxConcurrent: number;
  groupId: string | null;
}

/**
 * `actor`: the console user creating it — its scope applies (a group leader creates agents of their
 * own group, which is also the default group then) and it is written to the audit log. Absent for
 * the seed and tools.
 */
export async function createAgent(ctx: DomainContext, input: NewAgentInput, actor?: ConsoleActor): Promise<Agent> {
  if (actor && !isAdmin(actor) && input.groupId === null) input = { ...input, groupId: actor.groupId };
  if (actor) assertMayAssign(actor, { groupId: input.groupId, role: input.role });
  // Hashed before the transaction: a transaction is synchronous and must not wait for scrypt.
  const passwordHash = await hashPassword(input.password);
  const row = ctx.store.transaction(() => {
    if (ctx.store.agents.byAccount(input.account)) refuse('CONFLICT', 'This account already exists', { account: 'taken' });
    if (input.groupId && !ctx.store.groups.byId(input.groupId)) refuse('VALIDATION_FAILED', 'Unknown group', { groupId: 'unknown group' });
    const agent: AgentRow = {
      id: uuidv7(ctx.clock()),
      account: input.account,
      nickname: input.nickname,
      role: input.role,
      passwordHash,
      status: 'away',
      notRespondingSince: null,
      maxConcurrent: input.maxConcurrent,
      groupId: input.groupId,
      createdAt: ctx.clock(),
      // Whoever created it in the console knows the password: the agent chooses their own at the first login.
      mustChangePassword: actor !== undefined,
    };
    ctx.store.agents.insert(agent);
    if (actor) recordAudit(ctx, actor, 'agent.create', { type: 'agent', id: agent.id }, null, agentAuditFields(agent));
    return agent;
  });
  ctx.signal();
  return toAgent(ctx, row);
}

export async function updateAgent(
  ctx: DomainContext,
  id: string,
  patch: { nickname?: string; maxConcurrent?: number; groupId?: string | null; password?: string; role?: Role },
  /** The caller's own login stays when an admin changes their own password; `actor`: the console user (scope, audit log). */
  options: { keepSessionId?: string; actor?: ConsoleActor } = {},
): Promise<Agent> {
  if (patch.password !== undefined) refusePasswordLikeAccount(ctx, id, patch.password);
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  // 重置密码 by someone else: the agent must choose their own at the next login; an admin setting their own is not asked again.
  const mustChangePassword = passwordHash !== undefined && options.actor !== undefined && options.actor.id !== id ? true : undefined;
  const before = ctx.store.transaction(() => {
    const before = ctx.store.agents.byId(id) ?? refuse('NOT_FOUND', 'No such agent');
    if (options.actor) {
      assertManages(options.actor, before);
      assertMayAssign(options.actor, { groupId: patch.groupId, role: patch.role });
    }
    if (patch.role !== undefined && patch.role !== 'admin') refuseLastAdmin(ctx, before, 'given another role');
    if (patch.groupId && !ctx.store.groups.byId(patch.groupId)) refuse('VALIDATION_FAILED', 'Unknown group', { groupId: 'unknown group' });
    ctx.store.agents.update(id, {
      nickname: patch.nickname,
      maxConcurrent: patch.maxConcurrent,
      groupId: patch.groupId,
      passwordHash,
      role: patch.role,
      mustChangePassword,
    });
    if (patch.groupId !== undefined && patch.groupId !== before.groupId) emitGroupMembershipChanged(ctx, id);
    if (options.actor) {
      const after = ctx.store.agents.byId(id)!;
      const reset = passwordHash === undefined ? {} : { passwordReset: true };
      recordAudit(
        ctx,
        options.actor,
        'agent.update',
        { type: 'agent', id },
        { ...agentAuditFields(before), passwordReset: false },
        { ...agentAuditFields(after), passwordReset: false, ...reset },
      );
    }
    return before;
  });
  // A login carries what its role allowed when it began (its sockets' audiences): every one starts again.
  if (patch.role !== undefined && patch.role !== before.role) endAgentSessions(ctx, id, 'role-changed');
  // Whoever knew the old password may be logged in with it: every other login of the agent ends now.
  else if (passwordHash !== undefined) endAgentSessions(ctx, id, 'password-changed', { exceptSessionId: options.keepSessionId });
  // A raised cap may let the queue move.
  drainQueue(ctx);
  ctx.signal();
  return toAgent(ctx, ctx.store.agents.byId(id)!);
}

export function createTopic(ctx: DomainContext, name: string, actor?: ConsoleActor): Topic {
  return ctx.store.transaction(() => {
    if (ctx.store.topics.byName(name)) refuse('CONFLICT', 'A topic with this name exists', { name: 'taken' });
    const row = { id: uuidv7(ctx.clock()), name, enabled: true, createdAt: ctx.clock() };
    ctx.store.topics.insert(row);
    if (actor) recordAudit(ctx, actor, 'topic.create', { type: 'topic', id: row.id }, null, { name, enabled: true });
    return { id: row.id, name: row.name, enabled: row.enabled };
  });
}

export function updateTopic(ctx: DomainContext, id: string, patch: { name?: string; enabled?: boolean }, actor?: ConsoleActor): Topic {
  return ctx.store.transaction(() => {
    const before = ctx.store.topics.byId(id) ?? refuse('NOT_FOUND', 'No such topic');
    if (patch.name) {
      const same = ctx.store.topics.byName(patch.name);
      if (same && same.id !== id) refuse('CONFLICT', 'A topic with this name exists', { name: 'taken' });
    }
    ctx.store.topics.update(id, patch);
    const row = ctx.store.topics.byId(id)!;
    if (actor)
      recordAudit(ctx, actor, 'topic.update', { type: 'topic', id }, { name: before.name, enabled: before.enabled }, { name: row.name, enabled: row.enabled });
    return { id: row.id, name: row.name, enabled: row.enabled };
  });
}

export function updateSettings(ctx: DomainContext, patch: Partial<ServerSettings>, actor?: ConsoleActor): ServerSettings {
  ctx.store.transaction(() => {
    const before = ctx.settings();
    ctx.store.settings.write(patch);
    if (actor) recordAudit(ctx, actor, 'settings.update', { type: 'settings', id: null }, before, { ...before, ...patch });
    emitSettingsChanged(ctx, before, ctx.settings());
  });
  // After the commit: open widgets learn of new 工作时间 now (server/realtime/business-hours-push.ts).
  settingsChanged(ctx);
  return ctx.settings();
}
