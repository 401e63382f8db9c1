/**
 * rebindCache on a real cache with something in every kind of table, including both FTS indexes:
 * afterwards nothing of the old server is left anywhere, and the workstation's own settings are.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids.js';
import { openDatabase, type Db } from '../cache/database.js';
import { addOutboxEntry } from '../cache/outbox-repo.js';
import { saveSession } from '../cache/session-repo.js';
import { getSettings, saveSettings } from '../cache/settings-repo.js';
import { setLastSeq } from '../cache/sync-state-repo.js';
import { applyKnowledgeChanges } from '../knowledge/knowledge-repo.js';
import { searchKnowledge } from '../knowledge/search.js';
import { saveMessageStyle, getMessageStyle } from '../phrases/phrase-cache.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { readBinding, rebindCache, saveBinding, unsentMessages, WORKSTATION_TABLES } from './cache-binding.js';

afterEach(removeTempDirs);

const A = 'https://a.example.com';
const B = 'https://b.example.com';

/** Rows in every ordinary table the server's data lives in (shadow tables belong to their index). */
function serverRows(db: Db): Record<string, number> {
  const tables = db.prepare('PRAGMA table_list').all() as { schema: string; name: string; type: string }[];
  return Object.fromEntries(
    tables
      .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_') && !WORKSTATION_TABLES.has(t.name))
      .map((t) => [t.name, (db.prepare(`SELECT COUNT(*) AS n FROM "${t.name}"`).get() as { n: number }).n]),
  );
}

function fill(db: Db) {
  saveSession(db, {
    agent: { id: 'a1', account: 'agent1', nickname: '小王', role: 'agent', status: 'away', connected: true, maxConcurrent: 5, groupId: null, load: 0 },
    token: 't',
    refreshToken: 'r',
  });
  setLastSeq(db, 'a1', 42);
  addOutboxEntry(db, {
    clientId: uuidv7(),
    agentId: 'a1',
    conversationId: 'c1',
    kind: 'text',
    text: '还没发出去',
    fileName: null,
    fileBytes: null,
    createdAt: 1,
  });
  db.prepare("INSERT INTO conversations (id, agent_id, state, last_message_at, data) VALUES ('c1', 'a1', 'active', 1, '{}')").run();
  db.prepare("INSERT INTO messages (id, client_id, conversation_id, seq, data) VALUES ('m1', 'x', 'c1', 1, '{}')").run();
  applyKnowledgeChanges(
    db,
    {
      changes: [
        {
          id: 'k1',
          rev: 1,
          entry: {
            id: 'k1',
            groupId: null,
            categoryId: null,
            question: '如何申请退货',
            keywords: ['退货'],
            answer: [],
            answerText: '七天无理由退货',
            enabled: true,
            rev: 1,
            updatedAt: 1,
          },
        },
      ],
      categories: [{ id: 'kc1', groupId: null, name: '售后', sortOrder: 1 }],
      cursor: 1,
      groups: [],
    },
    A,
    1,
  );
  saveSettings(db, { language: 'en', sendKey: 'ctrl-enter', lastAccount: 'agent1' });
  saveMessageStyle(db, { ...getMessageStyle(db), bold: true });
}

describe('the cache belongs to one server', () => {
  it('rebinding empties every table of the old server and both knowledge indexes, and keeps the workstation’s own settings', () => {
    const db = openDatabase(tempDir());
    saveBinding(db, { cacheServer: A, chosenServer: A });
    fill(db);
    expect(Object.values(serverRows(db)).some((n) => n > 0)).toBe(true);
    expect(unsentMessages(db)).toBe(1);
    expect(searchKnowledge(db, { query: '申请退货', limit: 10, categoryId: null }).hits).toHaveLength(1);
    expect(searchKnowledge(db, { query: '退货', limit: 10, categoryId: null }).hits).toHaveLength(1);

    rebindCache(db, B);

    const left = Object.entries(serverRows(db)).filter(([, n]) => n > 0);
    expect(left).toEqual([]);
    expect(searchKnowledge(db, { query: '申请退货', limit: 10, categoryId: null }).hits).toEqual([]);
    expect(searchKnowledge(db, { query: '退货', limit: 10, categoryId: null }).hits).toEqual([]);
    expect(db.prepare("SELECT rowid FROM knowledge_fts WHERE knowledge_fts MATCH '无理由'").all()).toEqual([]);
    expect(readBinding(db)).toEqual({ cacheServer: B, chosenServer: A });
    expect(getSettings(db, B)).toMatchObject({ language: 'en', sendKey: 'ctrl-enter', lastAccount: 'agent1', serverUrl: B });
    expect(getMessageStyle(db).bold).toBe(true);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('the migration adopts what older versions stored as settings.serverUrl as the cache’s server, not as the agent’s choice', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    // What an older version left: its own table gone, the address in settings.
    db.exec(`DROP TABLE server_binding; INSERT INTO settings (key, value) VALUES ('serverUrl', '"${A}"'); PRAGMA user_version = 9;`);
    db.close();
    const again = openDatabase(dir);
    expect(readBinding(again)).toEqual({ cacheServer: A, chosenServer: null });
    expect(again.prepare("SELECT COUNT(*) AS n FROM settings WHERE key = 'serverUrl'").get()).toEqual({ n: 0 });
    // A stray row would not move the address in use either way.
    saveSettings(again, { serverUrl: 'https://stray.example.com' } as never);
    expect(getSettings(again, B).serverUrl).toBe(B);
    again.close();
  });
});
