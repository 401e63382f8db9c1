import type { Store } from '../types.js';
import { createSqlStore } from '../sql/sql-store.js';
import { postgresAttachmentStore } from './blob-store.js';
import { LOCK_KEYS } from './lock-keys.js';
import { migratePostgres } from './migrate.js';
import { openPgConnection } from './pg-db.js';

/**
 * The PostgreSQL store (KEFU_DATABASE_URL=postgres://…): the same repositories as SQLite over one
 * connection per node, its schema migrated under an advisory lock, attachment bytes in the
 * database so every node serves every file.
 */
export function openPostgresStore(connectionString: string): Store {
  const db = openPgConnection(connectionString);
  try {
    migratePostgres(db);
  } catch (error) {
    db.close();
    throw error;
  }
  let savepoints = 0;
  return createSqlStore({
    db,
    transactions: {
      outer(fn, recheckUnderLock) {
        db.begin(LOCK_KEYS.writes, recheckUnderLock);
        let result;
        try {
          result = fn();
          db.commit();
        } catch (error) {
          db.rollback();
          throw error;
        }
        return result;
      },
      savepoint(fn) {
        const name = `unit_${++savepoints}`;
        db.savepoint(name);
        let result;
        try {
          result = fn();
        } catch (error) {
          db.rollbackTo(name);
          throw error;
        }
        db.release(name);
        return result;
      },
    },
    attachmentBytes: postgresAttachmentStore(db),
    close: () => db.close(),
  });
}
