import { join } from 'node:path';
import type { Store, StoredEvent } from '../types.js';
import { fileAttachmentStore } from '../attachment-files.js';
import { openDatabase } from './db.js';
import { sqliteAgents, sqliteGroups, sqliteSessions, sqliteSettings, sqliteTopics, sqliteVisitors } from './repos-accounts.js';
import { sqliteConversations } from './repos-conversations.js';
import { sqliteAttachments, sqliteMessages, sqliteOfflineMessages } from './repos-messages.js';
import { sqliteEventLog } from './event-log.js';

/** The SQLite store: one database file `kefu.db` and an attachments folder inside dataDir. */
export function openSqliteStore(dataDir: string): Store {
  const db = openDatabase(join(dataDir, 'kefu.db'));
  const pending: StoredEvent[] = [];
  const listeners: ((events: StoredEvent[]) => void)[] = [];
  let depth = 0;

  const store: Store = {
    agents: sqliteAgents(db),
    sessions: sqliteSessions(db),
    visitors: sqliteVisitors(db),
    groups: sqliteGroups(db),
    topics: sqliteTopics(db),
    settings: sqliteSettings(db),
    conversations: sqliteConversations(db),
    messages: sqliteMessages(db),
    attachments: sqliteAttachments(db),
    attachmentBytes: fileAttachmentStore(join(dataDir, 'attachments')),
    offlineMessages: sqliteOfflineMessages(db),
    events: sqliteEventLog(db, pending),
    transaction<T>(fn: () => T): T {
      if (depth > 0) return fn();
      depth++;
      let result: T;
      try {
        // IMMEDIATE takes the write lock up front, so a check-then-write can never interleave
        // with another connection's write (relevant once a second process opens the file).
        result = db.transaction(fn).immediate();
      } catch (err) {
        pending.length = 0;
        throw err;
      } finally {
        depth--;
      }
      const committed = pending.splice(0, pending.length);
      if (committed.length > 0) for (const listener of listeners) listener(committed);
      return result;
    },
    onCommit(listener) {
      listeners.push(listener);
    },
    close() {
      if (db.open) db.close();
    },
  };
  return store;
}
