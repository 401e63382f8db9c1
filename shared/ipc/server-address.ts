/**
 * 服务器地址 (the company's server) in the IPC contract: which server the workstation talks to and
 * where that address came from, and the agent's own choice on the login page. Precedence: the
 * agent's choice > the deployment (kefu-desk.json beside the app or written by the installer's
 * /SERVER=, or the backend the browser shell was started with) > the built-in default.
 */
import { z } from 'zod';
import { invoke } from './invoke.js';
import { SERVER_URL_MAX } from '../server-address.js';

export const ServerAddressSourceSchema = z.enum(['chosen', 'deployment', 'built-in']);
export type ServerAddressSource = z.infer<typeof ServerAddressSourceSchema>;

export const ServerAddressStateSchema = z.object({
  /** The server in use (an origin, e.g. https://kefu.example.com). */
  url: z.string(),
  source: ServerAddressSourceSchema,
  /** What 恢复默认 goes back to: the deployment's address, else the built-in one. */
  defaultUrl: z.string(),
  /** Why the deployment config was not used (a file that does not parse), for the login page; else null. */
  deploymentProblem: z.string().nullable(),
  /**
   * The deployment now names another server, but messages written here still wait to be sent to
   * this one: the workstation stays with it until they are sent (or the agent switches and
   * discards them). Null otherwise.
   */
  heldFor: z.object({ url: z.string(), unsent: z.number().int().nonnegative() }).nullable(),
});
export type ServerAddressState = z.infer<typeof ServerAddressStateSchema>;

/**
 * Why a switch was refused, in the error's details.reason: the address itself (a
 * ServerUrlProblem), nobody answering there, an answer that is not a Kefu Desk backend, or
 * messages not yet sent to the current server (details.unsent = how many).
 */
export const SERVER_SWITCH_REFUSALS = ['unreachable', 'not-kefu', 'unsent'] as const;

export const serverAddressInvokeChannels = {
  'server:get-address': invoke<ServerAddressState>()(z.undefined()),
  /**
   * Checks the address (form, then GET /api/health there), logs out, and switches; the cache
   * belongs to one server, so what the old one sent is dropped. url null = back to the default.
   * Refused while messages wait for the current server unless discardUnsent says to drop them.
   */
  'server:set-address': invoke<ServerAddressState>()(
    z.strictObject({
      url: z
        .string()
        .max(SERVER_URL_MAX * 2)
        .nullable(),
      discardUnsent: z.boolean(),
    }),
  ),
} as const;
