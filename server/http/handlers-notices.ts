/** Route name → domain call for 通知 (shared/protocol/rest-notices.ts). */
import { NOTICE_LIMITS } from '../../shared/index.js';
import type { noticeRoutes } from '../../shared/protocol/rest-notices.js';
import type { DomainContext } from '../domain/context.js';
import { listMyNotices, listSentNotices, markNoticeRead, noticeReceipts, sendNotice } from '../domain/notices/notices.js';
import type { Handlers } from './register-routes.js';

export function createNoticeHandlers(ctx: DomainContext): Pick<Handlers, keyof typeof noticeRoutes> {
  return {
    sendNotice: ({ principal, body }) => sendNotice(ctx, principal.agent, body),
    listSentNotices: ({ principal, query }) => listSentNotices(ctx, principal.agent, query.limit),
    noticeReceipts: ({ principal, params }) => noticeReceipts(ctx, principal.agent, params.id),
    listMyNotices: ({ principal }) => listMyNotices(ctx, principal.agent.id, NOTICE_LIMITS.listMax),
    markNoticeRead: ({ principal, params }) => markNoticeRead(ctx, principal.agent.id, params.id),
  };
}
