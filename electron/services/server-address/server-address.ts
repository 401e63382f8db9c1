/**
 * The server the workstation talks to (服务器地址) and the cache's loyalty to it. Opened before
 * the session, so a stored session from another server is never resumed against this one:
 *
 * - nothing cached yet → the cache is bound to the server in use;
 * - the cache came from another server (a deployment config that changed) → its data and the
 *   credentials for it are dropped and it is bound to the new one — unless messages written here
 *   still wait to be sent there: then the workstation stays with the cache's server (heldFor says
 *   why) until they are sent and it starts again, or the agent switches and drops them.
 */
import type { ServerAddressState } from '../../../shared/ipc/server-address.js';
import type { Db } from '../cache/database.js';
import type { Log } from '../logger.js';
import { readBinding, rebindCache, saveBinding, unsentMessages } from './cache-binding.js';
import { resolveAddress } from './resolve-address.js';

export interface DeploymentAddress {
  /** KEFU_SERVER_URL, a kefu-desk.json, or the backend the browser shell started; null: none. */
  url: string | null;
  /** Why a deployment config was not used, for the login page; null when there is nothing to say. */
  problem: string | null;
}

export interface ServerAddress {
  /** The server in use: REST, realtime, knowledge sync, uploads, the page's CSP, updates. */
  url(): string;
  state(): ServerAddressState;
  /** What the agent's choice (null: the default) resolves to. */
  target(chosen: string | null): string;
  /** Keeps the agent's choice when it names the server already in use: nothing to clear. */
  choose(chosen: string | null): void;
  /** Binds the cache to another server, dropping what the current one sent, and keeps the choice. */
  switchTo(server: string, chosen: string | null): void;
}

export function openServerAddress(db: Db, deployment: DeploymentAddress, forgetCredentials: () => void, log: Log): ServerAddress {
  let held: ServerAddressState['heldFor'] = null;
  const resolved = () => resolveAddress(readBinding(db).chosenServer, deployment.url);

  const wanted = resolved().url;
  const { cacheServer } = readBinding(db);
  if (cacheServer === null) saveBinding(db, { cacheServer: wanted });
  else if (cacheServer !== wanted) {
    const unsent = unsentMessages(db);
    if (unsent > 0) {
      held = { url: wanted, unsent };
      log(`the server address is now ${wanted}, but ${unsent} message(s) still wait for ${cacheServer}: staying with it until they are sent`);
    } else {
      forgetCredentials();
      rebindCache(db, wanted);
      log(`the server address changed from ${cacheServer} to ${wanted}: the cache of the old server was cleared`, undefined, 'info');
    }
  }

  const url = () => (held ? (readBinding(db).cacheServer ?? wanted) : resolved().url);
  return {
    url,
    state: () => ({ ...resolved(), url: url(), deploymentProblem: deployment.problem, heldFor: held }),
    target: (chosen) => resolveAddress(chosen, deployment.url).url,
    choose(chosen) {
      saveBinding(db, { chosenServer: chosen });
    },
    switchTo(server, chosen) {
      db.transaction(() => {
        rebindCache(db, server);
        saveBinding(db, { chosenServer: chosen });
      })();
      held = null;
    },
  };
}
