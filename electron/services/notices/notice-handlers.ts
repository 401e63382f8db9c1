/** The 通知 channels of the contract (shared/ipc/notices.ts), each to its NoticeService method. */
import type { noticeInvokeChannels } from '../../../shared/ipc/notices.js';
import type { InvokeHandlers } from '../workstation-handlers.js';
import type { NoticeService } from './notice-service.js';

export function createNoticeHandlers(notices: NoticeService): Pick<InvokeHandlers, keyof typeof noticeInvokeChannels> {
  return {
    'notices:list': () => notices.list(),
    'notices:mark-read': (request) => notices.markRead(request),
  };
}
