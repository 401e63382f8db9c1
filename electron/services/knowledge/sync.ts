/**
 * Pulls the server's knowledge changes feed into the cache, page by page from the stored cursor.
 * One sync at a time (callers share the running one). Search asks for a fresh-enough cache
 * before it runs, but never waits long: offline, the cache is what we have.
 */
import { ok, type Result } from '../../../shared/errors.js';
import type { RestClient } from '../api/rest-client.js';
import type { ClosingGate } from '../base/closing-gate.js';
import type { Db } from '../cache/database.js';
import { applyKnowledgeChanges, readSyncState, resetKnowledge, sameGroups } from './knowledge-repo.js';

export interface KnowledgeSync {
  sync(): Promise<Result<{ changed: number; syncedAt: number | null }>>;
  /** Syncs when the last sync is older than maxAgeMs, waiting at most waitMs for it. */
  freshen(maxAgeMs: number, waitMs: number): Promise<void>;
  syncedAt(): number | null;
}

const PAGE = 500;
/** Bounded: 200 pages of 500 is 100,000 entries per call; the rest comes next time. */
const MAX_PAGES = 200;

export interface KnowledgeSyncOptions {
  db: Db;
  rest: RestClient;
  serverUrl: () => string;
  clock: () => number;
  /** The workstation's closing gate: a pull runs under it (closing waits for its write) and stops paging once closing. */
  gate?: Pick<ClosingGate, 'run' | 'closing'>;
}

export function createKnowledgeSync(options: KnowledgeSyncOptions): KnowledgeSync {
  const { db, rest } = options;
  let running: ReturnType<KnowledgeSync['sync']> | null = null;

  async function pull(): ReturnType<KnowledgeSync['sync']> {
    const serverUrl = options.serverUrl();
    let state = readSyncState(db);
    if (!state || state.serverUrl !== serverUrl) {
      resetKnowledge(db, serverUrl);
      state = readSyncState(db);
    }
    let cursor = state?.cursor ?? 0;
    let groups = state?.groups ?? [];
    let changed = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await rest.call('knowledgeChanges', { query: { after: cursor, limit: PAGE } });
      if (!result.ok) return result;
      // Another reader's view (the agent left or joined a group, someone else logged in): entries of a
      // group left behind lie below the cursor and would never come as removals. Start over from 0.
      if (!sameGroups(result.value.groups, groups) && cursor > 0) {
        resetKnowledge(db, serverUrl, result.value.groups);
        groups = result.value.groups;
        cursor = 0;
        changed++;
        continue;
      }
      groups = result.value.groups;
      changed += applyKnowledgeChanges(db, result.value, serverUrl, options.clock());
      cursor = result.value.cursor;
      // Closing: keep what is applied (the cursor is stored with it); the rest comes next time.
      if (!result.value.more || options.gate?.closing) break;
    }
    return ok({ changed, syncedAt: readSyncState(db)?.syncedAt ?? null });
  }

  const sync: KnowledgeSync['sync'] = () => {
    running ??= (options.gate ? options.gate.run(pull) : pull()).finally(() => {
      running = null;
    });
    return running;
  };

  const syncedAt = (): number | null => {
    const state = readSyncState(db);
    return state && state.serverUrl === options.serverUrl() ? state.syncedAt : null;
  };

  return {
    sync,
    syncedAt,
    async freshen(maxAgeMs, waitMs) {
      const last = syncedAt();
      if (last !== null && options.clock() - last < maxAgeMs) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([sync(), new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
      clearTimeout(timer);
    },
  };
}
