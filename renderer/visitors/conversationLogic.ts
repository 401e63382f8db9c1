import type { LocalConversation, LocalMessage } from '../../shared/ipc/contract.js';

export type SortMode = 'last-message' | 'waiting' | 'room';

/** Replaces the conversation with the same id, or adds it. */
export function upsertConversation(list: readonly LocalConversation[], next: LocalConversation): LocalConversation[] {
  const index = list.findIndex((c) => c.id === next.id);
  if (index === -1) return [...list, next];
  const copy = list.slice();
  copy[index] = next;
  return copy;
}

export function removeConversation(list: readonly LocalConversation[], conversationId: string): LocalConversation[] {
  return list.filter((c) => c.id !== conversationId);
}

/** Rows of the visitor list: this agent's conversations, not the ones still waiting in the queue. */
export function visibleConversations(list: readonly LocalConversation[]): LocalConversation[] {
  return list.filter((c) => c.state !== 'queued');
}

/**
 * The visitor is waiting for us when their message is the latest one that is not a system note;
 * from then on the clock runs. Null when the agent spoke last (nobody is waiting).
 */
export function visitorWaitingSince(messages: readonly LocalMessage[] | undefined, conversation: LocalConversation): number | null {
  if (conversation.state === 'ended') return null;
  if (messages && messages.length > 0) {
    for (let i = messages.length - 1; i >= 0; i--) {
      const message = messages[i]!;
      if (message.sender === 'system') continue;
      return message.sender === 'visitor' ? message.createdAt : null;
    }
    return null;
  }
  // Messages not loaded yet: unread messages can only be the visitor's.
  return conversation.unread > 0 ? (conversation.lastMessageAt ?? conversation.assignedAt ?? conversation.createdAt) : null;
}

export function sortConversations(
  list: readonly LocalConversation[],
  mode: SortMode,
  waitingSince: (c: LocalConversation) => number | null,
): LocalConversation[] {
  const copy = list.slice();
  switch (mode) {
    case 'last-message':
      return copy.sort((a, b) => (b.lastMessageAt ?? b.createdAt) - (a.lastMessageAt ?? a.createdAt) || a.roomNo.localeCompare(b.roomNo));
    case 'waiting': {
      // Longest waiting first; those nobody waits on go last.
      const key = (c: LocalConversation) => waitingSince(c) ?? Number.POSITIVE_INFINITY;
      return copy.sort((a, b) => key(a) - key(b) || a.roomNo.localeCompare(b.roomNo));
    }
    case 'room':
      return copy.sort((a, b) => a.roomNo.localeCompare(b.roomNo));
  }
}

const unreadOf = new WeakMap<readonly LocalConversation[], number>();

/**
 * The header's unread badge. Its selector runs on every store change; the list is immutable, so
 * the sum is computed once per list, not once per change of anything else in the store.
 */
export function totalUnread(list: readonly LocalConversation[]): number {
  let total = unreadOf.get(list);
  if (total === undefined) unreadOf.set(list, (total = list.reduce((sum, c) => sum + c.unread, 0)));
  return total;
}

export interface Duration {
  unit: 'seconds' | 'minutes' | 'hours';
  h: number;
  m: number;
  s: number;
}

/** Splits elapsed milliseconds for display; negative clock skew counts as zero. */
export function splitDuration(ms: number): Duration {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return { unit: h > 0 ? 'hours' : m > 0 ? 'minutes' : 'seconds', h, m, s };
}
