/** Route name → domain call for 顾客信息 / 轨迹 (shared/protocol/rest-customers.ts). */
import type { customerRoutes } from '../../shared/protocol/rest-customers.js';
import type { DomainContext } from '../domain/context.js';
import { leavePageView, reportPageView } from '../domain/customers/page-views.js';
import { readProfile, updateProfile } from '../domain/customers/profile.js';
import type { Handlers } from './register-routes.js';

export function createCustomerHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof customerRoutes> {
  return {
    // request.ip is the socket's address unless the server was started behind a trusted proxy.
    reportPageView: ({ principal, body, request }) => reportPageView(ctx, principal, body, { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' }),
    leavePageView: ({ principal, params }) => leavePageView(ctx, principal, params.id),
    getCustomerProfile: ({ principal, params }) => readProfile(ctx, principal, params.id),
    updateCustomerProfile: ({ principal, params, body }) => updateProfile(ctx, principal, params.id, body),
  };
}
