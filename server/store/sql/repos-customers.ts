/** SQLite repositories of 顾客信息 / 轨迹 (005_customer_trail.sql). */
import type { Campaign } from '../../../shared/customers.js';
import type { CustomerTrailRepositories, PageViewRepository, PageViewRow, VisitorProfileRepository, VisitorProfileRow } from '../customer-types.js';
import { type SqlDb, fromRow, fromRows, insertRow, toParams } from './sql-db.js';

function sqlPageViews(db: SqlDb): PageViewRepository {
  const byId = db.prepare('SELECT * FROM page_views WHERE id = ?');
  const setLeft = db.prepare('UPDATE page_views SET left_at = ? WHERE id = ?');
  const forVisitor = db.prepare('SELECT * FROM page_views WHERE visitor_id = ? ORDER BY entered_at DESC, id DESC LIMIT ?');
  const trim = db.prepare(
    `DELETE FROM page_views WHERE visitor_id = @visitorId AND id NOT IN
       (SELECT id FROM page_views WHERE visitor_id = @visitorId ORDER BY entered_at DESC, id DESC LIMIT @keep)`,
  );
  return {
    insert: (row) => insertRow(db, 'page_views', row),
    byId: (id) => {
      const row = byId.get(id);
      return row ? fromRow<PageViewRow>(row) : undefined;
    },
    setLeftAt: (id, leftAt) => void setLeft.run(leftAt, id),
    forVisitor: (visitorId, limit) => fromRows<PageViewRow>(forVisitor.all(visitorId, limit)),
    trim: (visitorId, keep) => void trim.run({ visitorId, keep }),
  };
}

type StoredProfile = Omit<VisitorProfileRow, 'campaign' | 'tags'> & { campaign: string; tags: string[] | string };

const EMPTY_CAMPAIGN: Campaign = { source: '', medium: '', name: '', term: '', content: '' };

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function sqlVisitorProfiles(db: SqlDb): VisitorProfileRepository {
  const byVisitor = db.prepare('SELECT * FROM visitor_profiles WHERE visitor_id = ?');
  const byPhone = db.prepare("SELECT visitor_id FROM visitor_profiles WHERE phone_key = ? AND phone_key <> '' ORDER BY updated_at DESC LIMIT ?");
  const columns = [
    'visitorId',
    'userAgent',
    'browser',
    'os',
    'region',
    'firstReferrer',
    'landingPage',
    'searchEngine',
    'searchKeyword',
    'campaign',
    'tags',
    'phone',
    'phoneKey',
    'email',
    'customerId',
    'updatedAt',
  ] as const;
  const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const put = db.prepare(
    `INSERT INTO visitor_profiles (${columns.map(snake).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
     ON CONFLICT(visitor_id) DO UPDATE SET ${columns
       .filter((c) => c !== 'visitorId')
       .map((c) => `${snake(c)} = excluded.${snake(c)}`)
       .join(', ')}`,
  );
  return {
    byVisitor: (visitorId) => {
      const raw = byVisitor.get(visitorId);
      if (!raw) return undefined;
      const row = fromRow<StoredProfile>(raw);
      return {
        ...row,
        campaign: { ...EMPTY_CAMPAIGN, ...parseJson<Partial<Campaign>>(row.campaign, {}) },
        tags: parseJson<string[]>(typeof row.tags === 'string' ? row.tags : '[]', []),
      };
    },
    put: (row) =>
      void put.run(toParams({ ...row, campaign: JSON.stringify(row.campaign), tags: JSON.stringify(row.tags), customerId: row.customerId ?? null })),
    visitorIdsByPhoneKey: (key, limit) => (byPhone.all(key, limit) as { visitor_id: string }[]).map((r) => r.visitor_id),
  };
}

export function sqlCustomerTrailRepositories(db: SqlDb): CustomerTrailRepositories {
  return { pageViews: sqlPageViews(db), visitorProfiles: sqlVisitorProfiles(db) };
}
