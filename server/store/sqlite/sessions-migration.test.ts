/** Migration 009 turns the old token-only sessions into sessions with a lifetime, keeping them. */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/tokens.js';
import { migrate, sqliteSqlDb } from './db.js';
import { sqlSessions } from '../sql/repos-accounts.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('migration 009 (session lifetime)', () => {
  it('keeps the sessions of a database from before, as logins without a refresh token', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-migration-'));
    dirs.push(dir);
    const db = new Database(join(dir, 'kefu.db'));
    db.pragma('foreign_keys = ON');
    // The schema as it was before 009, applied the way migrate() records it.
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    for (const file of readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^00[1-8]_[\w-]+\.sql$/.test(f))
      .sort()) {
      db.exec(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(Number(file.slice(0, 3)), file);
    }
    db.prepare(
      "INSERT INTO agents (id, account, nickname, role, password_hash, max_concurrent, created_at) VALUES ('a1', 'agent1', '小王', 'agent', 'x', 5, 1)",
    ).run();
    db.prepare('INSERT INTO sessions (token_hash, agent_id, created_at) VALUES (?, ?, ?)').run(hashToken('old-token'), 'a1', 1000);

    expect(migrate(db)).toContain(9);
    const row = sqlSessions(sqliteSqlDb(db)).byTokenHash(hashToken('old-token'));
    expect(row).toMatchObject({ agentId: 'a1', tokenIssuedAt: 1000, lastSeenAt: 1000, createdAt: 1000, refreshHash: null, endedAt: null, endReason: null });
    expect(sqlSessions(sqliteSqlDb(db)).liveIdsOf('a1')).toEqual([row!.id]);
    // Deleting the agent still takes its sessions and spent refresh tokens with it.
    db.prepare("INSERT INTO spent_refresh_tokens VALUES ('h', ?, 1)").run(row!.id);
    db.prepare("DELETE FROM agents WHERE id = 'a1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM spent_refresh_tokens').get()).toEqual({ n: 0 });
    db.close();
  });
});
