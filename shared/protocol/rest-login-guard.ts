/** REST routes of the login guard: which accounts are locked after failed logins, and lifting a lock. */
import { z } from 'zod';
import { Id, Ok } from './rest-common.js';
import type { RouteDef } from './rest.js';

/** One account locked after too many failed logins (only existing agents are listed). */
export const LockoutSchema = z.object({
  agentId: z.string(),
  account: z.string(),
  nickname: z.string(),
  /** Failed logins counted in the current window. */
  failures: z.number().int(),
  /** Epoch ms when the lock ends by itself. */
  lockedUntil: z.number(),
});
export type Lockout = z.infer<typeof LockoutSchema>;

export const loginGuardRoutes = {
  listLockouts: {
    method: 'GET',
    path: '/api/admin/lockouts',
    access: 'admin',
    summary: 'Accounts locked after failed logins',
    response: z.array(LockoutSchema),
  },
  liftLockout: {
    method: 'DELETE',
    path: '/api/admin/agents/:id/lockout',
    access: 'admin',
    summary: "Unlock an agent's account and reset its failed-login count",
    params: z.strictObject({ id: Id }),
    response: Ok,
  },
} as const satisfies Record<string, RouteDef>;
