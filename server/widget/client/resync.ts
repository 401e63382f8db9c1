/**
 * After a `resync` frame (our lastSeq is beyond the server's log, so its events cannot tell us what
 * changed): read what the widget shows again from REST — the visitor's open conversation and
 * offline messages from the session route, and that conversation's messages page by page.
 */
import type { Conversation, Message } from '../../../shared/domain.js';
import { ok, type Result } from '../../../shared/errors.js';
import { LIMITS } from '../../../shared/limits.js';
import type { RouteBody } from '../../../shared/protocol/rest.js';
import type { WidgetApi } from './api.js';
import type { ChatSnapshot } from './chat-state.js';

type Api = Pick<WidgetApi, 'call'>;

export interface ResyncSnapshot extends ChatSnapshot {
  /** Whether anyone can take a chat now (for the screen to show when there is no conversation). */
  agentsAvailable: boolean;
}

/**
 * `current` is the conversation on screen: when the server has no open one for this visitor it
 * ended while we could not hear it, so it stays on screen as ended (with the server's messages),
 * or goes if this server does not know it at all.
 */
export async function readChatSnapshot(api: Api, session: RouteBody<'visitorSession'>, current: Conversation | null): Promise<Result<ResyncSnapshot>> {
  const answer = await api.call('visitorSession', { body: session });
  if (!answer.ok) return answer;
  const { offlineMessages, agentsAvailable } = answer.value;
  const open = answer.value.conversation;
  const conversation = open ?? (current ? { ...current, state: 'ended' as const } : null);
  if (!conversation) return ok({ conversation: null, messages: [], offlineMessages, agentsAvailable });
  const messages = await readMessages(api, conversation.id);
  if (!messages.ok && !open && messages.error.code === 'NOT_FOUND') return ok({ conversation: null, messages: [], offlineMessages, agentsAvailable });
  if (!messages.ok) return messages;
  return ok({ conversation, messages: messages.value, offlineMessages, agentsAvailable });
}

/**
 * A conversation's messages page by page, oldest first (bounded like the widget's first load):
 * each page goes to `onPage`, which may answer false to stop reading (the visitor moved on).
 */
export async function readMessagePages(api: Api, conversationId: string, onPage: (messages: Message[]) => boolean): Promise<Result<void>> {
  let afterSeq = 0;
  for (let page = 0; page < 100; page++) {
    const result = await api.call('listMessages', { params: { id: conversationId }, query: { afterSeq, limit: LIMITS.messagePageMax } });
    if (!result.ok) return result;
    if (!onPage(result.value)) break;
    const last = result.value[result.value.length - 1];
    if (!last || result.value.length < LIMITS.messagePageMax) break;
    afterSeq = last.seq;
  }
  return ok(undefined);
}

/** Every message of a conversation, oldest first. */
export async function readMessages(api: Api, conversationId: string): Promise<Result<Message[]>> {
  const all: Message[] = [];
  const read = await readMessagePages(api, conversationId, (messages) => (all.push(...messages), true));
  return read.ok ? ok(all) : read;
}
