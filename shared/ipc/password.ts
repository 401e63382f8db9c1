/**
 * 修改密码 in the IPC contract. After a login whose password an administrator set or reset,
 * `session:login` answers PASSWORD_CHANGE_REQUIRED and the workstation does not open: this channel
 * changes the password with that login (the same rules as the server's, shared/password-policy.ts)
 * and then starts the session. A logged-in agent may use it too.
 */
import type { z } from 'zod';
import type { AgentSchema } from '../domain.js';
import { ChangeMyPasswordBodySchema } from '../protocol/rest.js';
import { invoke } from './invoke.js';

export const passwordInvokeChannels = {
  'session:change-password': invoke<z.infer<typeof AgentSchema>>()(ChangeMyPasswordBodySchema),
} as const;
