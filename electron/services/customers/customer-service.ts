/**
 * 顾客信息: straight to the server, never cached. The trail changes while the visitor browses, so
 * a cached copy would show a stale current page; with no server there is no live visitor to serve
 * either (hence no cache migration 005). Also the phone's customer card (lookup, create).
 */
import type { RestClient } from '../api/rest-client.js';
import type { Reply, Request } from '../ipc/invoke-types.js';
import type { Remote } from '../workstation-core.js';

export interface CustomerService {
  profile(request: Request<'customers:get-profile'>): Reply<'customers:get-profile'>;
  updateProfile(request: Request<'customers:update-profile'>): Reply<'customers:update-profile'>;
  lookup(request: Request<'customers:lookup'>): Reply<'customers:lookup'>;
  create(request: Request<'customers:create'>): Reply<'customers:create'>;
}

export function createCustomerService({ rest, remote }: { rest: Pick<RestClient, 'call'>; remote: Remote }): CustomerService {
  const lookup: CustomerService['lookup'] = async ({ number }) => remote(await rest.call('lookupCustomer', { query: { number } }));
  return {
    profile: async ({ visitorId }) => remote(await rest.call('getCustomerProfile', { params: { id: visitorId } })),
    updateProfile: async ({ visitorId, patch }) => remote(await rest.call('updateCustomerProfile', { params: { id: visitorId }, body: patch })),
    lookup,
    async create({ name, phone, email, note }) {
      const created = remote(await rest.call('createCustomer', { body: { name, phone, email: email ?? '', note: note ?? '' } }));
      if (!created.ok) return created;
      return lookup({ number: created.value.phone });
    },
  };
}
