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
 * The conversations of these visitor messages whose agent is 忙碌/离开: one read per commit, before
 * any write transaction (most visitor messages reach an online agent, and on PostgreSQL each read
 * is a round trip).
 */
function withAwayAgent(ctx: DomainContext, events: StoredEvent[]): Set<string> {
  const ids = events.flatMap(({ event }) => (event.type === 'message.created' && event.message.sender === 'visitor' ? [event.message.conversationId] : []));
  return ids.length > 0 ? ctx.store.conversations.withAwayAgent(ids) : new Set();
}

export function startAutoReplyEngine(ctx: DomainContext, opts: AutoReplyEngineOptions = {}): AutoReplyEngine {
  let pending: { conversationId: string; kind: 'greeting' | 'busy' }[] = [];
  let scheduled = false;
  let stopped = false;
  const report = opts.onError ?? (() => undefined);

  const flush = (): void => {
    scheduled = false;
    const work = pending;
    pending = [];
    for (const item of work) {
      if (stopped) return;
      try {
        sendAutoReply(ctx, item.conversationId, item.kind);
      } catch (err) {
        report(err);
      }
    }
  };

  ctx.store.onCommit((events: StoredEvent[]) => {
    if (stopped) return;
    const away = withAwayAgent(ctx, events);
    for (const { event } of events) {
      if (event.type === 'conversation.updated' && event.conversation.state === 'active' && event.conversation.agentId) {
        pending.push({ conversationId: event.conversation.id, kind: 'greeting' });
      } else if (event.type === 'message.created' && event.message.sender === 'visitor' && away.has(event.message.conversationId)) {
        pending.push({ conversationId: event.message.conversationId, kind: 'busy' });
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
