/**
 * Staff sessions (issue 9): one per password login, carrying an access token that expires when
 * idle or old, and a refresh token that renews it (rotated on every use; a reused one ends the
 * login). Ending a session here is the only way one ends: the realtime hub listens and closes
 * every socket of it at once, so nothing acts for a session after its end.
 */
import { uuidv7, type SessionEndReason } from '../../shared/index.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { SessionRow } from '../store/types.js';
import type { DomainContext, StaffSessionRef } from './context.js';
import { DomainError } from './errors.js';
import { recordLogin, recordLogout } from './monitoring/activity.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Activity is written at most this often per session: no DB write on every request or frame. */
export const SESSION_TOUCH_INTERVAL_MS = MINUTE;
/** An ended session is kept this long, so a client coming back with its token learns why it is refused. */
export const ENDED_SESSION_KEPT_MS = 7 * DAY;

export interface TokenPair {
  token: string;
  refreshToken: string;
  /** When the refresh token stops working (the password is asked again). */
  refreshExpiresAt: number;
}

export type SessionsEnded = (sessionIds: string[], reason: SessionEndReason) => void;

const listeners = new WeakMap<DomainContext, SessionsEnded>();

/** The realtime hub registers here to close the sockets of every session that ends. */
export function onSessionsEnded(ctx: DomainContext, listener: SessionsEnded): void {
  listeners.set(ctx, listener);
}

function announce(ctx: DomainContext, sessionIds: string[], reason: SessionEndReason): void {
  if (sessionIds.length > 0) listeners.get(ctx)?.(sessionIds, reason);
}

/** A 401 that says why: clients show the reason and know whether a refresh can help. */
export function sessionRefusal(reason: SessionEndReason | null): DomainError {
  return new DomainError('UNAUTHENTICATED', reason ? REFUSAL_MESSAGES[reason] : 'The token is not valid; log in again', reason ? { reason } : undefined);
}

const REFUSAL_MESSAGES: Record<SessionEndReason, string> = {
  'logged-out': 'This session was logged out; log in again',
  'password-changed': 'The password was changed; log in with the new password',
  expired: 'The session has expired; log in again',
  disabled: 'This account is disabled',
  'role-changed': 'Your role was changed; log in again',
  revoked: 'This login was ended because its refresh token was used twice; log in again',
};

const refreshExpiresAt = (ctx: DomainContext, row: Pick<SessionRow, 'createdAt'>): number => row.createdAt + ctx.settings().refreshTokenDays * DAY;

/** A new login for this agent. Call inside the caller's transaction or on its own. */
export function startSession(ctx: DomainContext, agentId: string): TokenPair {
  const now = ctx.clock();
  const token = newToken();
  const refreshToken = newToken();
  const row: SessionRow = {
    id: uuidv7(now),
    agentId,
    tokenHash: hashToken(token),
    tokenIssuedAt: now,
    lastSeenAt: now,
    refreshHash: hashToken(refreshToken),
    createdAt: now,
    endedAt: null,
    endReason: null,
  };
  ctx.store.transaction(() => {
    ctx.store.sessions.insert(row);
    recordLogin(ctx, agentId, row.id);
  });
  return { token, refreshToken, refreshExpiresAt: refreshExpiresAt(ctx, row) };
}

/** Ends a session row and logs the logout in the same transaction; false when it had ended already. */
function endRow(ctx: DomainContext, session: Pick<SessionRow, 'id' | 'agentId'>, reason: SessionEndReason, now: number): boolean {
  if (!ctx.store.sessions.end(session.id, reason, now)) return false;
  recordLogout(ctx, session.agentId, session.id, reason);
  return true;
}

/** Past its absolute lifetime: no activity keeps it, only a refresh renews it. */
export function tooOld(ctx: DomainContext, row: SessionRow, now: number): boolean {
  return now - row.tokenIssuedAt > ctx.settings().sessionMaxHours * HOUR;
}

function idle(ctx: DomainContext, row: SessionRow, now: number): boolean {
  return now - row.lastSeenAt > ctx.settings().sessionIdleMinutes * MINUTE;
}

export type TokenCheck = { kind: 'live'; session: SessionRow } | { kind: 'refused'; reason: SessionEndReason } | { kind: 'unknown' };

/** What a staff access token stands for now. */
export function checkAccessToken(ctx: DomainContext, token: string): TokenCheck {
  const row = ctx.store.sessions.byTokenHash(hashToken(token));
  if (!row) return { kind: 'unknown' };
  if (row.endedAt !== null) return { kind: 'refused', reason: row.endReason ?? 'logged-out' };
  const now = ctx.clock();
  if (idle(ctx, row, now) || tooOld(ctx, row, now)) return { kind: 'refused', reason: 'expired' };
  return { kind: 'live', session: row };
}

/**
 * Whether an open realtime socket of this session may still act: an open socket is activity,
 * so only the end of the session and the token's absolute lifetime count, never idleness.
 */
export function socketSessionState(ctx: DomainContext, sessionId: string): 'live' | SessionEndReason {
  const row = ctx.store.sessions.byId(sessionId);
  if (!row) return 'logged-out';
  if (row.endedAt !== null) return row.endReason ?? 'logged-out';
  return tooOld(ctx, row, ctx.clock()) ? 'expired' : 'live';
}

/** Records activity, at most once per SESSION_TOUCH_INTERVAL_MS per session. */
export function touchSession(ctx: DomainContext, session: StaffSessionRef): void {
  const now = ctx.clock();
  if (now - session.lastSeenAt < SESSION_TOUCH_INTERVAL_MS) return;
  ctx.store.transaction(() => ctx.store.sessions.touch(session.id, now));
  session.lastSeenAt = now;
}

type RefreshOutcome = { ok: true; row: SessionRow; pair: TokenPair } | { ok: false; reason: SessionEndReason | null; ended: string[] };

/**
 * Trades a refresh token for a new token pair (both rotate). A refresh token that was already
 * traded in ends its login ('revoked'): either the legitimate client or a thief holds a copy, and
 * the server cannot tell which.
 */
export function refreshSession(ctx: DomainContext, refreshToken: string): TokenPair & { agentId: string } {
  const hash = hashToken(refreshToken);
  const now = ctx.clock();
  const outcome = ctx.store.transaction((): RefreshOutcome => {
    const row = ctx.store.sessions.byRefreshHash(hash);
    if (!row) {
      const spent = ctx.store.sessions.bySpentRefreshHash(hash);
      if (!spent) return { ok: false, reason: null, ended: [] };
      if (spent.endedAt !== null) return { ok: false, reason: spent.endReason ?? 'revoked', ended: [] };
      endRow(ctx, spent, 'revoked', now);
      return { ok: false, reason: 'revoked', ended: [spent.id] };
    }
    if (row.endedAt !== null) return { ok: false, reason: row.endReason ?? 'logged-out', ended: [] };
    if (now > refreshExpiresAt(ctx, row)) {
      endRow(ctx, row, 'expired', now);
      return { ok: false, reason: 'expired', ended: [row.id] };
    }
    const token = newToken();
    const next = newToken();
    ctx.store.sessions.rotate(row.id, { tokenHash: hashToken(token), refreshHash: hashToken(next), now }, hash);
    return { ok: true, row, pair: { token, refreshToken: next, refreshExpiresAt: refreshExpiresAt(ctx, row) } };
  });
  if (!outcome.ok) {
    announce(ctx, outcome.ended, outcome.reason ?? 'revoked');
    throw sessionRefusal(outcome.reason);
  }
  return { ...outcome.pair, agentId: outcome.row.agentId };
}

/** Ends one session (no-op when it had ended) and closes its sockets. */
export function endSession(ctx: DomainContext, sessionId: string, reason: SessionEndReason): boolean {
  const ended = ctx.store.transaction(() => {
    const row = ctx.store.sessions.byId(sessionId);
    return row ? endRow(ctx, row, reason, ctx.clock()) : false;
  });
  announce(ctx, ended ? [sessionId] : [], reason);
  return ended;
}

/**
 * THE way to log an agent out everywhere — password change, disabling an account (the admin
 * console), a security reset: every session of the agent ends with the reason, every socket of
 * them closes at once. `exceptSessionId` keeps the caller's own login (changing one's own password).
 */
export function endAgentSessions(ctx: DomainContext, agentId: string, reason: SessionEndReason, options: { exceptSessionId?: string } = {}): string[] {
  const now = ctx.clock();
  const ended = ctx.store.transaction(() =>
    ctx.store.sessions.liveIdsOf(agentId).filter((id) => id !== options.exceptSessionId && endRow(ctx, { id, agentId }, reason, now)),
  );
  announce(ctx, ended, reason);
  return ended;
}

/** Forgets sessions that ended long ago or whose refresh token died long ago. */
export function pruneSessions(ctx: DomainContext): number {
  const now = ctx.clock();
  const refreshWindow = ctx.settings().refreshTokenDays * DAY;
  return ctx.store.transaction(() => ctx.store.sessions.prune(now - ENDED_SESSION_KEPT_MS, now - refreshWindow - ENDED_SESSION_KEPT_MS));
}
