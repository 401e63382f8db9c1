/**
 * The workstation's SQLite cache read from outside, read-only, while the shell writes it: how many
 * messages it holds (polled to time "cache complete") and each conversation's messages in order.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { CACHE_FILE } from '../../../electron/services/cache/database.js';

export type CacheReader = Database.Database;

export function openCacheReader(shellDir: string): CacheReader {
  return new Database(join(shellDir, CACHE_FILE), { readonly: true, fileMustExist: true });
}

export function messageCount(db: CacheReader): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
}

export function cachedClientIds(db: CacheReader, conversationId: string): string[] {
  return (db.prepare('SELECT client_id FROM messages WHERE conversation_id = ? ORDER BY seq').all(conversationId) as { client_id: string }[]).map(
    (r) => r.client_id,
  );
}

/** Resolves with Date.now() when the cache holds `expected` messages (polled every few ms). */
export async function whenCacheHolds(db: CacheReader, expected: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = Date.now();
    if (messageCount(db) >= expected) return now;
    if (now > deadline) throw new Error(`the cache holds ${messageCount(db)} of ${expected} messages after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
