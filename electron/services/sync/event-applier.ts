/**
 * Applies durable realtime events to the cache, many at a time, in ONE transaction that also
 * stores the last seq — so a crash can never leave an event applied but not counted (or counted
 * but not applied). The conversations a batch touches are read once and written once, whatever
 * the number of events, so a catch-up costs the same per event however many came before.
 * What the renderer must hear is returned as a summary, to be emitted only after the commit.
 */
import { awaitsAgent, listedFor } from '../../../shared/agent-conversations.js';
import type { Conversation, OfflineMessage } from '../../../shared/domain.js';
import { assertNever } from '../../../shared/errors.js';
import type { EventPayload, LocalConversation, LocalMessage } from '../../../shared/ipc/contract.js';
import type { DurableEvent } from '../../../shared/protocol/realtime.js';
import type { Notice } from '../../../shared/protocol/rest-notices.js';
import type { Whisper } from '../../../shared/protocol/rest-supervision.js';
import type { Db } from '../cache/database.js';
import { addUnread, clearUnread, deleteConversation, getConversation, getUnread, upsertConversation } from '../cache/conversations-repo.js';
import { insertMessage } from '../cache/messages-repo.js';
import { deleteOutboxEntry } from '../cache/outbox-repo.js';
import { setLastSeq } from '../cache/sync-state-repo.js';
import { sentMessage } from './local-messages.js';

export interface SeqEvent {
  seq: number;
  event: DurableEvent;
}

/** What a batch changed, for the renderer (emit-changes.ts sends it). */
export interface AppliedChanges {
  /** Listed conversations the batch touched, in their state after it. */
  conversations: LocalConversation[];
  /** Touched conversations that are no longer listed for the agent (ended with a summary, gone, someone else's). */
  removed: string[];
  /** Messages new to the cache, in the order applied. */
  messages: LocalMessage[];
  alerts: EventPayload<'alert:raised'>[];
  offlineMessages: OfflineMessage[];
  /** Owners whose phrases changed (null: the public ones). */
  phrasesOutdated: (string | null)[];
  /** Notices sent (通知): the notice service re-syncs its list and, for live ones, pops them up. */
  notices: Notice[];
  /** 悄悄话 in the agent's listed conversations (not cached: the dialog reads them from the server). */
  whispers: Whisper[];
  /** Conversations a supervisor took over (强制接管): the page says so. */
  takenOver: { conversationId: string; roomNo: string }[];
  /** 公司设置 or the company auto-reply changed: the company-settings service re-reads them. */
  settingsOutdated: boolean;
  /** 名片分类 changed: the tag-category service re-reads them. */
  tagCategoriesOutdated: boolean;
}

export interface ApplyOptions {
  agentId: string;
  /** Alerts only for live events, not for a catch-up replay of old ones. */
  alerts: boolean;
}

export function emptyChanges(): AppliedChanges {
  return {
    conversations: [],
    removed: [],
    messages: [],
    alerts: [],
    offlineMessages: [],
    phrasesOutdated: [],
    notices: [],
    settingsOutdated: false,
    tagCategoriesOutdated: false,
    whispers: [],
    takenOver: [],
  };
}

/** Applies `batch` (ascending seq) and stores its last seq, atomically. Throws (and rolls back) on any failure. */
export function applyDurableEvents(db: Db, batch: readonly SeqEvent[], options: ApplyOptions): AppliedChanges {
  if (batch.length === 0) return emptyChanges();
  return db.transaction(() => {
    const working = createWorkingSet(db, options.agentId);
    const changes = emptyChanges();
    for (const { event } of batch) applyOne(working, changes, event, options);
    working.flush();
    setLastSeq(db, options.agentId, batch[batch.length - 1]!.seq);
    const removed = new Set<string>();
    for (const [id, conversation] of working.touched()) {
      if (conversation && listedFor(conversation, options.agentId)) changes.conversations.push({ ...conversation, unread: getUnread(db, options.agentId, id) });
      else removed.add(id);
    }
    changes.removed = [...removed];
    // Messages of a conversation that left the list would only come back as a stray transcript.
    if (removed.size > 0) changes.messages = changes.messages.filter((m) => !removed.has(m.conversationId));
    return changes;
  })();
}

/**
 * The conversations of one batch in memory: read from the cache at first use, changed there, and
 * written back once by flush(), inside the batch's transaction.
 */
function createWorkingSet(db: Db, agentId: string) {
  /** As read or last set in this batch; null: not in the cache, or deleted in this batch. */
  const current = new Map<string, Conversation | null>();
  const changed = new Set<string>();
  const unreadAdded = new Map<string, number>();
  const unreadCleared = new Set<string>();

  return {
    db,
    get(id: string): Conversation | null {
      if (!current.has(id)) current.set(id, getConversation(db, id));
      return current.get(id) ?? null;
    },
    set(conversation: Conversation) {
      current.set(conversation.id, conversation);
      changed.add(conversation.id);
    },
    remove(id: string) {
      current.set(id, null);
      changed.add(id);
      // Whatever was unread belonged to the agent's time with it; a later return starts again.
      unreadCleared.add(id);
      unreadAdded.delete(id);
    },
    addUnread(id: string) {
      unreadAdded.set(id, (unreadAdded.get(id) ?? 0) + 1);
    },
    /** The conversations this batch changed, in their state after it (null: deleted). */
    *touched(): Generator<[string, Conversation | null]> {
      for (const id of changed) yield [id, current.get(id) ?? null];
    },
    flush() {
      for (const [id, conversation] of this.touched()) {
        if (conversation) upsertConversation(db, conversation);
        else deleteConversation(db, id);
      }
      for (const id of unreadCleared) clearUnread(db, agentId, id);
      for (const [id, count] of unreadAdded) {
        // Closed in this batch: it went from the cache with its counts (upsertConversation).
        const conversation = current.get(id);
        if (conversation && awaitsAgent(conversation)) addUnread(db, agentId, id, count);
      }
    },
  };
}

type WorkingSet = ReturnType<typeof createWorkingSet>;

function applyOne(working: WorkingSet, changes: AppliedChanges, event: DurableEvent, options: ApplyOptions): void {
  const { agentId } = options;
  switch (event.type) {
    case 'message.created': {
      const { message } = event;
      const db = working.db;
      // The stored message is as good as an ack (the ack itself may have been lost with the socket).
      deleteOutboxEntry(db, message.clientId);
      // Not in the cache: not (or no longer) the workstation's to show — closed, transferred away
      // (the 转接 notice reaches the old agent after the removal), removed. Stored, it would only
      // sit there for good; if the conversation is ever listed here, its history is fetched.
      const conversation = working.get(message.conversationId);
      if (!conversation) return;
      if (!insertMessage(db, message)) return;
      changes.messages.push(sentMessage(message));
      const updated = {
        ...conversation,
        lastMessageAt: Math.max(conversation.lastMessageAt ?? 0, message.createdAt),
        lastMessageSeq: Math.max(conversation.lastMessageSeq, message.seq),
      };
      working.set(updated);
      const mine = updated.agentId === agentId;
      if (message.sender !== 'visitor' || !mine) return;
      working.addUnread(updated.id);
      if (options.alerts) {
        changes.alerts.push({
          kind: 'message-received',
          conversationId: updated.id,
          title: `${updated.roomNo} ${message.senderName}`,
          body: message.kind === 'text' ? message.text.slice(0, 100) : (message.attachment?.name ?? ''),
        });
      }
      return;
    }
    case 'conversation.updated': {
      const { conversation } = event;
      const previous = working.get(conversation.id);
      working.set(conversation);
      const newlyMine = conversation.agentId === agentId && conversation.state === 'active' && previous?.agentId !== agentId;
      if (options.alerts && newlyMine) {
        changes.alerts.push({ kind: 'conversation-assigned', conversationId: conversation.id, title: conversation.roomNo, body: conversation.visitorName });
      }
      return;
    }
    case 'conversation.removed':
      if (event.reason === 'taken-over') {
        const taken = working.get(event.conversationId);
        if (taken) changes.takenOver.push({ conversationId: taken.id, roomNo: taken.roomNo });
      }
      working.remove(event.conversationId);
      return;
    case 'whisper.created':
      // Admins read every event: only whispers of conversations the workstation lists go on.
      if (working.get(event.whisper.conversationId)) changes.whispers.push(event.whisper);
      return;
    case 'offline-message.updated':
      changes.offlineMessages.push(event.offlineMessage);
      return;
    case 'phrases.changed':
      // A hint only: the phrases services re-fetch the lists (public ones, or this agent's own).
      if (event.ownerId === null || event.ownerId === agentId) changes.phrasesOutdated.push(event.ownerId);
      return;
    case 'notice.sent':
      // Admins read every event: the notice service keeps only what the server lists as this agent's.
      changes.notices.push(event.notice);
      return;
    case 'evaluation.requested':
      // The agent learns this from the conversation.updated that comes with it (evaluationPushed).
      return;
    case 'settings.changed':
      // A hint only: however many a replay brings, the settings are read once.
      changes.settingsOutdated = true;
      return;
    case 'tag-categories.changed':
      changes.tagCategoriesOutdated = true;
      return;
    default:
      assertNever(event);
  }
}
