/**
 * 访客监控 and 主动邀请 in the services. Nothing is cached: who is on the site is only true now.
 *
 * Watching = ask the server for deltas first, then read the snapshot; deltas that arrive while the
 * snapshot is on its way are laid over it (every change after the watch request produces one, so
 * the last of them is the truth), and from then on they go to the page in batches. After a
 * reconnect the server has forgotten the watch (the realtime client asks again) and visitors may
 * have left unseen, so the snapshot is read again and the page gets the difference.
 *
 * An invitation goes out over REST with a clientId of ours: a retry after a lost answer is the same
 * invitation, never a second one. Its answer comes back as an `invitation` frame.
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { Invitation, SiteVisitor } from '../../../shared/protocol/rest-site-visitors.js';
import type { RestClient } from '../api/rest-client.js';
import type { InternalBus } from '../base/internal-bus.js';
import { DisposableStore, disposableTimeout, toDisposable, type Disposable } from '../base/lifecycle.js';
import type { Reply, Request } from '../ipc/invoke-types.js';
import type { Log } from '../logger.js';
import type { RealtimeClient, SiteVisitorFrame } from '../sync/realtime-client.js';
import type { WorkstationEvents } from '../workstation-events.js';
import type { Remote } from '../workstation-core.js';
import { VisitorChangeBatch } from './visitor-changes.js';

export interface SiteVisitorServiceDeps {
  rest: RestClient;
  remote: Remote;
  events: Pick<WorkstationEvents, 'emit'>;
  internal: Pick<InternalBus, 'on'>;
  realtime: Pick<RealtimeClient, 'watchSiteVisitors' | 'onSiteVisitorFrame'>;
  agentId(): string | null;
  log: Log;
  /** How long deltas gather before they go to the page: a busy site changes many times a second. */
  batchMs?: number;
  /** Before the one retry of an invitation whose answer was lost. */
  inviteRetryMs?: number;
}

export interface SiteVisitorService extends Disposable {
  watch(): Reply<'site-visitors:watch'>;
  unwatch(): Reply<'site-visitors:unwatch'>;
  invite(request: Request<'site-visitors:invite'>): Reply<'site-visitors:invite'>;
}

const BATCH_MS = 250;
const INVITE_RETRY_MS = 1000;

const needLogin = () => fail('UNAUTHENTICATED', 'log in first');

export function createSiteVisitorService(deps: SiteVisitorServiceDeps): SiteVisitorService {
  const { rest, remote, events, realtime, log } = deps;
  const batchMs = deps.batchMs ?? BATCH_MS;
  const store = new DisposableStore();
  const pending = new VisitorChangeBatch();
  /** Bumped by every watch and unwatch: an answer to an older one is dropped. */
  let generation = 0;
  let watching = false;
  /** A snapshot is on its way: deltas wait to be laid over it instead of going to the page. */
  let reading = false;
  /** The visitors the page was told about, to tell it who left while we were offline. */
  const shown = new Set<string>();
  let flushTimer: Disposable | null = null;

  function forward(changes: { upserted: SiteVisitor[]; left: string[] }) {
    for (const visitor of changes.upserted) shown.add(visitor.visitorId);
    for (const visitorId of changes.left) shown.delete(visitorId);
    if (changes.upserted.length > 0 || changes.left.length > 0) events.emit('site-visitors:changed', changes);
  }

  function flush() {
    flushTimer = null;
    if (!watching || reading) return;
    forward(pending.take());
  }

  function scheduleFlush() {
    if (flushTimer || reading || store.isDisposed) return;
    flushTimer = disposableTimeout(store, batchMs, flush);
  }

  function onFrame(frame: SiteVisitorFrame) {
    switch (frame.type) {
      case 'invitation':
        // The server tells the inviting agent about answers; a pending one is not news.
        if (frame.invitation.state !== 'pending') events.emit('invitation:answered', frame.invitation);
        return;
      case 'site-visitor':
        if (!watching) return;
        pending.upsert(frame.visitor);
        return scheduleFlush();
      case 'site-visitor.left':
        if (!watching) return;
        pending.leave(frame.visitorId);
        return scheduleFlush();
    }
  }

  /** Reads the snapshot with the deltas that came meanwhile laid over it; null when watching stopped meanwhile. */
  async function readSnapshot(): Promise<Result<SiteVisitor[]> | null> {
    const mine = generation;
    reading = true;
    const result = remote(await rest.call('listSiteVisitors', { query: {} }));
    if (mine !== generation) return null;
    reading = false;
    if (!result.ok) return result;
    return ok(pending.applyTo(result.value));
  }

  function stopWatching() {
    generation += 1;
    if (watching) realtime.watchSiteVisitors(false);
    watching = false;
    reading = false;
    pending.take();
    shown.clear();
    flushTimer?.dispose();
    flushTimer = null;
  }

  /** Back online while watched: who left or changed while we were away comes as one batch. */
  async function refreshAfterReconnect() {
    if (!watching || reading) return;
    const result = await readSnapshot();
    if (!result || store.isDisposed) return;
    if (!result.ok) {
      log('re-reading the site visitors after a reconnect failed', result.error.message);
      return scheduleFlush();
    }
    const present = new Set(result.value.map((v) => v.visitorId));
    forward({ upserted: result.value, left: [...shown].filter((id) => !present.has(id)) });
  }

  store.add(realtime.onSiteVisitorFrame(onFrame));
  store.add(deps.internal.on('connection:online', () => void refreshAfterReconnect()));

  /** Waits `ms`, or less when the service is disposed first (a call in flight must not hang closing). */
  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const early = store.add(toDisposable(resolve));
      disposableTimeout(store, ms, () => {
        store.forget(early);
        resolve();
      });
    });
  }

  async function inviteOnce(visitorId: string, clientId: string, text: string): Promise<Result<Invitation>> {
    return remote(await rest.call('inviteSiteVisitor', { params: { visitorId }, body: { clientId, text } }));
  }

  return {
    async watch() {
      if (!deps.agentId()) return needLogin();
      stopWatching();
      watching = true;
      // Deltas first: nothing that changes after the snapshot is read can be missed.
      realtime.watchSiteVisitors(true);
      const result = await readSnapshot();
      if (!result) return fail('CONFLICT', 'watching stopped before the visitors were read');
      if (!result.ok) {
        stopWatching();
        return result;
      }
      for (const visitor of result.value) shown.add(visitor.visitorId);
      scheduleFlush();
      return result;
    },
    async unwatch() {
      stopWatching();
      return ok(undefined);
    },
    async invite({ visitorId, text }) {
      if (!deps.agentId()) return needLogin();
      const clientId = uuidv7();
      const first = await inviteOnce(visitorId, clientId, text);
      if (first.ok || (first.error.code !== 'NETWORK' && first.error.code !== 'TIMEOUT')) return first;
      // The answer may have been lost after the server stored it: the same clientId is the same invitation.
      await pause(deps.inviteRetryMs ?? INVITE_RETRY_MS);
      return store.isDisposed ? first : inviteOnce(visitorId, clientId, text);
    },
    dispose() {
      if (watching) stopWatching();
      store.dispose();
    },
  };
}
