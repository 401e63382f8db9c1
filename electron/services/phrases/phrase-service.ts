/**
 * 常用语: reads come from the cache, so the panel works offline and instantly; changes go to the
 * server first, then the cache is refreshed. The cache re-syncs when the connection comes (back)
 * online — which covers login and reconnect — and when the server hints that phrases changed
 * (the internal `phrases:outdated`). Owns those subscriptions; disposed once with the workstation.
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { PhraseList } from '../../../shared/phrases.js';
import type { MessageStyle } from '../../../shared/message-style.js';
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
import { cachedCategories, cachedPhrases, getMessageStyle, replacePhrases, saveMessageStyle } from './phrase-cache.js';

export interface PhraseServiceDeps {
  db: Db;
  rest: RestClient;
  remote: Remote;
  events: Pick<WorkstationEvents, 'emit'>;
  internal: InternalBus;
  gate: ClosingGate;
  agentId(): string | null;
  log: Log;
}

const needLogin = () => fail('UNAUTHENTICATED', 'log in first');

export interface PhraseService extends Disposable {
  list(request: Request<'phrases:list'>): Reply<'phrases:list'>;
  categories(): Reply<'phrases:categories'>;
  refresh(): Reply<'phrases:refresh'>;
  create(request: Request<'phrases:create'>): Reply<'phrases:create'>;
  update(request: Request<'phrases:update'>): Reply<'phrases:update'>;
  remove(request: Request<'phrases:delete'>): Reply<'phrases:delete'>;
  autoReply(): Reply<'auto-reply:get'>;
  setAutoReply(request: Request<'auto-reply:set'>): Reply<'auto-reply:set'>;
  messageStyle(): Reply<'message-style:get'>;
  setMessageStyle(style: MessageStyle): Reply<'message-style:set'>;
}

export function createPhraseService(deps: PhraseServiceDeps): PhraseService {
  const { db, rest, remote, events, gate } = deps;
  const store = new DisposableStore();

  /** Fetches the list and replaces this agent's cache with it (under the gate: closing waits for the write). */
  const sync = (): Promise<Result<PhraseList>> =>
    gate.run(async () => {
      const id = deps.agentId();
      if (!id) return needLogin();
      const result = remote(await rest.call('listPhrases'));
      if (!result.ok) return result;
      // The agent may have logged out while the request was out.
      if (deps.agentId() !== id) return needLogin();
      replacePhrases(db, id, result.value);
      events.emit('phrases:changed', { count: result.value.phrases.length });
      return result;
    });

  const logFailure = (error: unknown) => deps.log('phrase sync failed', error instanceof Error ? error.message : String(error));
  const syncLogged = async () => {
    const result = await sync();
    if (!result.ok) logFailure(new Error(result.error.message));
  };

  // The server's `phrases.changed` hint (another workstation or an admin changed something):
  // one fetch in flight plus one queued (coalescedSync).
  const outdated = coalescedSync(gate, syncLogged, () => store.isDisposed, logFailure);

  store.add(deps.internal.on('connection:online', () => gate.runInBackground(syncLogged, logFailure)));
  store.add(deps.internal.on('phrases:outdated', outdated));

  /** After a change on the server: refresh the cache (a failed refresh is retried on the next reconnect). */
  async function changed<T>(result: Result<T>): Promise<Result<T>> {
    if (result.ok) await sync();
    return remote(result);
  }

  return {
    async list(request) {
      const id = deps.agentId();
      if (!id) return needLogin();
      return ok({ categories: cachedCategories(db, id), phrases: cachedPhrases(db, id, request?.query) });
    },
    async categories() {
      const id = deps.agentId();
      return id ? ok(cachedCategories(db, id)) : needLogin();
    },
    refresh: sync,
    create: async (request) => changed(await rest.call('createPhrase', { body: { ...request, scope: 'personal' } })),
    update: async ({ id, patch }) => changed(await rest.call('updatePhrase', { params: { id }, body: patch })),
    async remove({ id }) {
      const result = await changed(await rest.call('deletePhrase', { params: { id } }));
      return result.ok ? ok(null) : result;
    },
    autoReply: async () => remote(await rest.call('getAutoReply')),
    setAutoReply: async (body) => remote(await rest.call('setMyAutoReply', { body })),
    messageStyle: async () => ok(getMessageStyle(db)),
    async setMessageStyle(style) {
      saveMessageStyle(db, style);
      return ok(style);
    },
    dispose: () => store.dispose(),
  };
}
