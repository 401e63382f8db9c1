/**
 * The chat screen: status line (排队中 / agent / typing / reconnecting), the message log, the
 * satisfaction form, the ended state with 重新咨询, and the composer. Message elements are kept by
 * key and reused, so an update never rebuilds what the visitor is looking at.
 */
import type { Message } from '../../../../shared/domain.js';
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import type { ChatState } from '../chat-state.js';
import type { OutboxEntry } from '../outbox.js';
import type { ConnectionState } from '../realtime.js';
import { Composer, type ComposerHandlers } from './composer.js';
import { evaluationForm, evaluationFormUntouched, evaluationThanks, type EvaluationOptions, type SubmitEvaluation } from './evaluation.js';
import { renderMessage, renderPending } from './message.js';
import { avatarPath } from '../../../../shared/protocol/rest-avatars.js';

export interface ChatModel {
  state: ChatState;
  pending: OutboxEntry[];
  connection: ConnectionState;
  queueTimedOut: boolean;
  evaluationDone: boolean;
}

export interface ChatHandlers extends ComposerHandlers {
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
  onEvaluate: SubmitEvaluation;
  /** What the rating offers (公司设置: the levels' words, a comment or not), read when the form appears. */
  evaluationOptions?: () => EvaluationOptions;
  onRestart: () => void;
  onLeaveMessage: () => void;
  attachmentUrl: (id: string) => string;
}

export class ChatView {
  readonly element: HTMLElement;
  readonly composer: Composer;
  private readonly status = h('div', { className: 'chat-status', role: 'status', 'aria-live': 'polite' });
  private readonly typing = h('div', { className: 'chat-typing', 'aria-live': 'polite' });
  /** 头像 of the agent serving, beside their name (decorative: the name is the text); one element, so a redraw never reloads it. */
  private readonly agentAvatar = h('img', {
    className: 'chat-agent-avatar',
    alt: '',
    width: 20,
    height: 20,
    style: 'border-radius:50%;object-fit:cover;vertical-align:middle;margin-right:6px',
    // A picture replaced since this conversation was sent is gone: show the name alone.
    onError: (event) => ((event.target as HTMLElement).hidden = true),
  });
  // The messages are a list (each one an <li>) inside a live log: role="log" on the <ul> itself
  // would take away its list role, leaving the <li> elements outside any list.
  private readonly log = h('ul', { className: 'messages' });
  private readonly logRegion = h('div', { role: 'log', 'aria-label': t('messages'), 'aria-live': 'polite' }, this.log);
  // The evaluation form and the ended state scroll with the messages, so they never squeeze them.
  private readonly extras = h('div', { className: 'chat-extras' });
  private readonly scroller = h('div', { className: 'messages-scroller' }, this.logRegion, this.extras);
  private readonly elements = new Map<string, { element: HTMLElement; signature: string; generation: number }>();
  /** Counts renders: an element not placed in the current one is gone from the conversation. */
  private generation = 0;
  private evaluationKey = '';
  private evaluation: { conversationId: string; element: HTMLElement } | null = null;

  constructor(
    private readonly handlers: ChatHandlers,
    top: HTMLElement | null,
  ) {
    this.composer = new Composer(handlers);
    this.element = h('div', { className: 'chat' }, this.status, h('div', { className: 'chat-body' }, top, this.scroller), this.typing, this.composer.element);
  }

  render(model: ChatModel): void {
    const conversation = model.state.conversation;
    const ended = conversation?.state === 'ended';
    this.renderStatus(model);
    this.typing.textContent = !ended && model.state.agentTyping() ? t('agentTyping') : '';
    const nearBottom = this.scroller.scrollHeight - this.scroller.scrollTop - this.scroller.clientHeight < 80;
    this.renderLog(model.state.messages(), model.pending);
    const extrasChanged = this.renderExtras(model);
    if (nearBottom || extrasChanged) this.scroller.scrollTop = this.scroller.scrollHeight;
    this.composer.setEnabled(Boolean(conversation) && !ended);
    this.composer.element.hidden = ended;
  }

  private renderStatus(model: ChatModel): void {
    const conversation = model.state.conversation;
    const parts: string[] = [];
    if (model.connection !== 'open') parts.push(model.state.replay ? t('catchingUp', model.state.replay) : t('connecting'));
    if (conversation?.state === 'queued') {
      const position = model.state.queuePosition;
      parts.push(`${t('queued')} · ${position !== null && position > 1 ? t('queuePosition', { n: position - 1 }) : t('queueFirst')}`);
    } else if (conversation?.state === 'active' && conversation.agentName) {
      parts.push(t('agentServing', { name: conversation.agentName }));
    } else if (conversation?.state === 'ended') {
      parts.push(t('ended'));
    }
    this.status.textContent = parts.join(' · ');
    const avatarId = conversation?.state === 'active' ? conversation.agentAvatarId : undefined;
    if (avatarId) {
      const src = avatarPath(avatarId);
      if (this.agentAvatar.getAttribute('src') !== src) {
        this.agentAvatar.hidden = false;
        this.agentAvatar.setAttribute('src', src);
      }
      this.status.prepend(this.agentAvatar);
    }
    this.status.className = `chat-status ${conversation?.state ?? ''} ${model.connection !== 'open' ? 'offline' : ''}`.trim();
  }

  /**
   * Puts each message (then each unsent entry) in its place, reusing the element it already has.
   * Runs once per frame (app.ts) over the whole conversation, so it allocates nothing per message
   * that is already shown: a long conversation costs a walk over its elements, not a rebuild.
   */
  private renderLog(messages: readonly Message[], pending: OutboxEntry[]): void {
    const generation = ++this.generation;
    let previous: Element | null = null;
    const place = (key: string, signature: string, build: () => HTMLElement) => {
      let known = this.elements.get(key);
      if (!known || known.signature !== signature) {
        const element = build();
        known?.element.replaceWith(element);
        known = { element, signature, generation };
        this.elements.set(key, known);
      }
      known.generation = generation;
      const expectedPosition: Element | null = previous ? previous.nextElementSibling : this.log.firstElementChild;
      if (expectedPosition !== known.element) {
        if (previous) previous.after(known.element);
        else this.log.prepend(known.element);
      }
      previous = known.element;
    };
    for (const message of messages) place(`m:${message.id}`, '', () => renderMessage(message, this.handlers.attachmentUrl));
    if (pending.length > 0) {
      // An entry whose message already came back waits only for the outbox to catch up: hide it.
      const storedClientIds = new Set(messages.map((message) => message.clientId));
      for (const entry of pending) {
        if (storedClientIds.has(entry.body.clientId)) continue;
        place(`p:${entry.body.clientId}`, `${entry.state}:${entry.error?.message ?? ''}`, () =>
          renderPending(entry, this.handlers.onRetry, this.handlers.onDiscard),
        );
      }
    }
    for (const [key, known] of this.elements) {
      if (known.generation === generation) continue;
      known.element.remove();
      this.elements.delete(key);
    }
  }

  /** Returns whether the extras changed (new content the visitor should see). */
  private renderExtras(model: ChatModel): boolean {
    const conversation = model.state.conversation;
    const wantsEvaluation = model.state.wantsEvaluation();
    const key = [conversation?.id, conversation?.state, wantsEvaluation, model.evaluationDone, model.queueTimedOut && conversation?.state === 'queued'].join(
      '|',
    );
    if (key === this.evaluationKey) return false;
    this.evaluationKey = key;
    clear(this.extras);
    if (model.queueTimedOut && conversation?.state === 'queued') {
      this.extras.append(
        h(
          'div',
          { className: 'notice card' },
          h('p', {}, t('queueTimeout')),
          h('button', { type: 'button', className: 'primary', onclick: this.handlers.onLeaveMessage }, t('leaveInstead')),
        ),
      );
    }
    if (wantsEvaluation && conversation) this.extras.append(this.evaluationFormFor(conversation.id));
    else if (model.evaluationDone) this.extras.append(evaluationThanks());
    if (conversation?.state === 'ended') {
      this.extras.append(
        h(
          'div',
          { className: 'ended card', role: 'status' },
          h('strong', {}, t('ended')),
          h('button', { type: 'button', className: 'primary', onclick: this.handlers.onRestart }, t('restart')),
        ),
      );
    }
    return true;
  }

  /** 公司设置 → 评价 changed: a form shown and not touched yet is drawn again with the new words and comment option. */
  evaluationOptionsChanged(): void {
    const shown = this.evaluation;
    if (!shown || !evaluationFormUntouched(shown.element)) return;
    const element = evaluationForm(this.handlers.onEvaluate, this.handlers.evaluationOptions?.());
    shown.element.replaceWith(element);
    this.evaluation = { conversationId: shown.conversationId, element };
  }

  /** One form per conversation, reused, so a half-filled rating survives other updates. */
  private evaluationFormFor(conversationId: string): HTMLElement {
    if (this.evaluation?.conversationId !== conversationId) {
      this.evaluation = { conversationId, element: evaluationForm(this.handlers.onEvaluate, this.handlers.evaluationOptions?.()) };
    }
    return this.evaluation.element;
  }
}
