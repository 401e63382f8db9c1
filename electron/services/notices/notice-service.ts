/**
 * 通知: the agent's notices, read from the cache (instant, offline too). The cache re-syncs from
 * the server when the connection comes (back) online — login and reconnect, which is how a
 * workstation that was offline gets what it missed — and whenever `notice.sent` events were
 * applied (the internal `notices:arrived`). The server's list is the truth: an admin's workstation
 * reads every event, but only notices addressed to it are listed, so only those pop up. A notice
 * pops up (`notice:arrived`) when it came live and is still unread, never for a replay of old ones.
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { MyNotice } from '../../../shared/protocol/rest-notices.js';
import type { RestClient } from '../api/rest-client.js';
import type { ClosingGate } from '../base/closing-gate.js';
import { coalescedSync } from '../base/coalesced-sync.js';
import type { InternalBus } from '../base/internal-bus.js';
import { DisposableStore, type Disposable } from '../base/lifecycle.js';
import type { Db } from '../cache/database.js';
import type { Reply, Request } from '../ipc/invoke-types.js';
import type { Log } from '../logger.js';
import type { WorkstationEvents } from '../workstation-events.js';
import type { Remote } from '../workstation-core.js';
import { cachedNotices, replaceNotices, saveNotice, unreadNotices } from './notice-cache.js';

export interface NoticeServiceDeps {
  db: Db;
  rest: RestClient;
  remote: Remote;
  events: Pick<WorkstationEvents, 'emit'>;
  internal: InternalBus;
  gate: ClosingGate;
  agentId(): string | null;
  log: Log;
}

export interface NoticeService extends Disposable {
  list(): Reply<'notices:list'>;
  markRead(request: Request<'notices:mark-read'>): Reply<'notices:mark-read'>;
}

const needLogin = () => fail('UNAUTHENTICATED', 'log in first');

export function createNoticeService(deps: NoticeServiceDeps): NoticeService {
  const { db, rest, remote, events, gate } = deps;
  const store = new DisposableStore();
  /** Notices announced live and not yet popped up: shown once the synced list has them. */
  const toPopUp = new Set<string>();

  const changed = (agentId: string) => events.emit('notices:changed', { unread: unreadNotices(db, agentId) });

  const sync = (): Promise<Result<MyNotice[]>> =>
    gate.run(async () => {
      const id = deps.agentId();
      if (!id) return needLogin();
      const result = remote(await rest.call('listMyNotices'));
      if (!result.ok) return result;
      // The agent may have logged out while the request was out.
      if (deps.agentId() !== id) return needLogin();
      replaceNotices(db, id, result.value);
      changed(id);
      for (const notice of result.value) {
        if (!toPopUp.delete(notice.id)) continue;
        if (notice.readAt === null) events.emit('notice:arrived', notice);
      }
      // Announced but not listed for this agent (an admin reading every event): nothing to show.
      toPopUp.clear();
      return result;
    });

  const logFailure = (error: unknown) => deps.log('notice sync failed', error instanceof Error ? error.message : String(error));
  const syncLogged = async () => {
    const result = await sync();
    if (!result.ok) logFailure(new Error(result.error.message));
  };

  // However many notices a replay brings: one fetch in flight plus one queued.
  const outdated = coalescedSync(gate, syncLogged, () => store.isDisposed, logFailure);

  store.add(deps.internal.on('connection:online', outdated));
  store.add(
    deps.internal.on('notices:arrived', ({ noticeIds, live }) => {
      if (live) for (const id of noticeIds) toPopUp.add(id);
      outdated();
    }),
  );

  return {
    async list() {
      const id = deps.agentId();
      return id ? ok(cachedNotices(db, id)) : needLogin();
    },
    async markRead({ id }) {
      const agentId = deps.agentId();
      if (!agentId) return needLogin();
      const result = remote(await rest.call('markNoticeRead', { params: { id } }));
      if (!result.ok || deps.agentId() !== agentId) return result;
      saveNotice(db, agentId, result.value);
      changed(agentId);
      return result;
    },
    dispose: () => store.dispose(),
  };
}
