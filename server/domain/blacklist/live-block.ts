/**
 * A visitor listed while chatting is stopped at once, not at their next send: their open
 * conversation ends (a system message says why; everything they sent stays in the records), and
 * the realtime hub, told after the commit, shows their widget the notice. The hub registers here
 * as it does for ended sessions (sessions.ts), so the domain never imports the realtime layer.
 */
import type { BlacklistRow } from '../../store/blacklist-types.js';
import type { DomainContext } from '../context.js';
import { end } from '../lifecycle.js';
import { drainQueue } from '../routing.js';

/** The system message the conversation ends with; the agent reads it, the visitor sees the notice. */
export const BLOCKED_END_TEXT = '访客已被加入黑名单，对话已结束';

export type BlacklistAdded = (entry: BlacklistRow) => void;

const listeners = new WeakMap<DomainContext, BlacklistAdded>();

/** The realtime hub registers here to stop the listed visitors it holds sockets of. */
export function onBlacklistAdded(ctx: DomainContext, listener: BlacklistAdded): void {
  listeners.set(ctx, listener);
}

/** Inside the add's transaction: the visitor's open conversation, if any, ends now. */
export function endOpenConversationIn(ctx: DomainContext, visitorId: string): boolean {
  const open = ctx.store.conversations.openForVisitor(visitorId);
  if (!open) return false;
  end(ctx, open, 'system', BLOCKED_END_TEXT);
  return true;
}

/**
 * For a visitor found listed after the fact (an address entry matched their socket): ends their
 * open conversation in a transaction of its own, then frees the agent's slot for the queue.
 */
export function endForBlockedVisitor(ctx: DomainContext, visitorId: string): void {
  if (ctx.store.transaction(() => endOpenConversationIn(ctx, visitorId))) afterEnding(ctx);
}

/** After the commit: the ended conversation freed a slot, and the listener stops the sockets. */
export function announceAdded(ctx: DomainContext, entry: BlacklistRow, endedConversation: boolean): void {
  if (endedConversation) afterEnding(ctx);
  listeners.get(ctx)?.(entry);
}

function afterEnding(ctx: DomainContext): void {
  drainQueue(ctx);
  ctx.signal();
}
