/**
 * The 顾客信息 channels: straight to the server, never cached. The trail changes while the visitor
 * browses, so a cached copy would show a stale current page; with no server there is no live
 * visitor to serve either (hence no cache migration 005).
 */
import type { customerInvokeChannels } from '../../../shared/ipc/customers.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { WorkstationCore } from '../workstation-core.js';

export function createCustomerHandlers(core: Pick<WorkstationCore, 'rest' | 'watchAuth'>): Pick<InvokeHandlers, keyof typeof customerInvokeChannels> {
  return {
    'customers:get-profile': async ({ visitorId }) => core.watchAuth(await core.rest.call('getCustomerProfile', { params: { id: visitorId } })),
    'customers:update-profile': async ({ visitorId, patch }) =>
      core.watchAuth(await core.rest.call('updateCustomerProfile', { params: { id: visitorId }, body: patch })),
  };
}
