/**
 * 对话: the agent's conversations and messages from the cache, what the agent sends through the
 * outbox, and the server's conversation actions (accept, transfer, close…) written back to the
 * cache. Also the lists those actions pick from (agents, topics, groups, the queue) and 留言.
 */
import { fail, ok, type Result } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { Agent, Conversation } from '../../../shared/domain.js';
import { routePath, routes } from '../../../shared/protocol/rest.js';
import type { RestClient } from '../api/rest-client.js';
import { clearUnread, getConversation, listAgentConversations, upsertConversation } from '../cache/conversations-repo.js';
import type { Db } from '../cache/database.js';
import type { Reply, Request } from '../ipc/invoke-types.js';
import { emitConversation } from '../sync/emit-changes.js';
import { conversationMessages } from '../sync/local-messages.js';
import type { Outbox } from '../sync/outbox.js';
import type { RealtimeClient } from '../sync/realtime-client.js';
import type { Remote, WorkstationCore } from '../workstation-core.js';
import type { WorkstationEvents } from '../workstation-events.js';

export interface ConversationServiceDeps {
  db: Db;
  rest: Pick<RestClient, 'call' | 'download'>;
  remote: Remote;
  events: WorkstationEvents;
  agent(): Agent | null;
  realtime: Pick<RealtimeClient, 'phase' | 'isBehind' | 'send'>;
  outbox: Pick<Outbox, 'enqueue' | 'retry'>;
  backfillMessages(conversationId: string): Promise<void>;
  connectionState: WorkstationCore['connectionState'];
}

export interface ConversationService {
  connectionState(): Reply<'connection:get-state'>;
  list(): Reply<'conversations:list'>;
  messages(request: Request<'conversations:get-messages'>): Reply<'conversations:get-messages'>;
  send(request: Request<'conversations:send-message'>): Reply<'conversations:send-message'>;
  retry(request: Request<'conversations:retry-message'>): Reply<'conversations:retry-message'>;
  markRead(request: Request<'conversations:mark-read'>): Reply<'conversations:mark-read'>;
  setTyping(request: Request<'conversations:set-typing'>): Reply<'conversations:set-typing'>;
  accept(request: Request<'conversations:accept'>): Reply<'conversations:accept'>;
  transfer(request: Request<'conversations:transfer'>): Reply<'conversations:transfer'>;
  close(request: Request<'conversations:close'>): Reply<'conversations:close'>;
  pushEvaluation(request: Request<'conversations:push-evaluation'>): Reply<'conversations:push-evaluation'>;
  visitorHistory(request: Request<'conversations:visitor-history'>): Reply<'conversations:visitor-history'>;
  queue(): Reply<'queue:list'>;
  attachment(request: Request<'attachments:get'>): Reply<'attachments:get'>;
  offlineMessages(): Reply<'offline-messages:list'>;
  replyOffline(request: Request<'offline-messages:reply'>): Reply<'offline-messages:reply'>;
  agents(): Reply<'agents:list'>;
  topics(): Reply<'topics:list'>;
  groups(): Reply<'groups:list'>;
  whispers(request: Request<'whispers:list'>): Reply<'whispers:list'>;
  answerWhisper(request: Request<'whispers:answer'>): Reply<'whispers:answer'>;
}

const needLogin = () => fail('UNAUTHENTICATED', 'log in first');

export function createConversationService(deps: ConversationServiceDeps): ConversationService {
  const { db, rest, remote, events } = deps;

  /** A conversation the server changed: cache it and tell the renderer (or that it left the list). */
  function changed(result: Result<Conversation>): Result<Conversation> {
    if (!result.ok) return result;
    upsertConversation(db, result.value);
    const agentId = deps.agent()?.id;
    if (agentId) emitConversation(events, db, result.value, agentId);
    return result;
  }

  return {
    connectionState: async () => ok(deps.connectionState()),
    async list() {
      const agent = deps.agent();
      return agent ? ok(listAgentConversations(db, agent.id)) : needLogin();
    },
    async messages({ conversationId }) {
      const agent = deps.agent();
      if (!agent) return needLogin();
      // What the cache has, at once, unless a gap can be filled now: offline or catching up, the
      // page must not wait for the server (a catch-up brings this conversation's events anyway).
      if (deps.realtime.phase === 'online' && !deps.realtime.isBehind(conversationId)) await deps.backfillMessages(conversationId);
      return ok(conversationMessages(db, conversationId, agent));
    },
    send: async (request) => deps.outbox.enqueue(request),
    retry: async ({ clientId }) => deps.outbox.retry(clientId),
    async markRead({ conversationId }) {
      const agent = deps.agent();
      if (!agent) return needLogin();
      clearUnread(db, agent.id, conversationId);
      const conversation = getConversation(db, conversationId);
      if (conversation) emitConversation(events, db, conversation, agent.id);
      return ok(null);
    },
    async setTyping({ conversationId, typing }) {
      // Typing is ephemeral: when offline there is nobody to tell, and that is fine.
      deps.realtime.send({ type: 'typing', conversationId, typing });
      return ok(null);
    },
    accept: async ({ conversationId }) => changed(remote(await rest.call('acceptConversation', { params: { id: conversationId } }))),
    transfer: async ({ conversationId, ...target }) =>
      changed(remote(await rest.call('transferConversation', { params: { id: conversationId }, body: target }))),
    close: async ({ conversationId, topicId, note }) =>
      changed(remote(await rest.call('closeConversation', { params: { id: conversationId }, body: { topicId, note } }))),
    pushEvaluation: async ({ conversationId }) => changed(remote(await rest.call('pushEvaluation', { params: { id: conversationId } }))),
    visitorHistory: async ({ visitorId }) => remote(await rest.call('visitorHistory', { params: { id: visitorId } })),
    queue: async () => remote(await rest.call('listQueue')),
    async attachment({ attachmentId }) {
      const result = remote(await rest.download(routePath(routes.getAttachment.path, { id: attachmentId })));
      if (!result.ok) return result;
      return ok({ mime: result.value.mime, dataBase64: result.value.bytes.toString('base64'), name: result.value.name });
    },
    offlineMessages: async () => remote(await rest.call('listOfflineMessages', { query: {} })),
    async replyOffline({ id, text }) {
      const result = remote(await rest.call('replyOfflineMessage', { params: { id }, body: { text } }));
      if (result.ok) events.emit('offline-message:updated', result.value);
      return result;
    },
    agents: async () => remote(await rest.call('listAgents')),
    topics: async () => remote(await rest.call('listTopics')),
    groups: async () => remote(await rest.call('listGroups')),
    whispers: async ({ conversationId }) => remote(await rest.call('listWhispers', { params: { id: conversationId } })),
    // Online only (no outbox): an answer to a supervisor is worth nothing late; the page says it failed.
    answerWhisper: async ({ conversationId, text }) =>
      remote(await rest.call('answerWhisper', { params: { id: conversationId }, body: { clientId: uuidv7(), text } })),
  };
}
