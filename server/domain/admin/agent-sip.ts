/**
 * An agent's SIP account from the console (客服 form): what is set, never its password (only its
 * agent receives that, through mySipSettings), and setting it with an audit entry like every
 * other console change.
 */
import type { SipSettings } from '../../../shared/phone.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';
import { setSipSettings, type SipSettingsView } from '../phone/sip-settings.js';
import { recordAudit } from './audit.js';
import type { ConsoleActor } from './console-scope.js';

const withoutPassword = ({ enabled, wsServer, uri, authUser, displayName, iceServers }: SipSettings): SipSettingsView => ({
  enabled,
  wsServer,
  uri,
  authUser,
  displayName,
  iceServers,
});

/** The agent's SIP account without its password; null when none is set. */
export function agentSipSettings(ctx: DomainContext, agentId: string): SipSettingsView | null {
  if (!ctx.store.agents.byId(agentId)) refuse('NOT_FOUND', 'No such agent');
  const row = ctx.store.sipAccounts.forAgent(agentId);
  return row ? withoutPassword(row) : null;
}

/**
 * Sets it. The console never sees the SIP password, so an omitted one keeps the current one (a new
 * account needs one). The audit entry says what changed, a new password only as passwordReset: true, as for an account.
 */
export function setAgentSipSettings(
  ctx: DomainContext,
  actor: ConsoleActor,
  agentId: string,
  input: Omit<SipSettings, 'password'> & { password?: string },
): SipSettingsView {
  return ctx.store.transaction(() => {
    if (!ctx.store.agents.byId(agentId)) refuse('NOT_FOUND', 'No such agent');
    const before = ctx.store.sipAccounts.forAgent(agentId);
    const password = input.password ?? before?.password ?? refuse('VALIDATION_FAILED', 'A new SIP account needs its password', { password: 'required' });
    const after = setSipSettings(ctx, agentId, { ...input, password });
    const passwordReset = before !== undefined && before.password !== password;
    recordAudit(ctx, actor, 'agent.sip', { type: 'agent', id: agentId }, before ? { ...withoutPassword(before), passwordReset: false } : null, {
      ...after,
      passwordReset: before ? passwordReset : undefined,
    });
    return after;
  });
}
