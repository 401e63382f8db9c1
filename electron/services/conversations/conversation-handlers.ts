/** The chat channels of the contract (login, settings, conversations, queue, 留言), each to its service method. */
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { SessionService } from '../session/session-service.js';
import type { ConversationService } from './conversation-service.js';

type ChatChannel =
  | 'session:get-snapshot'
  | 'session:login'
  | 'session:logout'
  | 'settings:update'
  | 'agent:set-status'
  | 'agents:list'
  | 'topics:list'
  | 'groups:list'
  | 'connection:get-state'
  | 'conversations:list'
  | 'conversations:get-messages'
  | 'conversations:send-message'
  | 'conversations:retry-message'
  | 'conversations:mark-read'
  | 'conversations:set-typing'
  | 'conversations:accept'
  | 'conversations:transfer'
  | 'conversations:close'
  | 'conversations:push-evaluation'
  | 'conversations:visitor-history'
  | 'queue:list'
  | 'attachments:get'
  | 'offline-messages:list'
  | 'offline-messages:reply'
  | 'whispers:list'
  | 'whispers:answer';

export function createChatHandlers(session: SessionService, conversations: ConversationService): Pick<InvokeHandlers, ChatChannel> {
  return {
    'session:get-snapshot': () => session.snapshot(),
    'session:login': (request) => session.login(request),
    'session:logout': () => session.logout(),
    'settings:update': (patch) => session.updateSettings(patch),
    'agent:set-status': (request) => session.setStatus(request),
    'agents:list': () => conversations.agents(),
    'topics:list': () => conversations.topics(),
    'groups:list': () => conversations.groups(),
    'connection:get-state': () => conversations.connectionState(),
    'conversations:list': () => conversations.list(),
    'conversations:get-messages': (request) => conversations.messages(request),
    'conversations:send-message': (request) => conversations.send(request),
    'conversations:retry-message': (request) => conversations.retry(request),
    'conversations:mark-read': (request) => conversations.markRead(request),
    'conversations:set-typing': (request) => conversations.setTyping(request),
    'conversations:accept': (request) => conversations.accept(request),
    'conversations:transfer': (request) => conversations.transfer(request),
    'conversations:close': (request) => conversations.close(request),
    'conversations:push-evaluation': (request) => conversations.pushEvaluation(request),
    'conversations:visitor-history': (request) => conversations.visitorHistory(request),
    'queue:list': () => conversations.queue(),
    'attachments:get': (request) => conversations.attachment(request),
    'offline-messages:list': () => conversations.offlineMessages(),
    'offline-messages:reply': (request) => conversations.replyOffline(request),
    'whispers:list': (request) => conversations.whispers(request),
    'whispers:answer': (request) => conversations.answerWhisper(request),
  };
}
