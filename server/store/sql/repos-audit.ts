/** The audit log (操作日志) on either engine: the same SQL, built from the filters given. */
import type { AuditFilter, AuditRepositories, AuditRow } from '../audit-types.js';
import { type SqlDb, cachedStatement, fromRow, fromRows, insertRow } from './sql-db.js';

export function sqlAuditRepositories(db: SqlDb): AuditRepositories {
  const COLUMNS = 'id, at, actor_id, actor_account, action, target_type, target_id, before_json, after_json, rowid AS position';
  const byId = db.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE id = ?`);
  // One statement per combination of filters in use, prepared once each (cachedStatement).
  const pageStatement = (filter: AuditFilter) => {
    const where: string[] = [];
    if (filter.actorId !== undefined) where.push('actor_id = @actorId');
    if (filter.action !== undefined) where.push('action = @action');
    if (filter.targetId !== undefined) where.push('target_id = @targetId');
    if (filter.from !== undefined) where.push('at >= @from');
    if (filter.to !== undefined) where.push('at < @to');
    // (at, rowid) descending: entries of the same millisecond keep the order they were written in.
    if (filter.before !== undefined) where.push('(at < @beforeAt OR (at = @beforeAt AND rowid < @beforePosition))');
    const sql = `SELECT ${COLUMNS} FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, rowid DESC LIMIT @limit`;
    return cachedStatement(db, sql);
  };
  return {
    audit: {
      insert: (row) => insertRow(db, 'audit_log', row),
      byId: (id) => {
        const row = byId.get(id);
        return row ? fromRow<AuditRow>(row) : undefined;
      },
      page: (filter) => {
        const { before, ...rest } = filter;
        const params: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
        if (before) Object.assign(params, { beforeAt: before.at, beforePosition: before.position });
        return fromRows<AuditRow>(pageStatement(filter).all(params));
      },
    },
  };
}
