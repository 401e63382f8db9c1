/** Route name → domain service call. No rules live here; the services decide. */
import type { DomainContext } from '../domain/context.js';
import * as accounts from '../domain/accounts.js';
import { readableConversation } from '../domain/access.js';
import { listAgents, queueEntries, toAgent, toConversation } from '../domain/dto.js';
import { pushEvaluation, evaluate } from '../domain/evaluation.js';
import { closeConversation, endByVisitor } from '../domain/lifecycle.js';
import { listMessages, sendMessage } from '../domain/messages.js';
import { getOfflineMessage, leaveOfflineMessage, listOfflineMessages, replyOfflineMessage } from '../domain/offline-messages.js';
import { acceptConversation, drainQueue, transferConversation } from '../domain/routing.js';
import { readAttachment, uploadAttachment } from '../domain/uploads.js';
import { contentDisposition } from '../domain/files/file-name.js';
import { openVisitorSession, startConversation } from '../domain/visitors.js';
import { refuse } from '../domain/errors.js';
import { visitorHistory } from '../domain/history.js';
import type { Handlers } from './register-routes.js';
import { createPhoneHandlers } from './handlers-phone.js';
import { createPhraseHandlers } from './handlers-phrases.js';
import { createKnowledgeHandlers } from './handlers-knowledge.js';
import { createRecordHandlers } from './handlers-records.js';
import { createCustomerHandlers } from './handlers-customers.js';
import { createLoginGuardHandlers } from './handlers-login-guard.js';
import { createAdminHandlers } from './handlers-admin.js';
import { createNoticeHandlers } from './handlers-notices.js';
import { createMonitorHandlers } from './handlers-monitor.js';
import { createBlacklistHandlers } from './handlers-blacklist.js';
import { createWidgetSettingsHandlers } from './handlers-widget-settings.js';
import { refuseIncompleteRegistration } from '../domain/widget-settings/prechat.js';
import { createAgentProfileHandlers } from './handlers-agent-profile.js';
import { createTagCategoryHandlers } from './handlers-tag-categories.js';
import { createSupervisionHandlers } from './handlers-supervision.js';
import { createSiteVisitorHandlers } from './handlers-site-visitors.js';
import { createReportHandlers } from './handlers-reports.js';
import { refuseIfBlocked } from '../domain/blacklist/enforcement.js';
import { changeOwnPassword } from '../domain/own-password.js';
import type { LoginIpLimit } from './login-ip-limit.js';

export function createHandlers(ctx: DomainContext, loginIpLimit: LoginIpLimit): Handlers {
  const conversation = (row: Parameters<typeof toConversation>[1]) => toConversation(ctx, row);
  return {
    login: ({ body, request, reply }) => loginIpLimit.guard(request, reply, () => accounts.login(ctx, body.account, body.password)),
    refreshSession: ({ body }) => accounts.refresh(ctx, body.refreshToken),
    logout: ({ principal }) => {
      accounts.logout(ctx, principal);
      return { ok: true };
    },
    me: ({ principal }) => toAgent(ctx, ctx.store.agents.byId(principal.agent.id)!),
    setStatus: ({ principal, body }) => accounts.setStatus(ctx, principal.agent.id, body.status),
    changeMyPassword: ({ principal, body }) => changeOwnPassword(ctx, principal, body.currentPassword, body.newPassword),
    listAgents: () => listAgents(ctx),
    listGroups: () => ctx.store.groups.list(),
    listTopics: () => ctx.store.topics.list().map((t) => ({ id: t.id, name: t.name, enabled: t.enabled })),
    createTopic: ({ principal, body }) => accounts.createTopic(ctx, body.name, principal.agent),
    updateTopic: ({ principal, params, body }) => accounts.updateTopic(ctx, params.id, body, principal.agent),
    createAgent: ({ principal, body }) => accounts.createAgent(ctx, body, principal.agent),
    updateAgent: ({ principal, params, body }) => accounts.updateAgent(ctx, params.id, body, { keepSessionId: principal.session.id, actor: principal.agent }),
    getSettings: () => ctx.settings(),
    updateSettings: ({ principal, body }) => accounts.updateSettings(ctx, body, principal.agent),

    listConversations: ({ principal, query }) => {
      const admin = principal.agent.role === 'admin';
      const states = query.state === 'open' ? (['queued', 'active'] as const) : query.state ? [query.state] : undefined;
      return ctx.store.conversations
        .list({
          states: states ? [...states] : undefined,
          visitorId: query.visitorId,
          agentId: admin ? undefined : principal.agent.id,
          includeQueued: true,
          limit: query.limit,
        })
        .map(conversation);
    },
    getConversation: ({ principal, params }) => conversation(readableConversation(ctx, principal, params.id)),
    listQueue: () => queueEntries(ctx),
    acceptConversation: ({ principal, params }) => conversation(acceptConversation(ctx, principal, params.id)),
    transferConversation: ({ principal, params, body }) => {
      const row = transferConversation(ctx, principal, params.id, body);
      drainQueue(ctx);
      return conversation(ctx.store.conversations.byId(row.id)!);
    },
    closeConversation: ({ principal, params, body }) => conversation(closeConversation(ctx, principal, params.id, body)),
    pushEvaluation: ({ principal, params }) => conversation(pushEvaluation(ctx, principal, params.id)),
    visitorHistory: ({ principal, params }) => visitorHistory(ctx, principal, params.id).map(conversation),
    listOfflineMessages: ({ principal, query }) => listOfflineMessages(ctx, principal, query.status),
    getOfflineMessage: ({ principal, params }) => getOfflineMessage(ctx, principal, params.id),
    replyOfflineMessage: ({ principal, params, body }) => replyOfflineMessage(ctx, principal, params.id, body.text),

    listMessages: ({ principal, params, query }) => listMessages(ctx, principal, params.id, query.afterSeq, query.limit),
    sendMessage: ({ principal, params, body, request }) => {
      refuseIfBlocked(ctx, principal, request.ip);
      return sendMessage(ctx, principal, params.id, body).message;
    },
    upload: ({ principal, query, body, request }) => {
      refuseIfBlocked(ctx, principal, request.ip);
      if (!Buffer.isBuffer(body)) return refuse('VALIDATION_FAILED', 'Send the file bytes as the request body', { body: 'missing' });
      return uploadAttachment(ctx, principal, query.conversationId, query.name, body);
    },
    getAttachment: ({ principal, params, reply }) => {
      const { attachment, bytes } = readAttachment(ctx, principal, params.id);
      // Never let a browser render an upload as a page: sandboxed, no sniffing, non-images downloaded.
      reply.header('X-Content-Type-Options', 'nosniff');
      reply.header('Content-Security-Policy', "sandbox; default-src 'none'");
      reply.header('Cache-Control', 'private, max-age=86400');
      if (attachment.isImage) {
        reply.header('Content-Type', attachment.mime);
        reply.header('Content-Disposition', contentDisposition('inline', attachment.name));
      } else {
        reply.header('Content-Type', 'application/octet-stream');
        reply.header('Content-Disposition', contentDisposition('attachment', attachment.name));
      }
      return reply.send(bytes);
    },

    visitorSession: ({ body, request }) => openVisitorSession(ctx, body, request.ip),
    visitorStart: ({ principal, request }) => {
      // 访客注册: a listed visitor hears BLOCKED first, everyone else what the company still needs.
      refuseIfBlocked(ctx, principal, request.ip);
      refuseIncompleteRegistration(ctx, principal);
      const outcome = startConversation(ctx, principal, request.ip);
      return outcome.outcome === 'started' ? { outcome: 'started', conversation: conversation(outcome.conversation) } : outcome;
    },
    visitorEnd: ({ principal }) => conversation(endByVisitor(ctx, principal)),
    visitorEvaluate: ({ principal, body }) => conversation(evaluate(ctx, principal, body.rating, body.comment)),
    visitorLeaveMessage: ({ principal, body, request }) => {
      refuseIfBlocked(ctx, principal, request.ip);
      return leaveOfflineMessage(ctx, principal, body);
    },
    ...createPhoneHandlers(ctx),
    ...createPhraseHandlers(ctx),
    ...createKnowledgeHandlers(ctx),
    ...createRecordHandlers(ctx),
    ...createCustomerHandlers(ctx),
    ...createLoginGuardHandlers(ctx),
    ...createAdminHandlers(ctx),
    ...createNoticeHandlers(ctx),
    ...createMonitorHandlers(ctx),
    ...createBlacklistHandlers(ctx),
    ...createWidgetSettingsHandlers(ctx),
    ...createAgentProfileHandlers(ctx),
    ...createTagCategoryHandlers(ctx),
    ...createSupervisionHandlers(ctx),
    ...createSiteVisitorHandlers(ctx),
    ...createReportHandlers(ctx),
  };
}
