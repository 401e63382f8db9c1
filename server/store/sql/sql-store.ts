/**
 * A Store over any SqlDb: the repositories (written once, ./repos-*.ts), the event log, and the
 * unit-of-work rules every engine shares. What differs per engine is only how a transaction and a
 * savepoint are opened (`TransactionRunner`), where attachment bytes live, and what closing means.
 */
import type { AttachmentStore, Store, StoredEvent, TransactionEachOptions, UnitResult } from '../types.js';
import { sqlAgents, sqlGroups, sqlSessions, sqlSettings, sqlTopics, sqlVisitors } from './repos-accounts.js';
import { sqlConversations } from './repos-conversations.js';
import { sqlAttachments, sqlMessages, sqlOfflineMessages } from './repos-messages.js';
import { sqlEventLog } from './event-log.js';
import { sqlPhoneRepositories } from './repos-phone.js';
import { sqlPhraseRepositories } from './repos-phrases.js';
import { sqlKnowledgeRepositories } from './repos-knowledge.js';
import { sqlRecordRepositories } from './repos-records.js';
import { sqlCustomerTrailRepositories } from './repos-customers.js';
import { sqlLoginGuardRepositories } from './repos-login-guard.js';
import { sqlAuditRepositories } from './repos-audit.js';
import { sqlNoticeRepositories } from './repos-notices.js';
import { sqlBlacklistRepositories } from './repos-blacklist.js';
import { sqlSupervisionRepositories } from './repos-supervision.js';
import { sqlSiteVisitorRepositories } from './repos-site-visitors.js';
import { sqlTagCategoryRepositories } from './repos-tag-categories.js';
import { sqlActivityRepositories } from './repos-activity.js';
import { sqlPresenceRepositories } from './repos-presence.js';
import { sqlWidgetSettingsRepositories } from './repos-widget-settings.js';
import { sqlReportRepositories } from './repos-reports.js';
import type { SqlDb } from './sql-db.js';

export interface TransactionRunner {
  /**
   * Runs fn as the outermost transaction, holding the write lock from its start — or, given
   * `recheckUnderLock` and where the engine can, from its first write on, re-checking its reads
   * under it (see TransactionEachOptions); commits or rolls back.
   */
  outer<T>(fn: () => T, recheckUnderLock?: () => void): T;
  /** Runs fn in a savepoint of the open transaction: a throw rolls back fn's writes only. */
  savepoint<T>(fn: () => T): T;
}

export interface SqlStoreParts {
  db: SqlDb;
  transactions: TransactionRunner;
  attachmentBytes: AttachmentStore;
  close(): void;
}

export function createSqlStore(parts: SqlStoreParts): Store {
  const { db, transactions } = parts;
  const pending: StoredEvent[] = [];
  const listeners: ((events: StoredEvent[]) => void)[] = [];
  let depth = 0;
  const events = sqlEventLog(db, pending);

  const emit = (): void => {
    const committed = pending.splice(0, pending.length);
    if (committed.length > 0) for (const listener of listeners) listener(committed);
  };

  /** Runs fn as the outermost transaction: events written inside it are announced only once it committed. */
  const outermost = <T>(fn: () => T, recheckUnderLock?: () => void): T => {
    depth++;
    let result: T;
    try {
      result = transactions.outer(fn, recheckUnderLock);
    } catch (err) {
      pending.length = 0;
      throw err;
    } finally {
      depth--;
    }
    emit();
    return result;
  };

  return {
    agents: sqlAgents(db),
    sessions: sqlSessions(db),
    visitors: sqlVisitors(db),
    groups: sqlGroups(db),
    topics: sqlTopics(db),
    settings: sqlSettings(db),
    conversations: sqlConversations(db),
    messages: sqlMessages(db),
    attachments: sqlAttachments(db),
    attachmentBytes: parts.attachmentBytes,
    offlineMessages: sqlOfflineMessages(db),
    events,
    ...sqlPhoneRepositories(db),
    ...sqlPhraseRepositories(db),
    ...sqlKnowledgeRepositories(db),
    ...sqlRecordRepositories(db),
    ...sqlCustomerTrailRepositories(db),
    ...sqlLoginGuardRepositories(db),
    ...sqlAuditRepositories(db),
    ...sqlNoticeRepositories(db),
    ...sqlBlacklistRepositories(db),
    ...sqlTagCategoryRepositories(db),
    ...sqlActivityRepositories(db),
    ...sqlPresenceRepositories(db),
    ...sqlSupervisionRepositories(db),
    ...sqlSiteVisitorRepositories(db),
    ...sqlWidgetSettingsRepositories(db),
    ...sqlReportRepositories(db),
    transaction<T>(fn: () => T): T {
      if (depth > 0) return fn();
      return outermost(fn);
    },
    transactionEach<T>(units: ((grouped: boolean) => T)[], options: TransactionEachOptions = {}): UnitResult<T>[] {
      if (depth > 0) throw new Error('transactionEach cannot run inside another transaction');
      const alone = (unit: (grouped: boolean) => T): UnitResult<T> => {
        try {
          return { ok: true, value: outermost(() => unit(false)) };
        } catch (error) {
          return { ok: false, error };
        }
      };
      // One unit needs no savepoint, unless it may be re-checked under a late lock (and rerun if stale).
      if (units.length === 1 && !options.recheckUnderLock) return [alone(units[0]!)];
      try {
        return outermost(
          () =>
            units.map((unit): UnitResult<T> => {
              const mark = pending.length;
              try {
                return { ok: true, value: transactions.savepoint(() => unit(true)) };
              } catch (error) {
                pending.length = mark;
                return { ok: false, error };
              }
            }),
          options.recheckUnderLock,
        );
      } catch {
        // The batch failed as a whole (its COMMIT, a stale re-check, or on PostgreSQL a queued
        // write of one unit that only failed when sent): nothing of it is stored. Each unit gets its own
        // transaction, so one bad unit fails alone instead of taking the batch with it.
        return units.map(alone);
      }
    },
    onCommit(listener) {
      listeners.push(listener);
    },
    close: parts.close,
  };
}
