import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withSeparateConnection } from './separate-connection.js';

/** How many attachment byte sets the test server holds: files beside SQLite, rows in PostgreSQL. */
export function storedAttachmentCount(server: { dataDir: string; databaseUrl?: string | undefined }): number {
  if (!server.databaseUrl) return readdirSync(join(server.dataDir, 'attachments')).length;
  return withSeparateConnection(server, (db) => (db.prepare('SELECT COUNT(*) AS n FROM attachment_blobs').get() as { n: number }).n);
}
