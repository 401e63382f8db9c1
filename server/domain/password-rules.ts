/**
 * The part of the password policy (shared/password-policy.ts) that needs the account: a request
 * that changes an existing agent's password does not carry the account name, so the schema
 * cannot check it and the domain does, before any hashing or writing.
 */
import { PASSWORD_RULES, passwordMatchesAccount } from '../../shared/index.js';
import type { DomainContext } from './context.js';
import { refuse } from './errors.js';

/** Refuses (VALIDATION_FAILED, detail on `password`) a new password equal to the agent's account name. */
export function refusePasswordLikeAccount(ctx: DomainContext, agentId: string, password: string): void {
  const agent = ctx.store.agents.byId(agentId);
  // An unknown agent is the caller's NOT_FOUND to give, with its own wording.
  if (agent && passwordMatchesAccount(password, agent.account)) {
    refuse('VALIDATION_FAILED', 'The password breaks the password policy', { password: PASSWORD_RULES.sameAsAccount });
  }
}
