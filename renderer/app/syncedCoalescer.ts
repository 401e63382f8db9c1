/**
 * Catch-up summaries (conversations:synced) and the progress that comes with each arrive back to
 * back, dozens a second; the page applies what has arrived at most once per window, so it redraws
 * a few times a second during a catch-up instead of once per batch, whatever the services' batch
 * size. A live event of another kind flushes first, so nothing older is applied after it.
 */
import type { ConnectionState, EventPayload, LocalConversation, LocalMessage } from '../../shared/ipc/contract.js';

export type Synced = EventPayload<'conversations:synced'>;

export interface SyncedCoalescer {
  synced(payload: Synced): void;
  connection(state: ConnectionState): void;
  /** Apply what is pending now (before a single event that must not overtake it). */
  flush(): void;
  dispose(): void;
}

export interface CoalescerTarget {
  synced(payload: Synced): void;
  connection(state: ConnectionState): void;
}

/** Several summaries as one, in order: a conversation's last state wins, removal included. */
export function mergeSynced(payloads: readonly Synced[]): Synced {
  if (payloads.length === 1) return payloads[0]!;
  const conversations = new Map<string, LocalConversation>();
  const removed = new Set<string>();
  const messages: LocalMessage[] = [];
  for (const payload of payloads) {
    for (const conversation of payload.conversations) {
      conversations.set(conversation.id, conversation);
      removed.delete(conversation.id);
    }
    for (const id of payload.removed) {
      conversations.delete(id);
      removed.add(id);
    }
    messages.push(...payload.messages);
  }
  return { conversations: [...conversations.values()], removed: [...removed], messages: messages.filter((m) => !removed.has(m.conversationId)) };
}

export function createSyncedCoalescer(target: CoalescerTarget, windowMs = 100): SyncedCoalescer {
  let pending: Synced[] = [];
  let latestConnection: ConnectionState | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function flush() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const payloads = pending;
    const connection = latestConnection;
    pending = [];
    latestConnection = null;
    if (payloads.length > 0) target.synced(mergeSynced(payloads));
    if (connection) target.connection(connection);
  }

  const later = () => {
    timer ??= setTimeout(flush, windowMs);
  };

  return {
    synced(payload) {
      pending.push(payload);
      later();
    },
    connection(state) {
      latestConnection = state;
      // Progress can wait for the window; any other state (online, offline) is shown at once,
      // after the summaries before it.
      if (state.state === 'syncing') later();
      else flush();
    },
    flush,
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = [];
      latestConnection = null;
    },
  };
}
