/** Per-agent SIP accounts: admins set them, each agent reads only their own (with the password). */
import type { SipSettings } from '../../../shared/phone.js';
import type { SipAccountRow } from '../../store/phone-types.js';
import type { DomainContext } from '../context.js';
import { refuse } from '../errors.js';

export type SipSettingsView = Omit<SipSettings, 'password'>;

function toSettings(row: SipAccountRow): SipSettings {
  return {
    enabled: row.enabled,
    wsServer: row.wsServer,
    uri: row.uri,
    authUser: row.authUser,
    password: row.password,
    displayName: row.displayName,
    iceServers: row.iceServers,
  };
}

/** The admin's view: everything but the password, which only its agent ever receives. */
function withoutPassword(settings: SipSettings): SipSettingsView {
  const { password: _password, ...rest } = settings;
  return rest;
}

export function setSipSettings(ctx: DomainContext, agentId: string, settings: SipSettings): SipSettingsView {
  return ctx.store.transaction(() => {
    if (!ctx.store.agents.byId(agentId)) refuse('NOT_FOUND', 'No such agent');
    ctx.store.sipAccounts.put({ agentId, ...settings, updatedAt: ctx.clock() });
    return withoutPassword(toSettings(ctx.store.sipAccounts.forAgent(agentId)!));
  });
}

export function mySipSettings(ctx: DomainContext, agentId: string): SipSettings | null {
  const row = ctx.store.sipAccounts.forAgent(agentId);
  return row ? toSettings(row) : null;
}
