/**
 * An agent's own password (修改密码): the change itself, and the rule that an account created or
 * reset in the console (whoever typed the password knows it) must choose its own before doing
 * anything else. The flag is set by accounts.ts (createAgent / updateAgent with a console actor)
 * and cleared only here.
 */
import type { Agent, RouteName } from '../../shared/index.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import type { DomainContext, Principal } from './context.js';
import { refuse } from './errors.js';
import { beginLoginAttempt, loginSucceeded } from './login-guard.js';
import { refusePasswordLikeAccount } from './password-rules.js';
import { endAgentSessions } from './sessions.js';
import { toAgent } from './dto.js';

/** What a login may do while its account must change its password: the change, who am I, and leave. */
const BEFORE_PASSWORD_CHANGE: ReadonlySet<RouteName> = new Set<RouteName>(['changeMyPassword', 'me', 'logout']);

/** Refuses (PASSWORD_CHANGE_REQUIRED, 403) any other staff call of an account that must change its password. */
export function refuseUntilPasswordChanged(principal: Principal | null, route: RouteName): void {
  if (principal?.kind !== 'staff' || !principal.agent.mustChangePassword || BEFORE_PASSWORD_CHANGE.has(route)) return;
  refuse('PASSWORD_CHANGE_REQUIRED', 'Change your password first (PUT /api/me/password): it was set or reset by an administrator');
}

/** Whether a staff principal may not work yet (the realtime hub refuses its hello). */
export const passwordChangePending = (principal: Principal): boolean => principal.kind === 'staff' && principal.agent.mustChangePassword === true;

/**
 * 修改密码: the current password proves it is the agent at the keyboard (a wrong one counts as a
 * failed login, so a stolen token cannot guess its way to the account); the new one follows the
 * policy and differs from the current one. Clears the flag and ends every OTHER login of the
 * agent — this one stays, the one that knows the new password.
 */
export async function changeOwnPassword(
  ctx: DomainContext,
  principal: Extract<Principal, { kind: 'staff' }>,
  currentPassword: string,
  newPassword: string,
): Promise<Agent> {
  const agentId = principal.agent.id;
  refusePasswordLikeAccount(ctx, agentId, newPassword);
  const account = principal.agent.account;
  beginLoginAttempt(ctx, account);
  const before = ctx.store.agents.byId(agentId) ?? refuse('NOT_FOUND', 'No such agent');
  if (!(await verifyPassword(currentPassword, before.passwordHash))) {
    return refuse('VALIDATION_FAILED', 'The current password is wrong', { currentPassword: 'wrong password' });
  }
  loginSucceeded(ctx, account);
  if (currentPassword === newPassword) {
    return refuse('VALIDATION_FAILED', 'The new password must differ from the current one', { newPassword: 'same as the current password' });
  }
  const passwordHash = await hashPassword(newPassword);
  ctx.store.transaction(() => {
    // Changed meanwhile (by an admin, or this agent in another window): the proof given is stale.
    if (ctx.store.agents.byId(agentId)?.passwordHash !== before.passwordHash) refuse('CONFLICT', 'The password was changed meanwhile; log in again');
    ctx.store.agents.update(agentId, { passwordHash, mustChangePassword: false });
  });
  endAgentSessions(ctx, agentId, 'password-changed', { exceptSessionId: principal.session.id });
  ctx.signal();
  return toAgent(ctx, ctx.store.agents.byId(agentId)!);
}
