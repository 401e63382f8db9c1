/** The knowledge channels of the IPC contract: search and read the cache, sync it from the server. */
import { fail, ok } from '../../../shared/errors.js';
import type { knowledgeInvokeChannels } from '../../../shared/ipc/knowledge.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { WorkstationCore } from '../workstation-core.js';
import { getKnowledgeEntry, listKnowledgeCategories } from './knowledge-repo.js';
import { searchKnowledge } from './search.js';
import { createKnowledgeSync } from './sync.js';

/** A search syncs first when the cache is older than this… */
const FRESH_MS = 3_000;
/** …but waits for the server no longer than this. */
const WAIT_MS = 1_500;

export function createKnowledgeHandlers(core: WorkstationCore): Pick<InvokeHandlers, keyof typeof knowledgeInvokeChannels> {
  const sync = createKnowledgeSync({ db: core.db, rest: core.rest, serverUrl: () => core.settings().serverUrl, clock: Date.now });
  const loggedIn = () => core.session.current() !== null;

  return {
    'knowledge:search': async (request) => {
      if (loggedIn()) await sync.freshen(FRESH_MS, WAIT_MS);
      return ok({ ...searchKnowledge(core.db, request), syncedAt: sync.syncedAt() });
    },
    'knowledge:get': async ({ id }) => {
      const entry = getKnowledgeEntry(core.db, id);
      return entry ? ok(entry) : fail('NOT_FOUND', 'No such knowledge entry in the cache');
    },
    'knowledge:categories': async () => {
      if (loggedIn()) await sync.freshen(FRESH_MS, WAIT_MS);
      return ok(listKnowledgeCategories(core.db));
    },
    'knowledge:sync': async () => {
      if (!loggedIn()) return fail('UNAUTHENTICATED', 'log in first');
      return core.watchAuth(await sync.sync());
    },
  };
}
