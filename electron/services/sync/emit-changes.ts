/**
 * Tells the renderer what the cache now holds. Many changes at once (a catch-up batch, a backfill,
 * a rebuild) go out as ONE conversations:synced event, so the page updates once per batch instead
 * of once per event; a live event goes out as the single events it always did.
 */
import { listedFor } from '../../../shared/agent-conversations.js';
import type { Conversation } from '../../../shared/domain.js';
import type { Db } from '../cache/database.js';
import { toLocalConversation } from '../cache/conversations-repo.js';
import type { InternalBus } from '../base/internal-bus.js';
import type { WorkstationEvents } from '../workstation-events.js';
import type { AppliedChanges } from './event-applier.js';

export type EmitStyle = 'summary' | 'each';

/** Where applied changes are told: the page's events, and the services' own signals (never the page's). */
export interface ChangeListeners {
  events: WorkstationEvents;
  internal: InternalBus;
}

export function emitChanges({ events, internal }: ChangeListeners, changes: AppliedChanges, style: EmitStyle): void {
  const { conversations, removed, messages } = changes;
  if (style === 'summary') {
    if (conversations.length + removed.length + messages.length > 0) events.emit('conversations:synced', { conversations, removed, messages });
  } else {
    for (const message of messages) events.emit('message:upserted', message);
    for (const conversation of conversations) events.emit('conversation:updated', conversation);
    for (const conversationId of removed) events.emit('conversation:removed', { conversationId });
  }
  for (const offlineMessage of changes.offlineMessages) events.emit('offline-message:updated', offlineMessage);
  for (const ownerId of new Set(changes.phrasesOutdated)) internal.emit('phrases:outdated', { ownerId });
  if (changes.notices.length > 0) internal.emit('notices:arrived', { noticeIds: changes.notices.map((n) => n.id), live: style === 'each' });
  if (changes.settingsOutdated) internal.emit('settings:outdated', {});
  if (changes.tagCategoriesOutdated) internal.emit('tag-categories:outdated', {});
  for (const alert of changes.alerts) events.emit('alert:raised', alert);
  for (const whisper of changes.whispers) events.emit('whisper:received', whisper);
  for (const taken of changes.takenOver) events.emit('conversation:taken-over', taken);
}

/**
 * One conversation the cache now holds in this state: updated while it is listed for the agent,
 * removed once it is not (ended with a summary, transferred away) — the same rule as the list.
 */
export function emitConversation(events: WorkstationEvents, db: Db, conversation: Conversation, agentId: string): void {
  if (listedFor(conversation, agentId)) events.emit('conversation:updated', toLocalConversation(db, conversation, agentId));
  else events.emit('conversation:removed', { conversationId: conversation.id });
}
