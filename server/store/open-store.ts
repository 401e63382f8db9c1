import type { Store } from './types.js';
import { openSqliteStore } from './sqlite/store.js';

export interface StoreLocation {
  /** The node's data folder: SQLite's kefu.db and attachments, unless databaseUrl is set. */
  dataDir: string;
  /** postgres://… (KEFU_DATABASE_URL): PostgreSQL is the system of record, for one node or many. */
  databaseUrl?: string;
}

/**
 * SQLite in dataDir is the embedded default; a PostgreSQL URL selects the multi-node store. The
 * PostgreSQL code (and its native libpq binding, an optional dependency) is loaded only then, so
 * a machine without libpq still runs the embedded default.
 */
export async function openStore(location: StoreLocation): Promise<Store> {
  if (!location.databaseUrl) return openSqliteStore(location.dataDir);
  if (!/^postgres(ql)?:\/\//.test(location.databaseUrl)) throw new Error('KEFU_DATABASE_URL must be a postgres:// or postgresql:// URL');
  let postgres: typeof import('./postgres/store.js');
  try {
    postgres = await import('./postgres/store.js');
  } catch (error) {
    throw new Error(
      `PostgreSQL support needs pg-native's libpq binding, which did not load (${error instanceof Error ? error.message : String(error)}): install libpq-dev (Debian) and run npm ci again`,
    );
  }
  return postgres.openPostgresStore(location.databaseUrl);
}
