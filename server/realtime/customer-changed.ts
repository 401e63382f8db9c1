/** `customer.changed` to the staff who may read the visitor's profile now: admins and the agent of the open conversation. */
import type { DomainContext } from '../domain/context.js';
import { servingAgentIds } from '../domain/customers/notify.js';
import { adminsAnd, type Fanout } from './fanout.js';

export function notifyCustomerChanged(ctx: DomainContext, fanout: Fanout, visitorId: string): void {
  const agents = servingAgentIds(ctx, visitorId);
  fanout.toStaff({ type: 'customer.changed', visitorId }, adminsAnd(...agents));
}
