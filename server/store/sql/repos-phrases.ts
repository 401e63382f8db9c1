import type { AutoReply, CompanyAutoReply } from '../../../shared/phrases.js';
import { AUTO_REPLY_CLIENT_PREFIX } from '../../../shared/phrases.js';
import type { AutoReplyRepository, PhraseCategoryRepository, PhraseCategoryRow, PhraseRepositories, PhraseRepository, PhraseRow } from '../phrase-types.js';
import { type SqlDb, fromRow, fromRows, insertRow, updateRow } from './sql-db.js';
import { sqlFilePhrases } from './repos-file-phrases.js';
import { scopedReads } from './phrase-scope-sql.js';

function sqlPhrases(db: SqlDb): PhraseRepository {
  const reads = scopedReads(db, 'phrases');
  const byId = db.prepare('SELECT * FROM phrases WHERE id = ?');
  const remove = db.prepare('DELETE FROM phrases WHERE id = ?');
  return {
    visibleTo: (reader) => fromRows<PhraseRow>(reads.visibleTo(reader)),
    shared: (filter) => fromRows<PhraseRow>(reads.shared(filter)),
    byId: (id) => {
      const row = byId.get(id);
      return row ? fromRow<PhraseRow>(row) : undefined;
    },
    countFor: reads.countFor,
    insert: (row) => insertRow(db, 'phrases', row),
    update: (id, patch) => updateRow(db, 'phrases', 'id', id, patch),
    remove: (id) => void remove.run(id),
    nextSortOrder: reads.nextSortOrder,
  };
}

function sqlPhraseCategories(db: SqlDb): PhraseCategoryRepository {
  const reads = scopedReads(db, 'phrase_categories');
  const byId = db.prepare('SELECT * FROM phrase_categories WHERE id = ?');
  const remove = db.prepare('DELETE FROM phrase_categories WHERE id = ?');
  return {
    visibleTo: (reader) => fromRows<PhraseCategoryRow>(reads.visibleTo(reader)),
    shared: (filter) => fromRows<PhraseCategoryRow>(reads.shared(filter)),
    byId: (id) => {
      const row = byId.get(id);
      return row ? fromRow<PhraseCategoryRow>(row) : undefined;
    },
    countFor: reads.countFor,
    insert: (row) => insertRow(db, 'phrase_categories', row),
    update: (id, patch) => updateRow(db, 'phrase_categories', 'id', id, patch),
    remove: (id) => void remove.run(id),
    nextSortOrder: reads.nextSortOrder,
  };
}

const TEXT_FIELDS = ['greetingEnabled', 'busyEnabled'] as const;

function sqlAutoReplies(db: SqlDb): AutoReplyRepository {
  const forAgent = db.prepare('SELECT greeting_enabled, greeting, busy_enabled, busy_reply FROM auto_replies WHERE agent_id = ?');
  const put = db.prepare(
    `INSERT INTO auto_replies (agent_id, greeting_enabled, greeting, busy_enabled, busy_reply, updated_at)
     VALUES (@agentId, @greetingEnabled, @greeting, @busyEnabled, @busyReply, @now)
     ON CONFLICT(agent_id) DO UPDATE SET greeting_enabled = excluded.greeting_enabled, greeting = excluded.greeting,
       busy_enabled = excluded.busy_enabled, busy_reply = excluded.busy_reply, updated_at = excluded.updated_at`,
  );
  const removeForAgent = db.prepare('DELETE FROM auto_replies WHERE agent_id = ?');
  const company = db.prepare('SELECT greeting_enabled, greeting, busy_enabled, busy_reply, not_responding_seconds FROM company_auto_reply WHERE id = 1');
  const putCompany = db.prepare(
    `UPDATE company_auto_reply SET greeting_enabled = @greetingEnabled, greeting = @greeting, busy_enabled = @busyEnabled,
       busy_reply = @busyReply, not_responding_seconds = @notRespondingSeconds, updated_at = @now WHERE id = 1`,
  );
  const markSent = db.prepare('INSERT INTO auto_replies_sent (conversation_id, kind, agent_id, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const unanswered = db.prepare(
    `SELECT c.id AS conversation_id, c.agent_id FROM conversations c
     WHERE c.state = 'active' AND c.agent_id IS NOT NULL AND c.assigned_at IS NOT NULL AND c.assigned_at < @before
       AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.sender = 'agent' AND m.sender_id = c.agent_id
                       AND m.created_at >= c.assigned_at AND substr(m.client_id, 1, @prefixLength) <> @prefix)`,
  );
  const bools = (value: AutoReply | CompanyAutoReply) => ({ ...value, greetingEnabled: value.greetingEnabled ? 1 : 0, busyEnabled: value.busyEnabled ? 1 : 0 });
  return {
    forAgent: (agentId) => {
      const row = forAgent.get(agentId);
      return row ? fromRow<AutoReply>(row, TEXT_FIELDS) : undefined;
    },
    putForAgent: (agentId, value, now) => {
      if (value === null) removeForAgent.run(agentId);
      else put.run({ agentId, now, ...bools(value) });
    },
    company: () => fromRow<CompanyAutoReply>(company.get(), TEXT_FIELDS),
    putCompany: (value, now) => void putCompany.run({ now, ...bools(value) }),
    markSent: (conversationId, kind, agentId, now) => markSent.run(conversationId, kind, agentId, now).changes === 1,
    unanswered: (assignedBefore) =>
      fromRows<{ conversationId: string; agentId: string }>(
        unanswered.all({ before: assignedBefore, prefix: AUTO_REPLY_CLIENT_PREFIX, prefixLength: AUTO_REPLY_CLIENT_PREFIX.length }),
      ),
  };
}

export function sqlPhraseRepositories(db: SqlDb): PhraseRepositories {
  return { phrases: sqlPhrases(db), filePhrases: sqlFilePhrases(db), phraseCategories: sqlPhraseCategories(db), autoReplies: sqlAutoReplies(db) };
}
