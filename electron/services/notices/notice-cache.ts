/** The 通知 cache: the agent's notices as the server last listed them, newest first. */
import { MyNoticeSchema, type MyNotice } from '../../../shared/protocol/rest-notices.js';
import type { Db } from '../cache/database.js';

export function replaceNotices(db: Db, agentId: string, notices: readonly MyNotice[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM notices WHERE agent_id = ?').run(agentId);
    const insert = db.prepare('INSERT INTO notices (agent_id, id, sent_at, read_at, json) VALUES (?, ?, ?, ?, ?)');
    for (const n of notices) insert.run(agentId, n.id, n.sentAt, n.readAt, JSON.stringify(n));
  })();
}

/** One notice as the server answered it (a mark-read), in place. */
export function saveNotice(db: Db, agentId: string, notice: MyNotice): void {
  db.prepare(
    `INSERT INTO notices (agent_id, id, sent_at, read_at, json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (agent_id, id) DO UPDATE SET read_at = excluded.read_at, json = excluded.json`,
  ).run(agentId, notice.id, notice.sentAt, notice.readAt, JSON.stringify(notice));
}

export function cachedNotices(db: Db, agentId: string): MyNotice[] {
  const rows = db.prepare('SELECT json FROM notices WHERE agent_id = ? ORDER BY sent_at DESC, id DESC').all(agentId) as { json: string }[];
  return rows.map((r) => MyNoticeSchema.parse(JSON.parse(r.json)));
}

export function unreadNotices(db: Db, agentId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM notices WHERE agent_id = ? AND read_at IS NULL').get(agentId) as { n: number }).n;
}
