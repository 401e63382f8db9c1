/** Route name → domain call for the softphone routes (shared/protocol/rest-phone.ts). */
import type { phoneRoutes } from '../../shared/protocol/rest-phone.js';
import type { DomainContext } from '../domain/context.js';
import { listCalls, syncCall } from '../domain/phone/calls.js';
import { createCustomer, getCustomer, lookupCustomer } from '../domain/phone/customers.js';
import { mySipSettings } from '../domain/phone/sip-settings.js';
import { agentSipSettings, setAgentSipSettings } from '../domain/admin/agent-sip.js';
import { createWrapUpCode, listWrapUpCodes, updateWrapUpCode } from '../domain/phone/wrap-up-codes.js';
import type { Handlers } from './register-routes.js';

export function createPhoneHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof phoneRoutes> {
  return {
    mySipSettings: ({ principal }) => mySipSettings(ctx, principal.agent.id),
    getAgentSipSettings: ({ params }) => agentSipSettings(ctx, params.id),
    setSipSettings: ({ principal, params, body }) => setAgentSipSettings(ctx, principal.agent, params.id, body),
    listWrapUpCodes: () => listWrapUpCodes(ctx),
    createWrapUpCode: ({ principal, body }) => createWrapUpCode(ctx, principal.agent, body.name),
    updateWrapUpCode: ({ principal, params, body }) => updateWrapUpCode(ctx, principal.agent, params.id, body),
    syncCall: ({ principal, body }) => syncCall(ctx, principal, body),
    listCalls: ({ principal, query }) => listCalls(ctx, principal, query),
    lookupCustomer: ({ query }) => lookupCustomer(ctx, query.number),
    createCustomer: ({ body }) => createCustomer(ctx, body),
    getCustomer: ({ params }) => getCustomer(ctx, params.id),
  };
}
