/**
 * Migration 014 rebuilds the agents table (a CHECK cannot change in place in SQLite) while every
 * other table refers to it: nothing may be lost or cascaded away, and the references still hold.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from './db.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function databaseBefore014(): Database.Database {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-migration-'));
  dirs.push(dir);
  const db = new Database(join(dir, 'kefu.db'));
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  for (const file of readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f) && Number(f.slice(0, 3)) < 14)
    .sort()) {
    db.exec(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(Number(file.slice(0, 3)), file);
  }
  return db;
}

describe('migration 014 (组长 role)', () => {
  it('keeps every agent and everything that refers to one, and then accepts the leader role', () => {
    const db = databaseBefore014();
    db.exec(`
      INSERT INTO groups (id, name) VALUES ('g1', '售前');
      INSERT INTO agents (id, account, nickname, role, password_hash, max_concurrent, group_id, created_at, disabled_at)
        VALUES ('a1', 'agent1', '小王', 'agent', 'x', 5, 'g1', 1, NULL), ('a2', 'Admin', '管理员', 'admin', 'y', 3, NULL, 2, 99);
      INSERT INTO sessions (id, agent_id, token_hash, token_issued_at, last_seen_at, created_at) VALUES ('s1', 'a1', 'h1', 1, 1, 1);
      INSERT INTO visitors (id, token_hash, name, pref_agent_id, created_at) VALUES ('v1', 'vh', '访客', 'a1', 1);
      INSERT INTO conversations (id, room_no, visitor_id, agent_id, state, started_by, created_at) VALUES ('c1', '1001', 'v1', 'a1', 'active', 'visitor', 1);
    `);
    const before = db.prepare('SELECT * FROM agents ORDER BY id').all();

    expect(migrate(db)).toContain(14);
    // Every value kept; later migrations may add columns (015: must_change_password…).
    expect(db.prepare('SELECT * FROM agents ORDER BY id').all()).toMatchObject(before);
    // ON DELETE CASCADE did not fire when the old table was dropped: the login is still there.
    expect(db.prepare('SELECT id FROM sessions').all()).toEqual([{ id: 's1' }]);
    expect(db.prepare('SELECT agent_id FROM conversations').all()).toEqual([{ agent_id: 'a1' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);

    db.prepare("UPDATE agents SET role = 'leader' WHERE id = 'a1'").run();
    expect(() => db.prepare("UPDATE agents SET role = 'king' WHERE id = 'a1'").run()).toThrow(/CHECK/);
    // Account names stay case-insensitive, and references are still enforced.
    expect(() =>
      db
        .prepare("INSERT INTO agents (id, account, nickname, role, password_hash, max_concurrent, created_at) VALUES ('a3', 'AGENT1', 'x', 'agent', 'z', 1, 3)")
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare("DELETE FROM groups WHERE id = 'g1'").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('a migration that leaves a broken reference is rolled back, not recorded', () => {
    const db = databaseBefore014();
    db.exec("INSERT INTO agents (id, account, nickname, role, password_hash, max_concurrent, created_at) VALUES ('a1', 'agent1', '小王', 'agent', 'x', 5, 1)");
    db.exec("INSERT INTO sessions (id, agent_id, token_hash, token_issued_at, last_seen_at, created_at) VALUES ('s1', 'a1', 'h1', 1, 1, 1)");
    // What a faulty rebuild would leave behind: the agents gone, their session still pointing at one.
    db.pragma('foreign_keys = OFF');
    db.exec('DELETE FROM agents');
    db.pragma('foreign_keys = ON');
    expect(() => migrate(db)).toThrow(/broken references/);
    expect(db.prepare('SELECT version FROM schema_migrations WHERE version = 14').all()).toEqual([]);
    db.close();
  });
});
