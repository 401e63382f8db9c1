/** The agent's messages waiting for the server's ack, in creation order. Written before anything is sent. */
import { AttachmentSchema, type Attachment } from '../../../shared/domain.js';
import { MessageStyleSchema, type MessageStyle } from '../../../shared/message-style.js';
import type { Db } from './database.js';
import { statement } from './statements.js';

export type OutboxKind = 'text' | 'image' | 'file';

export interface OutboxEntry {
  orderNo: number;
  clientId: string;
  agentId: string;
  conversationId: string;
  kind: OutboxKind;
  text: string;
  fileName: string | null;
  fileBytes: Buffer | null;
  /** Set once the file is uploaded, so a retry does not upload it again. */
  attachment: Attachment | null;
  state: 'sending' | 'failed';
  failure: string | null;
  createdAt: number;
  /** 字体设置 of a text message, fixed when it was written (null: default font). */
  style: MessageStyle | null;
}

export type NewOutboxEntry = Omit<OutboxEntry, 'orderNo' | 'attachment' | 'state' | 'failure' | 'style'> & { style?: MessageStyle | null };

interface Row {
  order_no: number;
  client_id: string;
  agent_id: string;
  conversation_id: string;
  kind: OutboxKind;
  text: string;
  file_name: string | null;
  file_bytes: Buffer | null;
  attachment: string | null;
  state: 'sending' | 'failed';
  failure: string | null;
  created_at: number;
  style: string | null;
}

const toEntry = (row: Row): OutboxEntry => ({
  orderNo: row.order_no,
  clientId: row.client_id,
  agentId: row.agent_id,
  conversationId: row.conversation_id,
  kind: row.kind,
  text: row.text,
  fileName: row.file_name,
  fileBytes: row.file_bytes,
  attachment: row.attachment ? AttachmentSchema.parse(JSON.parse(row.attachment)) : null,
  state: row.state,
  failure: row.failure,
  createdAt: row.created_at,
  style: parseStyle(row.style),
});

/** Written by us from a validated object; one that no longer parses is sent unstyled rather than refused. */
function parseStyle(json: string | null): MessageStyle | null {
  if (!json) return null;
  const parsed = MessageStyleSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

const styleJson = (style: MessageStyle | null): string | null => (style ? JSON.stringify(style) : null);

export function addOutboxEntry(db: Db, entry: NewOutboxEntry): OutboxEntry {
  const info = db
    .prepare(
      `INSERT INTO outbox (client_id, agent_id, conversation_id, kind, text, file_name, file_bytes, state, created_at, style)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'sending', ?, ?)`,
    )
    .run(
      entry.clientId,
      entry.agentId,
      entry.conversationId,
      entry.kind,
      entry.text,
      entry.fileName,
      entry.fileBytes,
      entry.createdAt,
      styleJson(entry.style ?? null),
    );
  return { ...entry, style: entry.style ?? null, orderNo: Number(info.lastInsertRowid), attachment: null, state: 'sending', failure: null };
}

export function getOutboxEntry(db: Db, clientId: string): OutboxEntry | null {
  const row = db.prepare('SELECT * FROM outbox WHERE client_id = ?').get(clientId) as Row | undefined;
  return row ? toEntry(row) : null;
}

/** Entries of one agent still to send ('sending'), oldest first. */
export function pendingOutbox(db: Db, agentId: string): OutboxEntry[] {
  const rows = db.prepare("SELECT * FROM outbox WHERE agent_id = ? AND state = 'sending' ORDER BY order_no").all(agentId) as Row[];
  return rows.map(toEntry);
}

export function conversationOutbox(db: Db, conversationId: string): OutboxEntry[] {
  const rows = db.prepare('SELECT * FROM outbox WHERE conversation_id = ? ORDER BY order_no').all(conversationId) as Row[];
  return rows.map(toEntry);
}

export function countOutbox(db: Db, agentId: string): number {
  const row = statement(db, 'SELECT COUNT(*) AS n FROM outbox WHERE agent_id = ?').get(agentId) as { n: number };
  return row.n;
}

export function setOutboxAttachment(db: Db, clientId: string, attachment: Attachment): void {
  db.prepare('UPDATE outbox SET attachment = ? WHERE client_id = ?').run(JSON.stringify(attachment), clientId);
}

export function markOutboxFailed(db: Db, clientId: string, failure: string): void {
  db.prepare("UPDATE outbox SET state = 'failed', failure = ? WHERE client_id = ?").run(failure, clientId);
}

/** Back to 'sending' and to the end of the line: a retried message goes after those already waiting. */
export function requeueOutboxEntry(db: Db, clientId: string): OutboxEntry | null {
  return db.transaction(() => {
    const entry = getOutboxEntry(db, clientId);
    if (!entry) return null;
    db.prepare('DELETE FROM outbox WHERE client_id = ?').run(clientId);
    db.prepare(
      `INSERT INTO outbox (client_id, agent_id, conversation_id, kind, text, file_name, file_bytes, attachment, state, created_at, style)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'sending', ?, ?)`,
    ).run(
      entry.clientId,
      entry.agentId,
      entry.conversationId,
      entry.kind,
      entry.text,
      entry.fileName,
      entry.fileBytes,
      entry.attachment ? JSON.stringify(entry.attachment) : null,
      entry.createdAt,
      styleJson(entry.style),
    );
    return getOutboxEntry(db, clientId);
  })();
}

export function deleteOutboxEntry(db: Db, clientId: string): boolean {
  return statement(db, 'DELETE FROM outbox WHERE client_id = ?').run(clientId).changes > 0;
}
