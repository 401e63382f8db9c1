/** The phrases cache: replaced as a whole per agent on each sync, read with an optional filter. */
import { PhraseCategorySchema, PhraseSchema, type Phrase, type PhraseCategory, type PhraseList } from '../../../shared/phrases.js';
import { DEFAULT_MESSAGE_STYLE, MessageStyleSchema, type MessageStyle } from '../../../shared/ipc/phrases.js';
import type { Db } from '../cache/database.js';

export function replacePhrases(db: Db, agentId: string, list: PhraseList): void {
  db.transaction(() => {
    db.prepare('DELETE FROM phrases WHERE agent_id = ?').run(agentId);
    db.prepare('DELETE FROM phrase_categories WHERE agent_id = ?').run(agentId);
    const category = db.prepare('INSERT INTO phrase_categories (agent_id, id, sort_key, json) VALUES (?, ?, ?, ?)');
    list.categories.forEach((c, i) => category.run(agentId, c.id, i, JSON.stringify(c)));
    const phrase = db.prepare('INSERT INTO phrases (agent_id, id, sort_key, title, shortcut, content, json) VALUES (?, ?, ?, ?, ?, ?, ?)');
    list.phrases.forEach((p, i) => phrase.run(agentId, p.id, i, p.title, p.shortcut, p.content, JSON.stringify(p)));
  })();
}

/** LIKE with the user's text escaped, so "%" and "_" match themselves. */
const likeArg = (query: string): string => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function cachedPhrases(db: Db, agentId: string, query?: string): Phrase[] {
  const q = (query ?? '').trim().replace(/^\//, '');
  const rows = (
    q === ''
      ? db.prepare('SELECT json FROM phrases WHERE agent_id = ? ORDER BY sort_key').all(agentId)
      : db
          .prepare(
            `SELECT json FROM phrases WHERE agent_id = @agentId
               AND (title LIKE @like ESCAPE '\\' OR shortcut LIKE @like ESCAPE '\\' OR content LIKE @like ESCAPE '\\')
             ORDER BY sort_key`,
          )
          .all({ agentId, like: likeArg(q.toLowerCase()) })
  ) as { json: string }[];
  return rows.map((r) => PhraseSchema.parse(JSON.parse(r.json)));
}

export function cachedCategories(db: Db, agentId: string): PhraseCategory[] {
  const rows = db.prepare('SELECT json FROM phrase_categories WHERE agent_id = ? ORDER BY sort_key').all(agentId) as { json: string }[];
  return rows.map((r) => PhraseCategorySchema.parse(JSON.parse(r.json)));
}

export function getMessageStyle(db: Db): MessageStyle {
  const row = db.prepare("SELECT value FROM local_prefs WHERE key = 'messageStyle'").get() as { value: string } | undefined;
  if (!row) return DEFAULT_MESSAGE_STYLE;
  const parsed = MessageStyleSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : DEFAULT_MESSAGE_STYLE;
}

export function saveMessageStyle(db: Db, style: MessageStyle): void {
  db.prepare("INSERT INTO local_prefs (key, value) VALUES ('messageStyle', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify(style),
  );
}
