/** 知识库: search and read the cache, synced from the server's changes feed (knowledge/sync.ts). */
import { fail, ok } from '../../../shared/errors.js';
import type { RestClient } from '../api/rest-client.js';
import type { ClosingGate } from '../base/closing-gate.js';
import type { Db } from '../cache/database.js';
import type { Reply, Request } from '../ipc/invoke-types.js';
import type { Remote } from '../workstation-core.js';
import { getKnowledgeEntry, listKnowledgeCategories } from './knowledge-repo.js';
import { searchKnowledge } from './search.js';
import { createKnowledgeSync } from './sync.js';

/** A search syncs first when the cache is older than this… */
const FRESH_MS = 3_000;
/** …but waits for the server no longer than this. */
const WAIT_MS = 1_500;

export interface KnowledgeServiceDeps {
  db: Db;
  rest: RestClient;
  remote: Remote;
  gate: ClosingGate;
  loggedIn(): boolean;
  serverUrl(): string;
  clock(): number;
}

export interface KnowledgeService {
  search(request: Request<'knowledge:search'>): Reply<'knowledge:search'>;
  entry(request: Request<'knowledge:get'>): Reply<'knowledge:get'>;
  categories(): Reply<'knowledge:categories'>;
  sync(): Reply<'knowledge:sync'>;
}

export function createKnowledgeService(deps: KnowledgeServiceDeps): KnowledgeService {
  const { db } = deps;
  const sync = createKnowledgeSync({ db, rest: deps.rest, serverUrl: deps.serverUrl, clock: deps.clock, gate: deps.gate });
  return {
    async search(request) {
      if (deps.loggedIn()) await sync.freshen(FRESH_MS, WAIT_MS);
      return ok({ ...searchKnowledge(db, request), syncedAt: sync.syncedAt() });
    },
    async entry({ id }) {
      const entry = getKnowledgeEntry(db, id);
      return entry ? ok(entry) : fail('NOT_FOUND', 'No such knowledge entry in the cache');
    },
    async categories() {
      if (deps.loggedIn()) await sync.freshen(FRESH_MS, WAIT_MS);
      return ok(listKnowledgeCategories(db));
    },
    async sync() {
      if (!deps.loggedIn()) return fail('UNAUTHENTICATED', 'log in first');
      return deps.remote(await sync.sync());
    },
  };
}
