/**
 * The 通知 part of the IPC contract: the agent's notices from the workstation's cache (newest
 * first, unread marked), mark one read through the server, and the events that keep the page's
 * list and the pop-up current.
 */
import { z } from 'zod';
import { MyNoticeSchema, type MyNotice } from '../protocol/rest-notices.js';
import { invoke, Id, Void } from './invoke.js';

export const noticeInvokeChannels = {
  /** From the cache (works offline); synced on login, reconnect and each `notice.sent`. */
  'notices:list': invoke<MyNotice[]>()(Void),
  /** Through the server; answers the notice with its read time. */
  'notices:mark-read': invoke<MyNotice>()(z.strictObject({ id: Id })),
} as const;

export const noticeEventChannels = {
  /** The cached list changed: reload it with `notices:list`. */
  'notices:changed': z.object({ unread: z.number().int() }),
  /** A notice for this agent arrived live: show it at once (pop-up and system notification). */
  'notice:arrived': MyNoticeSchema,
} as const;
