/**
 * What the workstation holds of something the server decides (公司设置, 名片分类 …): read when the
 * connection comes (back) online — login and reconnect, so an offline workstation catches up — and
 * whenever a server hint says it changed; each read is published to the page, so an open view
 * follows an admin's change without a restart. Held in memory for the login it was read for; it is
 * the server's to decide, never worked on offline.
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { ClosingGate } from './closing-gate.js';
import { coalescedSync } from './coalesced-sync.js';
import type { InternalBus, InternalEvent } from './internal-bus.js';
import { DisposableStore, type Disposable } from './lifecycle.js';
import type { Log } from '../logger.js';

export interface ServerMirrorDeps<T> {
  gate: ClosingGate;
  internal: InternalBus;
  agentId(): string | null;
  log: Log;
  /** For the log: what failed to be read. */
  what: string;
  /** The server hint, besides `connection:online`, that makes it read again. */
  outdatedOn: InternalEvent;
  fetch(): Promise<Result<T>>;
  /** Tells the page the value just read. */
  publish(value: T): void;
}

export interface ServerMirror<T> extends Disposable {
  /** The value held for this login, or a read now. */
  get(): Promise<Result<T>>;
}

export function createServerMirror<T>(deps: ServerMirrorDeps<T>): ServerMirror<T> {
  const store = new DisposableStore();
  /** The last read, with the agent it was read for (another login reads again). */
  let held: { agentId: string; value: T } | null = null;

  const read = (): Promise<Result<T>> =>
    deps.gate.run(async () => {
      const agentId = deps.agentId();
      if (!agentId) return fail('UNAUTHENTICATED', 'log in first');
      const result = await deps.fetch();
      if (!result.ok) return result;
      // The agent may have logged out while the request was out.
      if (deps.agentId() !== agentId) return fail('UNAUTHENTICATED', 'log in first');
      held = { agentId, value: result.value };
      deps.publish(result.value);
      return ok(result.value);
    });

  const logFailure = (error: unknown) => deps.log(`${deps.what} read failed`, error instanceof Error ? error.message : String(error));
  const readLogged = async () => {
    const result = await read();
    if (!result.ok) logFailure(new Error(result.error.message));
  };
  // However many hints a replay brings: one read in flight plus one queued.
  const outdated = coalescedSync(deps.gate, readLogged, () => store.isDisposed, logFailure);
  store.add(deps.internal.on('connection:online', outdated));
  store.add(deps.internal.on(deps.outdatedOn, outdated));

  return {
    async get() {
      if (held && held.agentId === deps.agentId()) return ok(held.value);
      return read();
    },
    dispose: () => store.dispose(),
  };
}
