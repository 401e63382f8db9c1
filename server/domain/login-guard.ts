/**
 * Brute-force guard on logins, per account: after `maxFailures` failed logins within `windowMs`
 * the account is locked for `lockMs` — even the right password is refused — until the lock ends
 * or an admin lifts it. A successful login resets the count. The counts live in the store, so a
 * restart (or, later, another node) keeps every lock. The per-address limit is the HTTP layer's
 * (server/http/login-ip-limit.ts): the domain does not know addresses.
 *
 * Two choices that matter:
 * - Counted by the account name as typed, whether or not such an agent exists, and refused with
 *   the same answer: a lock never tells an attacker which accounts exist.
 * - Each attempt is counted when it STARTS (before the password hash is checked, which takes
 *   tens of milliseconds on the thread pool) and a success deletes the count. Counting after the
 *   check would let a burst of parallel guesses all pass the lock check before any of them failed.
 */
import { recordAudit, type Actor } from './admin/audit.js';
import type { Lockout } from '../../shared/index.js';
import type { DomainContext } from './context.js';
import { refuse } from './errors.js';

export interface AccountLockPolicy {
  /** Failed logins within the window that lock the account. */
  maxFailures: number;
  windowMs: number;
  /** How long a lock lasts unless an admin lifts it. */
  lockMs: number;
}

export const DEFAULT_ACCOUNT_LOCK: AccountLockPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/** Dead rows removed per login attempt: bounded work, and the table cannot grow without end. */
const PRUNE_BATCH = 100;

const policies = new WeakMap<DomainContext, AccountLockPolicy>();

export function setAccountLockPolicy(ctx: DomainContext, policy: AccountLockPolicy): void {
  policies.set(ctx, policy);
}

const policyOf = (ctx: DomainContext): AccountLockPolicy => policies.get(ctx) ?? DEFAULT_ACCOUNT_LOCK;

function refuseLocked(lockedUntil: number, now: number): never {
  const seconds = Math.ceil((lockedUntil - now) / 1000);
  const minutes = Math.ceil(seconds / 60);
  return refuse(
    'ACCOUNT_LOCKED',
    `Too many failed logins: this account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'} ` +
      `(until ${new Date(lockedUntil).toISOString()}). Try again then, or ask an admin to unlock it.`,
    { retryAfterSeconds: String(seconds) },
  );
}

/**
 * Call before checking the password: refuses a locked account (ACCOUNT_LOCKED) and otherwise
 * counts this attempt as failed until loginSucceeded says otherwise. The attempt that reaches
 * the limit is still checked; the lock applies from the next one.
 */
export function beginLoginAttempt(ctx: DomainContext, account: string): void {
  const now = ctx.clock();
  const policy = policyOf(ctx);
  const lockedUntil = ctx.store.transaction(() => {
    const row = ctx.store.loginGuard.byAccount(account);
    if (row?.lockedUntil != null && row.lockedUntil > now) return row.lockedUntil;
    ctx.store.loginGuard.pruneExpired(now, PRUNE_BATCH);
    // A lock that ran out starts a fresh window, as does a window that passed.
    const fresh = !row || row.lockedUntil !== null || now - row.windowStartedAt >= policy.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const windowStartedAt = fresh ? now : row.windowStartedAt;
    const lockUntil = failures >= policy.maxFailures ? now + policy.lockMs : null;
    const expiresAt = Math.max(windowStartedAt + policy.windowMs, lockUntil ?? 0);
    ctx.store.loginGuard.put({ account, failures, windowStartedAt, lockedUntil: lockUntil, expiresAt });
    return null;
  });
  if (lockedUntil !== null) refuseLocked(lockedUntil, now);
}

/** The password was right: the account's count (and a lock this very attempt set) goes. */
export function loginSucceeded(ctx: DomainContext, account: string): void {
  ctx.store.transaction(() => ctx.store.loginGuard.remove(account));
}

/** Existing agents locked right now (for the admin). */
export function listLockouts(ctx: DomainContext): Lockout[] {
  const out: Lockout[] = [];
  for (const row of ctx.store.loginGuard.lockedAgentRows(ctx.clock())) {
    const agent = ctx.store.agents.byAccount(row.account);
    if (agent && row.lockedUntil !== null) {
      out.push({ agentId: agent.id, account: agent.account, nickname: agent.nickname, failures: row.failures, lockedUntil: row.lockedUntil });
    }
  }
  return out;
}

/** An admin unlocks the agent's account: the lock and the failed-login count both go. */
export function liftLockout(ctx: DomainContext, agentId: string, actor?: Actor): void {
  ctx.store.transaction(() => {
    const agent = ctx.store.agents.byId(agentId);
    if (!agent) return refuse('NOT_FOUND', 'No such agent');
    ctx.store.loginGuard.remove(agent.account);
    if (actor) recordAudit(ctx, actor, 'agent.unlock', { type: 'agent', id: agentId }, null, { account: agent.account });
  });
}
