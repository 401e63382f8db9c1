/**
 * Watches committed events and sends auto-replies: the greeting when a conversation becomes
 * active with an agent, the busy reply when a visitor writes to a 忙碌/离开 agent. Runs after the
 * commit, on the next turn of the event loop, so it never nests inside the transaction that
 * produced the event and the realtime hub always delivers events in seq order.
 */
import type { StoredEvent } from '../../store/types.js';
import type { DomainContext } from '../context.js';
import { sendAutoReply } from './auto-reply.js';
import { sweepNotResponding } from './not-responding.js';

export interface AutoReplyEngine {
  /** Sends what is pending now (tests call it instead of waiting a turn). */
  flush(): void;
  stop(): void;
}

export interface AutoReplyEngineOptions {
  /** How often the not-responding rule is checked (default 5 s). */
  notRespondingIntervalMs?: number;
  onError?: (err: unknown) => void;
}

/**
 * Of these conversations (each got a visitor message), the ones whose agent is 忙碌/离开: one read
 * per flush, after the commit's acks and deliveries went out (on PostgreSQL a read is a round trip
 * the process waits for; most visitor messages reach an online agent).
 */
function withAwayAgent(ctx: DomainContext, conversationIds: string[]): Set<string> {
  return conversationIds.length > 0 ? ctx.store.conversations.withAwayAgent(conversationIds) : new Set();
}

export function startAutoReplyEngine(ctx: DomainContext, opts: AutoReplyEngineOptions = {}): AutoReplyEngine {
  /** In commit order; 'visitor-wrote' becomes a busy reply if the agent is away when the flush runs. */
  let pending: { conversationId: string; kind: 'greeting' | 'visitor-wrote' }[] = [];
  let scheduled = false;
  let stopped = false;
  const report = opts.onError ?? (() => undefined);

  const flush = (): void => {
    scheduled = false;
    const work = pending;
    pending = [];
    let away: Set<string>;
    try {
      away = withAwayAgent(
        ctx,
        work.filter((item) => item.kind === 'visitor-wrote').map((item) => item.conversationId),
      );
    } catch (err) {
      report(err);
      away = new Set();
    }
    for (const item of work) {
      if (stopped) return;
      if (item.kind === 'visitor-wrote' && !away.has(item.conversationId)) continue;
      try {
        sendAutoReply(ctx, item.conversationId, item.kind === 'greeting' ? 'greeting' : 'busy');
      } catch (err) {
        report(err);
      }
    }
  };

  ctx.store.onCommit((events: StoredEvent[]) => {
    if (stopped) return;
    for (const { event } of events) {
      if (event.type === 'conversation.updated' && event.conversation.state === 'active' && event.conversation.agentId) {
        pending.push({ conversationId: event.conversation.id, kind: 'greeting' });
      } else if (event.type === 'message.created' && event.message.sender === 'visitor') {
        pending.push({ conversationId: event.message.conversationId, kind: 'visitor-wrote' });
      }
    }
    if (pending.length > 0 && !scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });

  const timer = setInterval(() => {
    if (stopped) return;
    try {
      sweepNotResponding(ctx);
    } catch (err) {
      report(err);
    }
  }, opts.notRespondingIntervalMs ?? 5_000);
  timer.unref();

  return {
    flush,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
