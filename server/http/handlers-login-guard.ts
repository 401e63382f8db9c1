/** Route name → domain call for the login guard's admin routes (shared/protocol/rest-login-guard.ts). */
import type { loginGuardRoutes } from '../../shared/protocol/rest-login-guard.js';
import type { DomainContext } from '../domain/context.js';
import { liftLockout, listLockouts } from '../domain/login-guard.js';
import type { Handlers } from './register-routes.js';

export function createLoginGuardHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof loginGuardRoutes> {
  return {
    listLockouts: () => listLockouts(ctx),
    liftLockout: ({ params, principal }) => {
      liftLockout(ctx, params.id, principal.agent);
      return { ok: true as const };
    },
  };
}
