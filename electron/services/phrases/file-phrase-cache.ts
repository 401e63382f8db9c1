/** The canned-files cache: replaced as a whole per agent on each sync (names, sizes, types; no bytes). */
import { FilePhraseSchema, type FilePhrase } from '../../../shared/file-phrases.js';
import type { Db } from '../cache/database.js';

export function replaceFilePhrases(db: Db, agentId: string, files: readonly FilePhrase[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM file_phrases WHERE agent_id = ?').run(agentId);
    const insert = db.prepare('INSERT INTO file_phrases (agent_id, id, sort_key, json) VALUES (?, ?, ?, ?)');
    files.forEach((f, i) => insert.run(agentId, f.id, i, JSON.stringify(f)));
  })();
}

export function cachedFilePhrases(db: Db, agentId: string): FilePhrase[] {
  const rows = db.prepare('SELECT json FROM file_phrases WHERE agent_id = ? ORDER BY sort_key').all(agentId) as { json: string }[];
  return rows.map((r) => FilePhraseSchema.parse(JSON.parse(r.json)));
}

export function cachedFilePhrase(db: Db, agentId: string, id: string): FilePhrase | null {
  const row = db.prepare('SELECT json FROM file_phrases WHERE agent_id = ? AND id = ?').get(agentId, id) as { json: string } | undefined;
  return row ? FilePhraseSchema.parse(JSON.parse(row.json)) : null;
}
