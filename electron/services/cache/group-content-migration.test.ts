import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { cachedFilePhrases } from '../phrases/file-phrase-cache.js';
import { cachedCategories, cachedPhrases } from '../phrases/phrase-cache.js';
import { getKnowledgeEntry, listKnowledgeCategories, readSyncState } from '../knowledge/knowledge-repo.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';

afterEach(removeTempDirs);

/** Cache migration 014 (技能组 content): what an older version cached still reads, and the migration may run twice. */
describe('cache migration 014 (group content)', () => {
  it('gives rows cached before it groupId null, and makes the knowledge sync start over', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    // What version 13 left: rows without groupId, a sync state without groups.
    db.exec(`
      DROP TABLE knowledge_categories; CREATE TABLE knowledge_categories (id TEXT PRIMARY KEY, name TEXT NOT NULL, sort_order INTEGER NOT NULL);
      DROP TABLE knowledge_sync; CREATE TABLE knowledge_sync (id INTEGER PRIMARY KEY CHECK (id = 1), server_url TEXT NOT NULL, cursor INTEGER NOT NULL, synced_at INTEGER);
      INSERT INTO knowledge_categories VALUES ('kc', '售后', 0);
      INSERT INTO knowledge_sync VALUES (1, 'http://a', 42, 1);
      PRAGMA user_version = 13;
    `);
    const old = { scope: 'public', ownerId: null, sortOrder: 0, updatedAt: 0 };
    db.prepare('INSERT INTO phrase_categories (agent_id, id, sort_key, json) VALUES (?, ?, 0, ?)').run(
      'a1',
      'pc',
      JSON.stringify({ ...old, id: 'pc', name: '问候' }),
    );
    db.prepare('INSERT INTO phrases (agent_id, id, sort_key, title, shortcut, content, json) VALUES (?, ?, 0, ?, NULL, ?, ?)').run(
      'a1',
      'p1',
      '您好',
      '您好！',
      JSON.stringify({ ...old, id: 'p1', categoryId: 'pc', kind: 'text', title: '您好', content: '您好！', shortcut: null, hotkey: null }),
    );
    db.prepare('INSERT INTO file_phrases (agent_id, id, sort_key, json) VALUES (?, ?, 0, ?)').run(
      'a1',
      'f1',
      JSON.stringify({ ...old, id: 'f1', categoryId: null, name: 'a.pdf', size: 1, mime: 'application/pdf', isImage: false }),
    );
    db.prepare("INSERT INTO knowledge_entries (id, category_id, question, keywords, answer_text, data, rev) VALUES ('k1', NULL, '退货', '', '七天', ?, 1)").run(
      JSON.stringify({ id: 'k1', categoryId: null, question: '退货', keywords: [], answer: [], answerText: '七天', enabled: true, rev: 1, updatedAt: 1 }),
    );
    db.close();

    const migrated = openDatabase(dir);
    expect(cachedPhrases(migrated, 'a1').map((p) => [p.id, p.groupId])).toEqual([['p1', null]]);
    expect(cachedCategories(migrated, 'a1').map((c) => c.groupId)).toEqual([null]);
    expect(cachedFilePhrases(migrated, 'a1').map((f) => f.groupId)).toEqual([null]);
    expect(getKnowledgeEntry(migrated, 'k1')?.groupId).toBeNull();
    // Categories come again with the next sync; the sync starts from cursor 0.
    expect(listKnowledgeCategories(migrated)).toEqual([]);
    expect(readSyncState(migrated)).toBeNull();

    // Rolled back and opened again: the migration runs a second time without harm.
    migrated.exec('PRAGMA user_version = 13');
    migrated.close();
    const again = openDatabase(dir);
    expect(cachedPhrases(again, 'a1').map((p) => p.groupId)).toEqual([null]);
    again.close();
  });
});
