/**
 * server:get-address / server:set-address. A switch is checked before anything changes — the
 * address's form, then a Kefu Desk backend answering there (GET /api/health), then no messages
 * waiting for the current server unless the agent said to drop them — and then it logs out (the
 * old server is told), forgets that server's credentials and clears the cache, in that order.
 * One switch at a time.
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { InvokeResponse } from '../../../shared/ipc/contract.js';
import { parseServerUrl } from '../../../shared/server-address.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { WorkstationCore } from '../workstation-core.js';
import { unsentMessages } from './cache-binding.js';
import { probeServer } from './probe.js';

type ServerAddressHandlers = Pick<InvokeHandlers, 'server:get-address' | 'server:set-address'>;
type SetAddressResult = Result<InvokeResponse<'server:set-address'>>;

export function createServerAddressHandlers(core: WorkstationCore, probe = probeServer): ServerAddressHandlers {
  const { address, db, events, session } = core;
  let queue: Promise<unknown> = Promise.resolve();

  async function setAddress(url: string | null, discardUnsent: boolean): Promise<SetAddressResult> {
    let chosen: string | null = null;
    if (url !== null) {
      const parsed = parseServerUrl(url);
      if (!parsed.ok) return fail('VALIDATION_FAILED', parsed.message, { reason: parsed.problem });
      chosen = parsed.url;
    }
    const target = address.target(chosen);
    const current = address.url();
    if (target === current) {
      address.choose(chosen);
      events.emit('session:changed', session.snapshot());
      return ok(address.state());
    }
    const reachable = await probe(target);
    if (!reachable.ok) return reachable;
    const unsent = unsentMessages(db);
    if (unsent > 0 && !discardUnsent) {
      return fail('CONFLICT', `${unsent} message(s) written here have not reached ${current} yet; switching to ${target} drops them`, {
        reason: 'unsent',
        unsent: String(unsent),
      });
    }
    await session.logout();
    core.forgetServerCredentials();
    address.switchTo(target, chosen);
    core.log(
      `server address switched from ${current} to ${target}${unsent > 0 ? ` (${unsent} unsent message(s) dropped at the agent's word)` : ''}`,
      undefined,
      'info',
    );
    events.emit('session:changed', session.snapshot());
    events.emit('connection:changed', core.connectionState());
    return ok(address.state());
  }

  return {
    'server:get-address': async () => ok(address.state()),
    'server:set-address': ({ url, discardUnsent }) => {
      const run = queue.then(() => setAddress(url, discardUnsent));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
