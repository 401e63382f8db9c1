import type {
  AgentRepository,
  AgentRow,
  GroupRepository,
  GroupRow,
  GroupUsage,
  SessionRepository,
  SessionRow,
  SettingsRepository,
  TopicRepository,
  TopicRow,
  VisitorRepository,
  VisitorRow,
} from '../types.js';
import type { ServerSettings } from '../../../shared/index.js';
import { type SqlDb, fromRow, fromRows, insertRow, updateRow } from './sql-db.js';

/** The agents' 0/1 columns, read as booleans. */
const AGENT_FLAGS = ['mustChangePassword'];

export function sqlAgents(db: SqlDb): AgentRepository {
  const byId = db.prepare('SELECT * FROM agents WHERE id = ?');
  const byAccount = db.prepare('SELECT * FROM agents WHERE account = ?');
  const byAvatarId = db.prepare('SELECT * FROM agents WHERE avatar_id = ?');
  const list = db.prepare('SELECT * FROM agents ORDER BY created_at, account');
  const loadOf = db.prepare("SELECT COUNT(*) AS n FROM conversations WHERE agent_id = ? AND state = 'active'");
  const loads = db.prepare("SELECT agent_id, COUNT(*) AS n FROM conversations WHERE state = 'active' AND agent_id IS NOT NULL GROUP BY agent_id");
  const count = db.prepare('SELECT COUNT(*) AS n FROM agents');
  const remove = db.prepare('DELETE FROM agents WHERE id = ?');
  // Everything that names the agent and must outlive it (sessions, settings and own phrases go with it).
  const history = db.prepare(
    `SELECT EXISTS (SELECT 1 FROM conversations WHERE agent_id = @id OR requested_agent_id = @id OR summary_agent_id = @id)
       OR EXISTS (SELECT 1 FROM messages WHERE sender = 'agent' AND sender_id = @id)
       OR EXISTS (SELECT 1 FROM calls WHERE agent_id = @id)
       OR EXISTS (SELECT 1 FROM offline_messages WHERE replied_by = @id)
       OR EXISTS (SELECT 1 FROM visitors WHERE pref_agent_id = @id)
       OR EXISTS (SELECT 1 FROM audit_log WHERE actor_id = @id) AS used`,
  );
  return {
    byId: (id) => {
      const row = byId.get(id);
      return row ? fromRow<AgentRow>(row, AGENT_FLAGS) : undefined;
    },
    byAccount: (account) => {
      const row = byAccount.get(account);
      return row ? fromRow<AgentRow>(row, AGENT_FLAGS) : undefined;
    },
    byAvatarId: (avatarId) => {
      const row = byAvatarId.get(avatarId);
      return row ? fromRow<AgentRow>(row, AGENT_FLAGS) : undefined;
    },
    list: () => fromRows<AgentRow>(list.all(), AGENT_FLAGS),
    insert: (row) => insertRow(db, 'agents', row),
    update: (id, patch) => updateRow(db, 'agents', 'id', id, patch),
    loadOf: (id) => (loadOf.get(id) as { n: number }).n,
    loads: () => new Map((loads.all() as { agent_id: string; n: number }[]).map((r) => [r.agent_id, r.n])),
    count: () => (count.get() as { n: number }).n,
    delete: (id) => void remove.run(id),
    hasHistory: (id) => Boolean((history.get({ id }) as { used: number | boolean }).used),
  };
}

export function sqlSessions(db: SqlDb): SessionRepository {
  const byId = db.prepare('SELECT * FROM sessions WHERE id = ?');
  const byToken = db.prepare('SELECT * FROM sessions WHERE token_hash = ?');
  const byRefresh = db.prepare('SELECT * FROM sessions WHERE refresh_hash = ?');
  const bySpent = db.prepare('SELECT s.* FROM spent_refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE t.refresh_hash = ?');
  const liveOf = db.prepare('SELECT id FROM sessions WHERE agent_id = ? AND ended_at IS NULL');
  const rotate = db.prepare('UPDATE sessions SET token_hash = ?, refresh_hash = ?, token_issued_at = ?, last_seen_at = ? WHERE id = ?');
  const spend = db.prepare('INSERT INTO spent_refresh_tokens (refresh_hash, session_id, spent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?');
  const end = db.prepare('UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL');
  const prune = db.prepare('DELETE FROM sessions WHERE (ended_at IS NOT NULL AND ended_at < ?) OR created_at < ?');
  const one = (row: unknown): SessionRow | undefined => (row ? fromRow<SessionRow>(row) : undefined);
  return {
    insert: (row) => insertRow(db, 'sessions', row),
    byId: (id) => one(byId.get(id)),
    byTokenHash: (hash) => one(byToken.get(hash)),
    byRefreshHash: (hash) => one(byRefresh.get(hash)),
    bySpentRefreshHash: (hash) => one(bySpent.get(hash)),
    liveIdsOf: (agentId) => (liveOf.all(agentId) as { id: string }[]).map((r) => r.id),
    rotate: (id, next, spentRefreshHash) => {
      rotate.run(next.tokenHash, next.refreshHash, next.now, next.now, id);
      spend.run(spentRefreshHash, id, next.now);
    },
    touch: (id, now) => void touch.run(now, id, now),
    end: (id, reason, now) => end.run(now, reason, id).changes > 0,
    prune: (endedBefore, createdBefore) => prune.run(endedBefore, createdBefore).changes,
  };
}

export function sqlVisitors(db: SqlDb): VisitorRepository {
  const byId = db.prepare('SELECT * FROM visitors WHERE id = ?');
  const byToken = db.prepare('SELECT * FROM visitors WHERE token_hash = ?');
  return {
    byId: (id) => {
      const row = byId.get(id);
      return row ? fromRow<VisitorRow>(row) : undefined;
    },
    byTokenHash: (hash) => {
      const row = byToken.get(hash);
      return row ? fromRow<VisitorRow>(row) : undefined;
    },
    insert: (row) => insertRow(db, 'visitors', row),
    update: (id, patch) => updateRow(db, 'visitors', 'id', id, patch),
  };
}

export function sqlGroups(db: SqlDb): GroupRepository {
  const list = db.prepare('SELECT * FROM groups ORDER BY name');
  const byId = db.prepare('SELECT * FROM groups WHERE id = ?');
  const byName = db.prepare('SELECT * FROM groups WHERE name = ?');
  const rename = db.prepare('UPDATE groups SET name = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM groups WHERE id = ?');
  const members = db.prepare('SELECT group_id, COUNT(*) AS n FROM agents WHERE group_id IS NOT NULL GROUP BY group_id');
  const open = db.prepare("SELECT group_id, COUNT(*) AS n FROM conversations WHERE state IN ('queued', 'active') AND group_id IS NOT NULL GROUP BY group_id");
  const usage = db.prepare(
    `SELECT (SELECT COUNT(*) FROM agents WHERE group_id = @id) AS members,
            (SELECT COUNT(*) FROM conversations WHERE group_id = @id AND state IN ('queued', 'active')) AS open_conversations,
            (SELECT COUNT(*) FROM visitors WHERE pref_group_id = @id) AS visitor_links`,
  );
  return {
    list: () => list.all() as GroupRow[],
    byId: (id) => byId.get(id) as GroupRow | undefined,
    byName: (name) => byName.get(name) as GroupRow | undefined,
    insert: (row) => insertRow(db, 'groups', row),
    rename: (id, name) => void rename.run(name, id),
    delete: (id) => void remove.run(id),
    counts: () => {
      const out = new Map<string, { members: number; openConversations: number }>();
      const entry = (id: string) => out.get(id) ?? out.set(id, { members: 0, openConversations: 0 }).get(id)!;
      for (const r of members.all() as { group_id: string; n: number }[]) entry(r.group_id).members = r.n;
      for (const r of open.all() as { group_id: string; n: number }[]) entry(r.group_id).openConversations = r.n;
      return out;
    },
    usage: (id) => fromRow<GroupUsage>(usage.get({ id })),
  };
}

export function sqlTopics(db: SqlDb): TopicRepository {
  const list = db.prepare('SELECT * FROM topics ORDER BY created_at, name');
  const byId = db.prepare('SELECT * FROM topics WHERE id = ?');
  const byName = db.prepare('SELECT * FROM topics WHERE name = ?');
  const one = (row: unknown): TopicRow | undefined => (row ? fromRow<TopicRow>(row, ['enabled']) : undefined);
  return {
    list: () => fromRows<TopicRow>(list.all(), ['enabled']),
    byId: (id) => one(byId.get(id)),
    byName: (name) => one(byName.get(name)),
    insert: (row) => insertRow(db, 'topics', row),
    update: (id, patch) => updateRow(db, 'topics', 'id', id, patch),
  };
}

export function sqlSettings(db: SqlDb): SettingsRepository {
  const all = db.prepare('SELECT key, value FROM settings');
  const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  return {
    read: () => {
      const out: Record<string, unknown> = {};
      for (const row of all.all() as { key: string; value: string }[]) out[row.key] = JSON.parse(row.value);
      return out as Partial<ServerSettings>;
    },
    write: (settings) => {
      for (const [key, value] of Object.entries(settings)) if (value !== undefined) put.run(key, JSON.stringify(value));
    },
  };
}
