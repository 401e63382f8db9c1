/** Route name → domain call for the softphone routes (shared/protocol/rest-phone.ts). */
import type { phoneRoutes } from '../../shared/protocol/rest-phone.js';
import type { DomainContext } from '../domain/context.js';
import { listCalls, syncCall } from '../domain/phone/calls.js';
import { createCustomer, getCustomer, lookupCustomer } from '../domain/phone/customers.js';
import { mySipSettings, setSipSettings } from '../domain/phone/sip-settings.js';
import { createWrapUpCode, listWrapUpCodes } from '../domain/phone/wrap-up-codes.js';
import type { Handlers } from './register-routes.js';

export function createPhoneHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof phoneRoutes> {
  return {
    mySipSettings: ({ principal }) => mySipSettings(ctx, principal.agent.id),
    setSipSettings: ({ params, body }) => setSipSettings(ctx, params.id, body),
    listWrapUpCodes: () => listWrapUpCodes(ctx),
    createWrapUpCode: ({ body }) => createWrapUpCode(ctx, body.name),
    syncCall: ({ principal, body }) => syncCall(ctx, principal, body),
    listCalls: ({ principal, query }) => listCalls(ctx, principal, query),
    lookupCustomer: ({ query }) => lookupCustomer(ctx, query.number),
    createCustomer: ({ body }) => createCustomer(ctx, body),
    getCustomer: ({ params }) => getCustomer(ctx, params.id),
  };
}
