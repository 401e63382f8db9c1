/**
 * 服务器地址. A switch is checked before anything changes — the address's form, then a Kefu Desk
 * backend answering there (GET /api/health), then no messages waiting for the current server
 * unless the agent said to drop them — and then it logs out (the old server is told), forgets that
 * server's credentials and clears the cache, in that order. One switch at a time.
 */
import { fail, ok } from '../../../shared/errors.js';
import { parseServerUrl } from '../../../shared/server-address.js';
import type { Db } from '../cache/database.js';
import type { Reply, Request } from '../ipc/invoke-types.js';
import type { Log } from '../logger.js';
import type { Session } from '../session/session.js';
import type { WorkstationCore } from '../workstation-core.js';
import type { WorkstationEvents } from '../workstation-events.js';
import { unsentMessages } from './cache-binding.js';
import { probeServer } from './probe.js';
import type { ServerAddress } from './server-address.js';

export interface ServerAddressServiceDeps {
  address: ServerAddress;
  db: Db;
  events: Pick<WorkstationEvents, 'emit'>;
  session: Pick<Session, 'logout' | 'snapshot'>;
  forgetServerCredentials(): void;
  connectionState: WorkstationCore['connectionState'];
  log: Log;
  probe?: typeof probeServer;
}

export interface ServerAddressService {
  state(): Reply<'server:get-address'>;
  switchTo(request: Request<'server:set-address'>): Reply<'server:set-address'>;
}

export function createServerAddressService(deps: ServerAddressServiceDeps): ServerAddressService {
  const { address, db, events, session } = deps;
  const probe = deps.probe ?? probeServer;
  let queue: Promise<unknown> = Promise.resolve();

  async function setAddress(url: string | null, discardUnsent: boolean): Reply<'server:set-address'> {
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
    deps.forgetServerCredentials();
    address.switchTo(target, chosen);
    deps.log(
      `server address switched from ${current} to ${target}${unsent > 0 ? ` (${unsent} unsent message(s) dropped at the agent's word)` : ''}`,
      undefined,
      'info',
    );
    events.emit('session:changed', session.snapshot());
    events.emit('connection:changed', deps.connectionState());
    return ok(address.state());
  }

  return {
    state: async () => ok(address.state()),
    switchTo({ url, discardUnsent }) {
      const run = queue.then(() => setAddress(url, discardUnsent));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
