/**
 * NOTHING LOST (docs/ARCHITECTURE.md): a message the agent sends is written to the outbox in SQLite first and
 * shown 'sending'; a single sender drains the outbox in creation order while connected
 * (upload → message.send over realtime, REST when realtime is down); only the server's ack removes
 * the row. Retryable failures keep the row for the next attempt; the others mark it 'failed'.
 * After a restart the rows are read back and drained the same way. The server is idempotent on
 * clientId, so sending a row twice (ack lost with the socket) stores it once.
 */
import { uuidv7 } from '../../../shared/ids.js';
import { LIMITS } from '../../../shared/limits.js';
import { assertNever, fail, ok, type ErrorCode, type Result } from '../../../shared/errors.js';
import type { Agent, Attachment, Message } from '../../../shared/domain.js';
import type { InvokeRequest, LocalMessage } from '../../../shared/ipc/contract.js';
import type { SendMessageBody } from '../../../shared/protocol/rest.js';
import type { MessageStyle } from '../../../shared/message-style.js';
import type { RestClient } from '../api/rest-client.js';
import type { Db } from '../cache/database.js';
import { insertMessage } from '../cache/messages-repo.js';
import {
  addOutboxEntry,
  countOutbox,
  deleteOutboxEntry,
  getOutboxEntry,
  markOutboxFailed,
  pendingOutbox,
  requeueOutboxEntry,
  setOutboxAttachment,
  type NewOutboxEntry,
  type OutboxEntry,
} from '../cache/outbox-repo.js';
import type { WorkstationEvents } from '../workstation-events.js';
import { createBackoff } from './backoff.js';
import { outboxMessage, sentMessage } from './local-messages.js';
import type { RealtimeClient } from './realtime-client.js';

/** Failures that say nothing about the message itself: keep it and try again later. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['NETWORK', 'TIMEOUT', 'INTERNAL', 'RATE_LIMITED', 'UNAUTHENTICATED']);

export interface OutboxDeps {
  db: Db;
  events: WorkstationEvents;
  rest: RestClient;
  realtime: RealtimeClient;
  agent: () => Agent | null;
  clock: () => number;
  onCountChanged: () => void;
  log: (message: string, detail?: unknown, level?: 'info' | 'warn' | 'error') => void;
  retryBackoff?: { initialMs: number; maxMs: number };
  /** The agent's 字体设置 to carry on text messages; null/absent for the default font. */
  messageStyle?: () => MessageStyle | null;
}

/**
 * What the agent sends: text, a file from the page (uploaded by the outbox), or a file the server
 * already holds (a canned file attached to the conversation), which skips the upload step.
 */
export type OutgoingMessage = InvokeRequest<'conversations:send-message'> | { conversationId: string; kind: 'attached'; attachment: Attachment };

export interface Outbox {
  /** The one way a message enters the outbox: written locally first, then sent in order. */
  enqueue(message: OutgoingMessage): Result<LocalMessage>;
  retry(clientId: string): Result<LocalMessage>;
  /** Start draining if not already (after connect, enqueue, retry). */
  kick(): void;
  count(): number;
  /** Resolves when the current drain pass ends (tests, shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type OutboxDraft = Pick<NewOutboxEntry, 'kind' | 'text' | 'fileName' | 'fileBytes' | 'style'>;

/** The row an outgoing message becomes, or why it cannot be sent at all. */
function outboxDraft(message: OutgoingMessage, messageStyle: OutboxDeps['messageStyle']): Result<OutboxDraft> {
  switch (message.kind) {
    case 'text':
      // 字体设置 as set when the message was written; files and images carry none.
      return ok({ kind: 'text', text: message.text, fileName: null, fileBytes: null, style: messageStyle?.() ?? null });
    case 'attached': {
      const { attachment } = message;
      // Like the server: a file message's text is the file's name.
      return ok({ kind: attachment.isImage ? 'image' : 'file', text: attachment.name, fileName: attachment.name, fileBytes: null, style: null });
    }
    case 'image':
    case 'file': {
      if (!BASE64.test(message.file.dataBase64)) return fail('VALIDATION_FAILED', 'the file is not valid base64', { 'file.dataBase64': 'not base64' });
      const fileBytes = Buffer.from(message.file.dataBase64, 'base64');
      const max = message.kind === 'image' ? LIMITS.imageBytesMax : LIMITS.fileBytesMax;
      if (fileBytes.length === 0) return fail('VALIDATION_FAILED', 'the file is empty');
      if (fileBytes.length > max) return fail('PAYLOAD_TOO_LARGE', `the ${message.kind} is larger than ${max} bytes`);
      return ok({ kind: message.kind, text: message.file.name, fileName: message.file.name, fileBytes, style: null });
    }
    default:
      return assertNever(message);
  }
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const { db, events } = deps;
  const backoff = createBackoff(deps.retryBackoff ?? { initialMs: 1000, maxMs: 30_000 });
  let draining: Promise<void> | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let stopped = false;

  const emitLocal = (entry: OutboxEntry, agent: Agent) => events.emit('message:upserted', outboxMessage(entry, agent));

  function scheduleRetry() {
    if (retryTimer || stopped) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      kick();
    }, backoff.next());
    retryTimer.unref();
  }

  async function upload(entry: OutboxEntry): Promise<Result<OutboxEntry>> {
    if (entry.attachment || entry.kind === 'text') return ok(entry);
    if (!entry.fileBytes || !entry.fileName) return fail('VALIDATION_FAILED', 'the file of this message is missing');
    const uploaded = await deps.rest.call('upload', {
      query: { conversationId: entry.conversationId, name: entry.fileName },
      bytes: entry.fileBytes,
      timeoutMs: 120_000,
    });
    if (!uploaded.ok) return uploaded;
    setOutboxAttachment(db, entry.clientId, uploaded.value);
    return ok({ ...entry, attachment: uploaded.value });
  }

  async function deliver(entry: OutboxEntry): Promise<Result<Message>> {
    const ready = await upload(entry);
    if (!ready.ok) return ready;
    const { attachment } = ready.value;
    const body: SendMessageBody = attachment
      ? { clientId: entry.clientId, kind: attachment.isImage ? 'image' : 'file', attachmentId: attachment.id }
      : { clientId: entry.clientId, kind: 'text', text: entry.text, ...(entry.style ? { style: entry.style } : {}) };
    if (deps.realtime.phase === 'online') return deps.realtime.sendMessage(entry.conversationId, body);
    return deps.rest.call('sendMessage', { params: { id: entry.conversationId }, body });
  }

  async function drainLoop(): Promise<void> {
    for (;;) {
      const agent = deps.agent();
      if (!agent || stopped) return;
      const entry = pendingOutbox(db, agent.id)[0];
      if (!entry) return;
      const result = await deliver(entry);
      if (result.ok) {
        // The message.created event may have landed first and done both already: then stay quiet.
        const changed = db.transaction(() => [insertMessage(db, result.value), deleteOutboxEntry(db, entry.clientId)].some(Boolean))();
        backoff.reset();
        if (changed) events.emit('message:upserted', sentMessage(result.value));
        // Even when the event applier removed the row first, the banner's count must drop now.
        deps.onCountChanged();
      } else if (RETRYABLE.has(result.error.code)) {
        deps.log('outbox: will retry', { clientId: entry.clientId, error: result.error }, 'info');
        scheduleRetry();
        return;
      } else {
        markOutboxFailed(db, entry.clientId, `${result.error.code}: ${result.error.message}`);
        const failed = getOutboxEntry(db, entry.clientId);
        if (failed) emitLocal(failed, agent);
      }
    }
  }

  function kick() {
    if (draining || stopped) return;
    draining = drainLoop()
      .catch((error: unknown) => {
        deps.log('outbox: drain failed', error instanceof Error ? error.message : error);
        scheduleRetry();
      })
      .finally(() => {
        draining = null;
      });
  }

  return {
    enqueue(message) {
      const agent = deps.agent();
      if (!agent) return fail('UNAUTHENTICATED', 'log in first');
      const draft = outboxDraft(message, deps.messageStyle);
      if (!draft.ok) return draft;
      const clientId = uuidv7(deps.clock());
      const entry = db.transaction(() => {
        const added = addOutboxEntry(db, { clientId, agentId: agent.id, conversationId: message.conversationId, createdAt: deps.clock(), ...draft.value });
        if (message.kind !== 'attached') return added;
        // Already on the server: the drain skips the upload and only sends the message.
        setOutboxAttachment(db, clientId, message.attachment);
        return getOutboxEntry(db, clientId) ?? added;
      })();
      deps.onCountChanged();
      kick();
      return ok(outboxMessage(entry, agent));
    },
    retry(clientId) {
      const agent = deps.agent();
      if (!agent) return fail('UNAUTHENTICATED', 'log in first');
      const existing = getOutboxEntry(db, clientId);
      if (!existing || existing.agentId !== agent.id) return fail('NOT_FOUND', 'no such unsent message');
      if (existing.state !== 'failed') return fail('INVALID_STATE', 'this message is still being sent');
      const entry = requeueOutboxEntry(db, clientId);
      if (!entry) return fail('NOT_FOUND', 'no such unsent message');
      emitLocal(entry, agent);
      backoff.reset();
      kick();
      return ok(outboxMessage(entry, agent));
    },
    kick,
    count() {
      const agent = deps.agent();
      return agent ? countOutbox(db, agent.id) : 0;
    },
    async idle() {
      while (draining) await draining;
    },
    stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
    },
  };
}
