import { join } from 'node:path';
import type { Store } from '../types.js';
import { fileAttachmentStore } from '../attachment-files.js';
import { createSqlStore } from '../sql/sql-store.js';
import { openDatabase, sqliteSqlDb } from './db.js';
import { startCheckpointer } from './checkpointer.js';

/** The SQLite store: one database file `kefu.db` and an attachments folder inside dataDir. */
export function openSqliteStore(dataDir: string): Store {
  const file = join(dataDir, 'kefu.db');
  const db = openDatabase(file);
  const checkpointer = startCheckpointer(db, file);
  return createSqlStore({
    db: sqliteSqlDb(db),
    transactions: {
      // IMMEDIATE takes the write lock up front, so a check-then-write can never interleave
      // with another connection's write (relevant once a second process opens the file).
      outer: (fn) => db.transaction(fn).immediate(),
      // A nested better-sqlite3 transaction is a SAVEPOINT.
      savepoint: (fn) => db.transaction(fn)(),
    },
    attachmentBytes: fileAttachmentStore(join(dataDir, 'attachments')),
    close() {
      // The worker's own connection closes on its own thread; nothing here waits for it.
      void checkpointer.stop();
      if (db.open) db.close();
    },
  });
}
