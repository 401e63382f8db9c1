/**
 * IPC handlers of the phrases section (shared/ipc/phrases.ts). Reads come from the cache, so the
 * panel works offline and instantly; changes go to the server first, then the cache is refreshed.
 * The cache is synced when the connection comes (back) online — which covers login and reconnect —
 * and when the server hints that phrases changed (realtime `phrases.changed` → `phrases:outdated`).
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { phraseInvokeChannels } from '../../../shared/ipc/phrases.js';
import type { filePhraseInvokeChannels } from '../../../shared/ipc/file-phrases.js';
import type { PhraseList } from '../../../shared/phrases.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { WorkstationCore } from '../workstation-core.js';
import { cachedCategories, cachedPhrases, getMessageStyle, replacePhrases, saveMessageStyle } from './phrase-cache.js';

const needLogin = () => fail('UNAUTHENTICATED', 'log in first');

/** The canned files' channels are composed into the same section but served by file-phrase-handlers.ts. */
type PhraseChannel = Exclude<keyof typeof phraseInvokeChannels, keyof typeof filePhraseInvokeChannels>;

export function createPhraseHandlers(core: WorkstationCore): Pick<InvokeHandlers, PhraseChannel> {
  const { db, rest, events, session } = core;
  const agentId = () => session.current()?.agent.id ?? null;

  /** Fetches the list and replaces this agent's cache with it. */
  async function sync(): Promise<Result<PhraseList>> {
    const id = agentId();
    if (!id) return needLogin();
    const result = core.watchAuth(await rest.call('listPhrases'));
    if (!result.ok) return result;
    // The agent may have logged out while the request was out.
    if (agentId() !== id) return needLogin();
    // The services may have shut down (cache closed) while the request was out: nothing to keep.
    if (!db.open) return fail('INTERNAL', 'the workstation cache is closed');
    replacePhrases(db, id, result.value);
    events.emit('phrases:changed', { count: result.value.phrases.length });
    return result;
  }

  let online = false;
  events.on('connection:changed', ({ state }) => {
    const wasOnline = online;
    online = state === 'online';
    if (online && !wasOnline) {
      void sync().then(
        (r) => {
          if (!r.ok) core.log('phrase sync failed', r.error.message);
        },
        (error: unknown) => core.log('phrase sync failed', String(error)),
      );
    }
  });

  // The server's `phrases.changed` hint (another workstation or an admin changed something):
  // at most one fetch in flight plus one queued, however many hints a replay brings.
  let syncing = false;
  let syncAgain = false;
  events.on('phrases:outdated', () => {
    if (syncing) {
      syncAgain = true;
      return;
    }
    syncing = true;
    void (async () => {
      do {
        syncAgain = false;
        const r = await sync();
        if (!r.ok) core.log('phrase sync failed', r.error.message);
      } while (syncAgain);
    })()
      .catch((error: unknown) => core.log('phrase sync failed', String(error)))
      .finally(() => {
        syncing = false;
      });
  });

  /** After a change on the server: refresh the cache (a failed refresh is retried on the next reconnect). */
  async function changed<T>(result: Result<T>): Promise<Result<T>> {
    if (result.ok) await sync();
    return core.watchAuth(result);
  }

  return {
    'phrases:list': async (request) => {
      const id = agentId();
      if (!id) return needLogin();
      return ok({ categories: cachedCategories(db, id), phrases: cachedPhrases(db, id, request?.query) });
    },
    'phrases:categories': async () => {
      const id = agentId();
      return id ? ok(cachedCategories(db, id)) : needLogin();
    },
    'phrases:refresh': () => sync(),
    'phrases:create': async (request) => changed(await rest.call('createPhrase', { body: { ...request, scope: 'personal' } })),
    'phrases:update': async ({ id, patch }) => changed(await rest.call('updatePhrase', { params: { id }, body: patch })),
    'phrases:delete': async ({ id }) => {
      const result = await changed(await rest.call('deletePhrase', { params: { id } }));
      return result.ok ? ok(null) : result;
    },
    'auto-reply:get': async () => core.watchAuth(await rest.call('getAutoReply')),
    'auto-reply:set': async (body) => core.watchAuth(await rest.call('setMyAutoReply', { body })),
    'message-style:get': async () => ok(getMessageStyle(db)),
    'message-style:set': async (style) => {
      saveMessageStyle(db, style);
      return ok(style);
    },
  };
}
