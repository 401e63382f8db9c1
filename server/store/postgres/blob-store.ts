import type { AttachmentStore } from '../types.js';
import type { SqlDb } from '../sql/sql-db.js';

/** Attachment bytes in PostgreSQL (migration 002), so every node reads what any node stored. */
export function postgresAttachmentStore(db: SqlDb): AttachmentStore {
  const put = db.prepare('INSERT INTO attachment_blobs (id, bytes) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET bytes = excluded.bytes');
  const get = db.prepare('SELECT bytes FROM attachment_blobs WHERE id = ?');
  const remove = db.prepare('DELETE FROM attachment_blobs WHERE id = ?');
  const copy = db.prepare(
    'INSERT INTO attachment_blobs (id, bytes) SELECT ?, bytes FROM attachment_blobs WHERE id = ? ON CONFLICT (id) DO UPDATE SET bytes = excluded.bytes',
  );
  return {
    write: (id, bytes) => void put.run(id, bytes),
    read: (id) => (get.get(id) as { bytes: Buffer } | undefined)?.bytes,
    remove: (id) => void remove.run(id),
    link: (fromId, toId) => copy.run(toId, fromId).changes > 0,
  };
}
