/** The blacklist (黑名单) on either engine: the same SQL, built from the filters given. */
import type { BlacklistFilter, BlacklistKindRow, BlacklistRepositories, BlacklistRow } from '../blacklist-types.js';
import { type SqlDb, cachedStatement, fromRow, fromRows, inChunks, insertRow } from './sql-db.js';

const COLUMNS = 'id, kind, value, label, reason, created_at, expires_at, created_by_id, created_by_account';
/** An entry blocks while it has no expiry or its expiry is still ahead. */
const ACTIVE = '(expires_at IS NULL OR expires_at > @now)';

export function sqlBlacklistRepositories(db: SqlDb): BlacklistRepositories {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM blacklist WHERE id = ?`);
  const remove = db.prepare('DELETE FROM blacklist WHERE id = ?');
  const activeFor = db.prepare(`SELECT ${COLUMNS} FROM blacklist WHERE kind = @kind AND value = @value AND ${ACTIVE} ORDER BY created_at DESC, rowid DESC`);
  const activeIp = db.prepare(`SELECT ${COLUMNS} FROM blacklist WHERE kind = 'ip' AND ${ACTIVE}`);
  // One statement per combination of filters in use, prepared once each (cachedStatement).
  const listStatement = (filter: BlacklistFilter) => {
    const where: string[] = [];
    if (filter.kind !== undefined) where.push('kind = @kind');
    if (filter.q) where.push("(value LIKE @q ESCAPE '\\' OR label LIKE @q ESCAPE '\\' OR reason LIKE @q ESCAPE '\\')");
    if (filter.state === 'active') where.push(ACTIVE);
    if (filter.state === 'expired') where.push('expires_at <= @now');
    const sql = `SELECT ${COLUMNS} FROM blacklist ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, rowid DESC LIMIT @limit`;
    return cachedStatement(db, sql);
  };
  return {
    blacklist: {
      insert: (row) => insertRow(db, 'blacklist', row),
      byId: (id) => {
        const row = byId.get(id);
        return row ? fromRow<BlacklistRow>(row) : undefined;
      },
      delete: (id) => remove.run(id).changes > 0,
      list: (filter) => {
        const params: Record<string, unknown> = { limit: filter.limit };
        if (filter.kind !== undefined) params.kind = filter.kind;
        if (filter.q) params.q = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        if (filter.state !== 'all') params.now = filter.now;
        return fromRows<BlacklistRow>(listStatement(filter).all(params));
      },
      activeFor: (kind: BlacklistKindRow, value: string, now: number) => fromRows<BlacklistRow>(activeFor.all({ kind, value, now })),
      blockedVisitors: (visitorIds, now) => {
        const blocked = new Set<string>();
        inChunks([...new Set(visitorIds)], (chunk) => {
          const sql = `SELECT value FROM blacklist WHERE kind = 'visitor' AND value IN (${chunk.map((_, i) => `@v${i}`).join(', ')}) AND ${ACTIVE}`;
          const params: Record<string, unknown> = { now };
          chunk.forEach((id, i) => (params[`v${i}`] = id));
          for (const row of cachedStatement(db, sql).all(params) as { value: string }[]) blocked.add(row.value);
        });
        return blocked;
      },
      activeIpEntries: (now) => fromRows<BlacklistRow>(activeIp.all({ now })),
    },
  };
}
