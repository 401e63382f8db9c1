/**
 * 通知 (notices): an admin sends a short plain-text notice to every staff member or to one skill
 * group; each recipient (fixed when it is sent) sees it in their 通知 list and marks it read; the
 * sender sees who has read it and who has not. The realtime `notice.sent` event (./realtime.ts)
 * brings it to the workstations at once, or on their next replay.
 */
import { z } from 'zod';
import { nameField, textField } from '../domain.js';
import { queryInt } from '../query-number.js';
import { Id, IdParams } from './rest-common.js';
import type { RouteDef } from './rest.js';

export const NOTICE_LIMITS = {
  /** Characters of a notice's title. */
  titleMax: 100,
  /** Characters of a notice's text (plain text, no markup). */
  bodyMax: 2000,
  /** Notices one list returns at most (newest first). */
  listMax: 200,
} as const;

/** A notice as it was sent: what the event carries and every list shows. */
export const NoticeSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  sentAt: z.number(),
  /** The sender's nickname when it was sent. */
  senderName: z.string(),
  /** The skill group it went to; null: everyone. */
  groupId: z.string().nullable(),
  /** That group's name when it was sent. */
  groupName: z.string().nullable(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/** A notice in a recipient's 通知 list. */
export const MyNoticeSchema = NoticeSchema.extend({
  /** When this recipient marked it read; null: unread. */
  readAt: z.number().nullable(),
});
export type MyNotice = z.infer<typeof MyNoticeSchema>;

/** A notice in the sender's list (管理中心 → 通知), with its read counts. */
export const SentNoticeSchema = NoticeSchema.extend({
  recipients: z.number().int(),
  read: z.number().int(),
});
export type SentNotice = z.infer<typeof SentNoticeSchema>;

/** One recipient of a notice and whether (and when) they read it. */
export const NoticeReceiptSchema = z.object({
  agentId: z.string(),
  /** Null once the account is gone. */
  account: z.string().nullable(),
  nickname: z.string().nullable(),
  readAt: z.number().nullable(),
});
export type NoticeReceipt = z.infer<typeof NoticeReceiptSchema>;

export const NoticeReceiptsSchema = z.object({ notice: SentNoticeSchema, receipts: z.array(NoticeReceiptSchema) });
export type NoticeReceipts = z.infer<typeof NoticeReceiptsSchema>;

export const SendNoticeBodySchema = z.strictObject({
  /** The skill group to send to; null: everyone. */
  groupId: Id.nullable(),
  title: nameField(NOTICE_LIMITS.titleMax),
  body: textField(NOTICE_LIMITS.bodyMax),
});
export type SendNoticeBody = z.input<typeof SendNoticeBodySchema>;

export const SentNoticesQuerySchema = z.strictObject({ limit: queryInt(1, NOTICE_LIMITS.listMax).prefault(50) });

export const noticeRoutes = {
  sendNotice: {
    method: 'POST',
    path: '/api/admin/notices',
    access: 'leader',
    summary:
      'Send a notice (通知) to everyone or to one skill group; its recipients are the enabled members at this moment (a group leader: to their own group only)',
    body: SendNoticeBodySchema,
    response: SentNoticeSchema,
  },
  listSentNotices: {
    method: 'GET',
    path: '/api/admin/notices',
    access: 'leader',
    summary: 'Notices sent, newest first, with how many recipients have read each (a group leader: those to their own group)',
    query: SentNoticesQuerySchema,
    response: z.array(SentNoticeSchema),
  },
  noticeReceipts: {
    method: 'GET',
    path: '/api/admin/notices/:id',
    access: 'leader',
    summary: 'One notice with each recipient: who has read it and when, who has not yet (a group leader: notices to their own group)',
    params: IdParams,
    response: NoticeReceiptsSchema,
  },
  listMyNotices: {
    method: 'GET',
    path: '/api/notices',
    access: 'staff',
    summary: 'The caller’s notices, newest first, each with its read time (null: unread)',
    response: z.array(MyNoticeSchema),
  },
  markNoticeRead: {
    method: 'POST',
    path: '/api/notices/:id/read',
    access: 'staff',
    summary: 'Mark one of the caller’s notices read (the first read time is kept)',
    params: IdParams,
    response: MyNoticeSchema,
  },
} as const satisfies Record<string, RouteDef>;
