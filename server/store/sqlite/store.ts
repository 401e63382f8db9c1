import { join } from 'node:path';
import type { Store, StoredEvent, UnitResult } from '../types.js';
import { fileAttachmentStore } from '../attachment-files.js';
import { openDatabase } from './db.js';
import { startCheckpointer } from './checkpointer.js';
import { sqliteAgents, sqliteGroups, sqliteSessions, sqliteSettings, sqliteTopics, sqliteVisitors } from './repos-accounts.js';
import { sqliteConversations } from './repos-conversations.js';
import { sqliteAttachments, sqliteMessages, sqliteOfflineMessages } from './repos-messages.js';
import { sqliteEventLog } from './event-log.js';
import { sqlitePhoneRepositories } from './repos-phone.js';
import { sqlitePhraseRepositories } from './repos-phrases.js';
import { sqliteKnowledgeRepositories } from './repos-knowledge.js';
import { sqliteRecordRepositories } from './repos-records.js';
import { sqliteCustomerTrailRepositories } from './repos-customers.js';
import { sqliteLoginGuardRepositories } from './repos-login-guard.js';

/** The SQLite store: one database file `kefu.db` and an attachments folder inside dataDir. */
export function openSqliteStore(dataDir: string): Store {
  const file = join(dataDir, 'kefu.db');
  const db = openDatabase(file);
  const checkpointer = startCheckpointer(db, file);
  const pending: StoredEvent[] = [];
  const listeners: ((events: StoredEvent[]) => void)[] = [];
  let depth = 0;

  const emit = (): void => {
    const committed = pending.splice(0, pending.length);
    if (committed.length > 0) for (const listener of listeners) listener(committed);
  };

  /** Runs the outermost transaction: events written inside it are announced only once it committed. */
  const outermost = <T>(commit: () => T): T => {
    depth++;
    let result: T;
    try {
      result = commit();
    } catch (err) {
      pending.length = 0;
      throw err;
    } finally {
      depth--;
    }
    emit();
    return result;
  };

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
    ...sqlitePhoneRepositories(db),
    ...sqlitePhraseRepositories(db),
    ...sqliteKnowledgeRepositories(db),
    ...sqliteRecordRepositories(db),
    ...sqliteCustomerTrailRepositories(db),
    ...sqliteLoginGuardRepositories(db),
    transaction<T>(fn: () => T): T {
      if (depth > 0) return fn();
      // IMMEDIATE takes the write lock up front, so a check-then-write can never interleave
      // with another connection's write (relevant once a second process opens the file).
      return outermost(() => db.transaction(fn).immediate());
    },
    transactionEach<T>(units: (() => T)[]): UnitResult<T>[] {
      if (depth > 0) throw new Error('transactionEach cannot run inside another transaction');
      return outermost(() =>
        db
          .transaction(() =>
            units.map((unit): UnitResult<T> => {
              const mark = pending.length;
              try {
                // A nested better-sqlite3 transaction is a SAVEPOINT: a throw rolls back this unit only.
                return { ok: true, value: db.transaction(unit)() };
              } catch (error) {
                pending.length = mark;
                return { ok: false, error };
              }
            }),
          )
          .immediate(),
      );
    },
    onCommit(listener) {
      listeners.push(listener);
    },
    close() {
      // The worker's own connection closes on its own thread; nothing here waits for it.
      void checkpointer.stop();
      if (db.open) db.close();
    },
  };
  return store;
}
