/** Staff accounts, sessions, status, topics and settings. */
import { uuidv7, type Agent, type AgentStatus, type ServerSettings, type Topic } from '../../shared/index.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { AgentRow } from '../store/types.js';
import type { DomainContext, Principal } from './context.js';
import { refuse } from './errors.js';
import { toAgent } from './dto.js';
import { drainQueue } from './routing.js';

export async function login(ctx: DomainContext, account: string, password: string): Promise<{ token: string; agent: Agent }> {
  const found = ctx.store.agents.byAccount(account);
  const okPassword = await verifyPassword(password, found?.passwordHash ?? DUMMY_HASH);
  // Re-read after the wait: the account may have changed while scrypt ran on the thread pool.
  const row = found ? ctx.store.agents.byId(found.id) : undefined;
  if (!row || !okPassword || row.passwordHash !== found?.passwordHash) return refuse('UNAUTHENTICATED', 'Wrong account or password');
  const token = newToken();
  ctx.store.transaction(() => {
    ctx.store.sessions.insert(hashToken(token), row.id, ctx.clock());
  });
  return { token, agent: toAgent(ctx, row) };
}

export function logout(ctx: DomainContext, principal: Principal): void {
  if (principal.kind !== 'staff') return;
  ctx.store.transaction(() => ctx.store.sessions.remove(principal.tokenHash));
}

/** Staff session or visitor token → who is calling; undefined when the token means nothing. */
export function authenticate(ctx: DomainContext, token: string): Principal | undefined {
  const tokenHash = hashToken(token);
  const agentId = ctx.store.sessions.agentIdFor(tokenHash);
  if (agentId) {
    const agent = ctx.store.agents.byId(agentId);
    return agent ? { kind: 'staff', agent, tokenHash } : undefined;
  }
  const visitor = ctx.store.visitors.byTokenHash(tokenHash);
  return visitor ? { kind: 'visitor', visitor } : undefined;
}

/** Any status change (by the agent, the tray, lock/idle) ends 未响应. */
export function setStatus(ctx: DomainContext, agentId: string, status: AgentStatus, notRespondingSince: number | null = null): Agent {
  ctx.store.transaction(() => ctx.store.agents.update(agentId, { status, notRespondingSince }));
  // Becoming 在线 may free the queue's head for this agent.
  if (status === 'online') drainQueue(ctx);
  ctx.signal();
  return toAgent(ctx, ctx.store.agents.byId(agentId)!);
}

export interface NewAgentInput {
  account: string;
  password: string;
  nickname: string;
  role: 'admin' | 'agent';
  maxConcurrent: number;
  groupId: string | null;
}

export async function createAgent(ctx: DomainContext, input: NewAgentInput): Promise<Agent> {
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
    };
    ctx.store.agents.insert(agent);
    return agent;
  });
  ctx.signal();
  return toAgent(ctx, row);
}

export async function updateAgent(
  ctx: DomainContext,
  id: string,
  patch: { nickname?: string; maxConcurrent?: number; groupId?: string | null; password?: string },
): Promise<Agent> {
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  ctx.store.transaction(() => {
    if (!ctx.store.agents.byId(id)) refuse('NOT_FOUND', 'No such agent');
    if (patch.groupId && !ctx.store.groups.byId(patch.groupId)) refuse('VALIDATION_FAILED', 'Unknown group', { groupId: 'unknown group' });
    ctx.store.agents.update(id, {
      nickname: patch.nickname,
      maxConcurrent: patch.maxConcurrent,
      groupId: patch.groupId,
      passwordHash,
    });
  });
  // A raised cap may let the queue move.
  drainQueue(ctx);
  ctx.signal();
  return toAgent(ctx, ctx.store.agents.byId(id)!);
}

export function createTopic(ctx: DomainContext, name: string): Topic {
  return ctx.store.transaction(() => {
    if (ctx.store.topics.byName(name)) refuse('CONFLICT', 'A topic with this name exists', { name: 'taken' });
    const row = { id: uuidv7(ctx.clock()), name, enabled: true, createdAt: ctx.clock() };
    ctx.store.topics.insert(row);
    return { id: row.id, name: row.name, enabled: row.enabled };
  });
}

export function updateTopic(ctx: DomainContext, id: string, patch: { name?: string; enabled?: boolean }): Topic {
  return ctx.store.transaction(() => {
    if (!ctx.store.topics.byId(id)) refuse('NOT_FOUND', 'No such topic');
    if (patch.name) {
      const same = ctx.store.topics.byName(patch.name);
      if (same && same.id !== id) refuse('CONFLICT', 'A topic with this name exists', { name: 'taken' });
    }
    ctx.store.topics.update(id, patch);
    const row = ctx.store.topics.byId(id)!;
    return { id: row.id, name: row.name, enabled: row.enabled };
  });
}

export function updateSettings(ctx: DomainContext, patch: Partial<ServerSettings>): ServerSettings {
  ctx.store.transaction(() => ctx.store.settings.write(patch));
  return ctx.settings();
}
