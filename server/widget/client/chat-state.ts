/**
 * The visitor's view of their conversation, built from REST answers and realtime frames. Every
 * input may arrive twice (replay after reconnect, REST answer plus event, two tabs), so applying
 * is idempotent: durable events at or below the last applied seq are skipped, and messages are
 * keyed by id, shown in the conversation's seq order.
 */
import type { Conversation, Message, OfflineMessage } from '../../../shared/domain.js';
import type { DurableEvent, ServerFrame } from '../../../shared/protocol/realtime.js';
import { assertNever } from '../../../shared/errors.js';

export interface FrameEffects {
  /** clientIds the server has stored (ack frame or the stored message came back as an event). */
  stored: string[];
  /** Refusals by clientId. */
  refused: { clientId: string; code: string; message: string }[];
  /** Durable seq to remember, if this frame advanced it. */
  seq: number | null;
  changed: boolean;
}

/** What the widget shows, read again from the server's REST routes (after a `resync` frame). */
export interface ChatSnapshot {
  conversation: Conversation | null;
  messages: Message[];
  offlineMessages: OfflineMessage[];
}

export class ChatState {
  conversation: Conversation | null = null;
  evaluationRequested = false;
  agentTypingUntil = 0;
  queuePosition: number | null = null;
  replay: { done: number; total: number } | null = null;
  readonly offlineMessages = new Map<string, OfflineMessage>();
  private readonly messagesById = new Map<string, Message>();
  /**
   * messages() as last built, kept while messages only arrive in order (a replay, pages of
   * history): the view reads it on every render, and sorting the whole conversation for each of
   * thousands of replayed events made a return to a long conversation freeze the page.
   */
  private sorted: Message[] | null = null;

  constructor(public lastSeq: number = 0) {}

  /** Messages of the current conversation in the order the server stored them (do not change it). */
  messages(): readonly Message[] {
    this.sorted ??= [...this.messagesById.values()].sort((a, b) => a.seq - b.seq);
    return this.sorted;
  }

  hasMessage(id: string): boolean {
    return this.messagesById.has(id);
  }

  /** Switches to a conversation (resume, start, restart); a different one clears the view. */
  setConversation(conversation: Conversation | null): void {
    if (conversation?.id !== this.conversation?.id) {
      this.messagesById.clear();
      this.sorted = null;
      this.evaluationRequested = false;
      this.agentTypingUntil = 0;
    }
    this.conversation = conversation;
    this.queuePosition = conversation?.queuePosition ?? null;
  }

  /**
   * After a `resync`: the server's answer replaces everything shown (messages it does not have go,
   * even in the same conversation), and events count again from the server's head, which may be
   * lower than the seq we had.
   */
  rebuild(snapshot: ChatSnapshot, headSeq: number): void {
    this.setConversation(snapshot.conversation);
    this.messagesById.clear();
    this.sorted = null;
    for (const message of snapshot.messages) this.addMessage(message);
    this.offlineMessages.clear();
    for (const offline of snapshot.offlineMessages) this.offlineMessages.set(offline.id, offline);
    this.lastSeq = headSeq;
    this.replay = null;
  }

  /** Adds a message if it belongs to the current conversation; false when it was already here. */
  addMessage(message: Message): boolean {
    if (!this.conversation || message.conversationId !== this.conversation.id) return false;
    if (this.messagesById.has(message.id)) return false;
    this.messagesById.set(message.id, message);
    if (this.sorted) {
      // In order (the usual case): appended. Out of order: sorted again when next asked for.
      const last = this.sorted[this.sorted.length - 1];
      if (!last || last.seq <= message.seq) this.sorted.push(message);
      else this.sorted = null;
    }
    if (message.sender === 'agent') this.agentTypingUntil = 0;
    return true;
  }

  applyFrame(frame: ServerFrame, now: number = Date.now()): FrameEffects {
    const effects: FrameEffects = { stored: [], refused: [], seq: null, changed: false };
    switch (frame.type) {
      case 'event':
        if (frame.seq <= this.lastSeq) return effects;
        this.lastSeq = frame.seq;
        effects.seq = frame.seq;
        this.applyEvent(frame.event, effects);
        return effects;
      case 'ack':
        effects.stored.push(frame.clientId);
        this.addMessage(frame.message);
        effects.changed = true;
        return effects;
      case 'nack':
        effects.refused.push({ clientId: frame.clientId, code: frame.error.code, message: frame.error.message });
        effects.changed = true;
        return effects;
      case 'typing':
        if (frame.conversationId !== this.conversation?.id) return effects;
        // A lost "typing: false" must not leave the indicator on forever.
        this.agentTypingUntil = frame.typing ? now + 6000 : 0;
        effects.changed = true;
        return effects;
      case 'queue': {
        const entry = frame.entries.find((candidate) => candidate.conversationId === this.conversation?.id);
        const position = entry ? entry.position : this.conversation?.state === 'queued' ? this.queuePosition : null;
        effects.changed = position !== this.queuePosition;
        this.queuePosition = position;
        return effects;
      }
      case 'replay.progress':
        this.replay = { done: frame.done, total: frame.total };
        effects.changed = true;
        return effects;
      case 'replay.done':
        this.replay = null;
        effects.changed = true;
        return effects;
      case 'resync': // realtime.ts stops the socket and the app rebuilds (rebuild above)
      case 'welcome':
      case 'draft':
      case 'presence':
      case 'agent':
      case 'customer.changed':
      case 'error':
      case 'pong':
      case 'business-hours': // the app's, not the chat's (app.ts onFrame)
      case 'widget-config':
      case 'visitor-rules':
      case 'wallboard': // 实时监控 sockets only
      case 'site-visitor': // 访客监控: staff who watch only
      case 'site-visitor.left':
      case 'invitation': // the hidden trail frame's browse socket (trail.ts), never the chat's
        return effects;
      default:
        return assertNever(frame);
    }
  }

  private applyEvent(event: DurableEvent, effects: FrameEffects): void {
    switch (event.type) {
      case 'message.created':
        if (event.message.sender === 'visitor') effects.stored.push(event.message.clientId);
        effects.changed = this.addMessage(event.message);
        return;
      case 'conversation.updated':
        effects.changed = this.updateConversation(event.conversation);
        return;
      case 'conversation.removed':
        return;
      case 'offline-message.updated':
        this.offlineMessages.set(event.offlineMessage.id, event.offlineMessage);
        effects.changed = true;
        return;
      case 'phrases.changed':
      case 'notice.sent':
      case 'settings.changed':
      case 'tag-categories.changed':
      case 'whisper.created':
        // Staff-only; a visitor is never in their audience.
        return;
      case 'evaluation.requested':
        if (event.conversationId !== this.conversation?.id) return;
        this.evaluationRequested = true;
        effects.changed = true;
        return;
      default:
        assertNever(event);
    }
  }

  /** The current conversation changed, or a newer one appeared (e.g. started in another tab). */
  private updateConversation(conversation: Conversation): boolean {
    const current = this.conversation;
    if (current && conversation.id !== current.id && conversation.createdAt < current.createdAt) return false;
    this.setConversation(conversation);
    return true;
  }

  /** Whether the satisfaction form should be on screen. */
  wantsEvaluation(): boolean {
    const conversation = this.conversation;
    if (!conversation || conversation.evaluation) return false;
    return conversation.evaluationPushed || this.evaluationRequested;
  }

  agentTyping(now: number = Date.now()): boolean {
    return this.agentTypingUntil > now;
  }
}
