/**
 * One handler per invoke channel of the contract. The dispatcher has already validated the
 * request with the channel's schema; handlers answer a Result and never throw on purpose.
 */
import type { z } from 'zod';
import { fail, ok, type Result } from '../../shared/errors.js';
import type { Conversation } from '../../shared/domain.js';
import { routePath, routes } from '../../shared/protocol/rest.js';
import type { InvokeChannel, InvokeResponse, invokeChannels } from '../../shared/ipc/contract.js';
import { clearUnread, getConversation, listAgentConversations, upsertConversation } from './cache/conversations-repo.js';
import { saveSettings } from './cache/settings-repo.js';
import { conversationMessages } from './sync/local-messages.js';
import { emitConversation } from './sync/emit-changes.js';
import { createDesktopHandlers } from './desktop/desktop-handlers.js';
import { createPhraseHandlers } from './phrases/phrase-handlers.js';
import { createFilePhraseHandlers } from './phrases/file-phrase-handlers.js';
import { createKnowledgeHandlers } from './knowledge/handlers.js';
import { createRecordHandlers } from './records/record-handlers.js';
import { createCustomerHandlers } from './customers/customer-handlers.js';
import { createAlertHandlers } from './alerts/alert-handlers.js';
import { createLogExportHandlers } from './logging/log-export-handlers.js';
import type { WorkstationCore } from './workstation-core.js';
import { createPhoneHandlers } from './softphone/phone-handlers.js';
import { createServerAddressHandlers } from './server-address/server-address-handlers.js';
import { createUpdateHandlers } from './updates/update-handlers.js';

export type InvokeHandlers = {
  [C in InvokeChannel]: (request: z.output<(typeof invokeChannels)[C]['request']>) => Promise<Result<InvokeResponse<C>>>;
};

const needLogin = () => fail('UNAUTHENTICATED', 'log in first');

export function createHandlers(core: WorkstationCore): InvokeHandlers {
  const { db, rest, events, session } = core;

  /** A conversation the server changed: cache it and tell the renderer (or that it left the list). */
  function conversationChanged(conversation: Conversation): Result<Conversation> {
    upsertConversation(db, conversation);
    const agentId = session.current()?.agent.id;
    if (agentId) emitConversation(events, db, conversation, agentId);
    return ok(conversation);
  }

  const remote = core.watchAuth;

  return {
    ...createDesktopHandlers(),
    ...createPhraseHandlers(core),
    ...createFilePhraseHandlers(core),
    ...createKnowledgeHandlers(core),
    ...createRecordHandlers(core),
    ...createCustomerHandlers(core),
    ...createAlertHandlers(core),
    ...createServerAddressHandlers(core),
    ...createUpdateHandlers(),
    ...createLogExportHandlers(),
    ...createPhoneHandlers({
      softphone: core.softphone,
      db,
      rest,
      agent: () => {
        const agent = session.current()?.agent;
        return agent ? { id: agent.id, name: agent.nickname } : null;
      },
      remote,
    }),
    'session:get-snapshot': async () => ok(session.snapshot()),
    'session:login': (request) => session.login(request),
    'session:logout': () => session.logout(),
    'settings:update': async (patch) => {
      saveSettings(db, patch);
      const snapshot = session.snapshot();
      events.emit('session:changed', snapshot);
      return ok(snapshot.settings);
    },
    'agent:set-status': async ({ status }) => {
      const result = remote(await rest.call('setStatus', { body: { status } }));
      if (result.ok) core.agentChanged(result.value);
      return result;
    },
    'agents:list': async () => remote(await rest.call('listAgents')),
    'topics:list': async () => remote(await rest.call('listTopics')),
    'groups:list': async () => remote(await rest.call('listGroups')),
    'connection:get-state': async () => ok(core.connectionState()),
    'conversations:list': async () => {
      const agent = session.current()?.agent;
      return agent ? ok(listAgentConversations(db, agent.id)) : needLogin();
    },
    'conversations:get-messages': async ({ conversationId }) => {
      const agent = session.current()?.agent;
      if (!agent) return needLogin();
      // What the cache has, at once, unless a gap can be filled now: offline or catching up, the
      // page must not wait for the server (a catch-up brings this conversation's events anyway).
      if (core.realtime.phase === 'online' && !core.realtime.isBehind(conversationId)) await core.backfillMessages(conversationId);
      return ok(conversationMessages(db, conversationId, agent));
    },
    'conversations:send-message': async (request) => core.outbox.enqueue(request),
    'conversations:retry-message': async ({ clientId }) => core.outbox.retry(clientId),
    'conversations:mark-read': async ({ conversationId }) => {
      const agent = session.current()?.agent;
      if (!agent) return needLogin();
      clearUnread(db, agent.id, conversationId);
      const conversation = getConversation(db, conversationId);
      if (conversation) emitConversation(events, db, conversation, agent.id);
      return ok(null);
    },
    'conversations:set-typing': async ({ conversationId, typing }) => {
      // Typing is ephemeral: when offline there is nobody to tell, and that is fine.
      core.realtime.send({ type: 'typing', conversationId, typing });
      return ok(null);
    },
    'conversations:accept': async ({ conversationId }) => {
      const result = remote(await rest.call('acceptConversation', { params: { id: conversationId } }));
      return result.ok ? conversationChanged(result.value) : result;
    },
    'conversations:transfer': async ({ conversationId, ...target }) => {
      const result = remote(await rest.call('transferConversation', { params: { id: conversationId }, body: target }));
      return result.ok ? conversationChanged(result.value) : result;
    },
    'conversations:close': async ({ conversationId, topicId, note }) => {
      const result = remote(await rest.call('closeConversation', { params: { id: conversationId }, body: { topicId, note } }));
      return result.ok ? conversationChanged(result.value) : result;
    },
    'conversations:push-evaluation': async ({ conversationId }) => {
      const result = remote(await rest.call('pushEvaluation', { params: { id: conversationId } }));
      return result.ok ? conversationChanged(result.value) : result;
    },
    'conversations:visitor-history': async ({ visitorId }) => remote(await rest.call('visitorHistory', { params: { id: visitorId } })),
    'queue:list': async () => remote(await rest.call('listQueue')),
    'attachments:get': async ({ attachmentId }) => {
      const result = remote(await rest.download(routePath(routes.getAttachment.path, { id: attachmentId })));
      if (!result.ok) return result;
      return ok({ mime: result.value.mime, dataBase64: result.value.bytes.toString('base64'), name: result.value.name });
    },
    'offline-messages:list': async () => remote(await rest.call('listOfflineMessages', { query: {} })),
    'offline-messages:reply': async ({ id, text }) => {
      const result = remote(await rest.call('replyOfflineMessage', { params: { id }, body: { text } }));
      if (result.ok) events.emit('offline-message:updated', result.value);
      return result;
    },
  };
}
