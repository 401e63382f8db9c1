import type { Store } from './types.js';
import { openPostgresStore } from './postgres/store.js';
import { openSqliteStore } from './sqlite/store.js';

export interface StoreLocation {
  /** The node's data folder: SQLite's kefu.db and attachments, unless databaseUrl is set. */
  dataDir: string;
  /** postgres://… (KEFU_DATABASE_URL): PostgreSQL is the system of record, for one node or many. */
  databaseUrl?: string;
}

/** SQLite in dataDir is the embedded default; a PostgreSQL URL selects the multi-node store. */
export function openStore(location: StoreLocation): Store {
  if (!location.databaseUrl) return openSqliteStore(location.dataDir);
  if (!/^postgres(ql)?:\/\//.test(location.databaseUrl)) throw new Error('KEFU_DATABASE_URL must be a postgres:// or postgresql:// URL');
  return openPostgresStore(location.databaseUrl);
}
