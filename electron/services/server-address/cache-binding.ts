/**
 * The cache belongs to one server: conversations, messages, the outbox, phrases, knowledge, calls
 * and the session all came from (or are owed to) the server in server_binding.cache_server, and
 * are never shown against another. Switching empties every table except the workstation's own
 * (settings, local preferences, this binding) — by listing what to keep, so a table a later
 * migration adds is cleared without anyone remembering to.
 */
import type { Db } from '../cache/database.js';

export interface ServerBinding {
  /** The server the cached data came from; null before anything was cached (a new install). */
  cacheServer: string | null;
  /** The agent's own choice on the login page; null = the deployment's default. */
  chosenServer: string | null;
}

/** The workstation's own tables: not about any server, kept across a switch. */
export const WORKSTATION_TABLES: ReadonlySet<string> = new Set(['settings', 'local_prefs', 'server_binding']);

export function readBinding(db: Db): ServerBinding {
  const row = db.prepare('SELECT cache_server, chosen_server FROM server_binding WHERE id = 1').get() as
    { cache_server: string | null; chosen_server: string | null } | undefined;
  return { cacheServer: row?.cache_server ?? null, chosenServer: row?.chosen_server ?? null };
}

export function saveBinding(db: Db, patch: Partial<ServerBinding>): void {
  const next = { ...readBinding(db), ...patch };
  db.prepare('INSERT OR REPLACE INTO server_binding (id, cache_server, chosen_server) VALUES (1, ?, ?)').run(next.cacheServer, next.chosenServer);
}

/** Every message written here and not yet stored by the server, whoever wrote it. */
export function unsentMessages(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n;
}

/**
 * Empties what the current server sent and binds the cache to `server`, in one transaction.
 * Ordinary tables first (their triggers keep the FTS indexes in step), then any FTS index is
 * emptied outright; shadow tables belong to their index and are never touched directly.
 */
export function rebindCache(db: Db, server: string): void {
  const tables = db.prepare('PRAGMA table_list').all() as { schema: string; name: string; type: string }[];
  const ours = tables.filter((table) => table.schema === 'main' && !table.name.startsWith('sqlite_') && !WORKSTATION_TABLES.has(table.name));
  db.transaction(() => {
    for (const table of ours.filter((t) => t.type === 'table')) db.exec(`DELETE FROM "${table.name}"`);
    for (const table of ours.filter((t) => t.type === 'virtual')) {
      try {
        // External-content and contentless FTS5 tables are emptied with the 'delete-all' command.
        db.exec(`INSERT INTO "${table.name}" ("${table.name}") VALUES ('delete-all')`);
      } catch {
        db.exec(`DELETE FROM "${table.name}"`);
      }
    }
    saveBinding(db, { cacheServer: server });
  })();
}
