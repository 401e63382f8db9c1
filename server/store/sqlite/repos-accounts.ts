import type {
  AgentRepository,
  AgentRow,
  GroupRepository,
  GroupRow,
  SessionRepository,
  SettingsRepository,
  TopicRepository,
  TopicRow,
  VisitorRepository,
  VisitorRow,
} from '../types.js';
import type { ServerSettings } from '../../../shared/index.js';
import { type Db, fromRow, fromRows, insertRow, updateRow } from './db.js';

export function sqliteAgents(db: Db): AgentRepository {
  const byId = db.prepare('SELECT * FROM agents WHERE id = ?');
  const byAccount = db.prepare('SELECT * FROM agents WHERE account = ?');
  const list = db.prepare('SELECT * FROM agents ORDER BY created_at, account');
  const loadOf = db.prepare("SELECT COUNT(*) AS n FROM conversations WHERE agent_id = ? AND state = 'active'");
  const loads = db.prepare("SELECT agent_id, COUNT(*) AS n FROM conversations WHERE state = 'active' AND agent_id IS NOT NULL GROUP BY agent_id");
  const count = db.prepare('SELECT COUNT(*) AS n FROM agents');
  return {
    byId: (id) => {
      const row = byId.get(id);
      return row ? fromRow<AgentRow>(row) : undefined;
    },
    byAccount: (account) => {
      const row = byAccount.get(account);
      return row ? fromRow<AgentRow>(row) : undefined;
    },
    list: () => fromRows<AgentRow>(list.all()),
    insert: (row) => insertRow(db, 'agents', row),
    update: (id, patch) => updateRow(db, 'agents', 'id', id, patch),
    loadOf: (id) => (loadOf.get(id) as { n: number }).n,
    loads: () => new Map((loads.all() as { agent_id: string; n: number }[]).map((r) => [r.agent_id, r.n])),
    count: () => (count.get() as { n: number }).n,
  };
}

export function sqliteSessions(db: Db): SessionRepository {
  const insert = db.prepare('INSERT INTO sessions (token_hash, agent_id, created_at) VALUES (?, ?, ?)');
  const find = db.prepare('SELECT agent_id FROM sessions WHERE token_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE token_hash = ?');
  return {
    insert: (hash, agentId, now) => void insert.run(hash, agentId, now),
    agentIdFor: (hash) => (find.get(hash) as { agent_id: string } | undefined)?.agent_id,
    remove: (hash) => void remove.run(hash),
  };
}

export function sqliteVisitors(db: Db): VisitorRepository {
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

export function sqliteGroups(db: Db): GroupRepository {
  const list = db.prepare('SELECT * FROM groups ORDER BY name');
  const byId = db.prepare('SELECT * FROM groups WHERE id = ?');
  return {
    list: () => list.all() as GroupRow[],
    byId: (id) => byId.get(id) as GroupRow | undefined,
    insert: (row) => insertRow(db, 'groups', row),
  };
}

export function sqliteTopics(db: Db): TopicRepository {
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

export function sqliteSettings(db: Db): SettingsRepository {
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
