/**
 * The widget's controller: opens the visitor session, chooses the screen (start, chat, 留言),
 * wires the realtime client, outbox and sender to the chat state, and renders.
 */
import type { Conversation, Visitor } from '../../../shared/domain.js';
import type { VisitorSessionSettings } from '../../../shared/protocol/rest-visitor.js';
import type { AppError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import type { ServerFrame } from '../../../shared/protocol/realtime.js';
import { WidgetApi } from './api.js';
import { ChatState } from './chat-state.js';
import { h } from './dom.js';
import { DraftThrottle } from './draft.js';
import { FrameScheduler } from './frame-scheduler.js';
import { t } from './i18n.js';
import { Outbox } from './outbox.js';
import type { WidgetParams } from './params.js';
import { RealtimeClient, type ConnectionState } from './realtime.js';
import { readChatSnapshot, readMessagePages } from './resync.js';
import { openVisitorSession, sessionBody } from './visitor-session.js';
import { MessageSender } from './sender.js';
import { browserStorage, WidgetStore } from './storage.js';
import { uploadWithProgress, type UploadKind } from './upload.js';
import { ChatView } from './views/chat.js';
import { VisitorRulesHolder } from './visitor-rules.js';
import { leaveMessageDone, leaveMessageForm, type OfflineMessageInput } from './views/leave-message.js';
import { noticeCard } from './views/notice-card.js';
import { repliesPanel } from './views/replies.js';
import { Shell } from './views/shell.js';
import { problemsFromDetails, startFormUntouched, startScreen, type PrechatAnswers, type StartProblems } from './views/start.js';
import type { WidgetConfig } from '../../../shared/widget-settings.js';
import { WidgetLook } from './widget-look.js';
import type { BusinessHoursState } from '../../../shared/business-hours.js';
import { closedFromRefusal, leaveFormUntouched, leaveReasonText, screenAfterHoursChange, type LeaveReason } from './business-hours.js';

type Screen = 'loading' | 'error' | 'blocked' | 'start' | 'chat' | 'leave' | 'leave-done';

export class WidgetApp {
  private readonly api = new WidgetApi();
  private readonly store = new WidgetStore();
  private readonly outbox = new Outbox(browserStorage());
  private readonly state = new ChatState();
  private readonly shell = new Shell(() => void this.endConversation());
  private readonly replies = h('div', { className: 'replies-slot' });
  private realtime: RealtimeClient | null = null;
  private connection: ConnectionState = 'closed';
  private readonly sender: MessageSender;
  private readonly draft: DraftThrottle;
  private chatView: ChatView | null = null;
  private screen: Screen = 'loading';
  private visitor: Visitor | null = null;
  private settings: VisitorSessionSettings | null = null;
  /** 工作时间 as the server last said (session answer, then `business-hours` frames): see business-hours.ts. */
  private hours: BusinessHoursState | null = null;
  /** Why 留言 shows when the hours are open: nobody online, or a full queue. */
  private leaveReason: LeaveReason = 'offline';
  private evaluationDone = false;
  /** 文件 and 评价 as they concern visitors (visitor-rules.ts). */
  private readonly rules = new VisitorRulesHolder(() => this.onRules());
  /** 访客端设置 (widget-look.ts). */
  private readonly look = new WidgetLook((config) => this.onWidgetConfig(config));
  /** What the next start screen shows: the visitor's answers and the server's refusal of them. */
  private startAgain: { answers: PrechatAnswers; problems: StartProblems } | null = null;
  /** Drawing (and storing the last seq) at most once per frame: see frame-scheduler.ts. */
  private readonly frames = new FrameScheduler(() => this.draw());
  /** The newest seq applied and not stored yet (stored with the next frame, or when the page goes). */
  private unsavedSeq: number | null = null;

  constructor(private readonly params: WidgetParams) {
    this.sender = new MessageSender({
      outbox: this.outbox,
      api: this.api,
      realtime: () => this.realtime,
      onStored: (message) => this.state.addMessage(message) && this.scheduleRender(),
      currentConversationId: () => this.state.conversation?.id ?? null,
      onRefused: (code) => code === 'BLOCKED' && this.showBlocked(),
    });
    this.draft = new DraftThrottle((text) => {
      const conversation = this.state.conversation;
      if (conversation && conversation.state !== 'ended') this.realtime?.send({ type: 'draft', conversationId: conversation.id, text });
    });
    this.outbox.subscribe(() => this.render());
    // Time-based state: typing indicator expiry and the queue timeout offer.
    setInterval(() => this.scheduleRender(), 1000);
    window.addEventListener('online', () => this.realtime?.reconnectNow());
    // A seq applied but not stored would only be replayed again next time (applying is idempotent);
    // stored here anyway, so a closed tab does not ask for more than it must.
    window.addEventListener('pagehide', () => this.saveSeq());
  }

  mount(root: HTMLElement): void {
    root.append(this.shell.element);
    this.look.load(this.api);
    void this.openSession();
  }

  private async openSession(): Promise<boolean> {
    this.go('loading');
    const result = await openVisitorSession(this.api, this.params, this.store.token);
    if (!result.ok) {
      this.showError(result.error);
      return false;
    }
    const session = result.value;
    this.store.setToken(session.token);
    this.api.setToken(session.token);
    this.state.lastSeq = this.store.lastSeq;
    this.visitor = session.visitor;
    this.settings = session.settings;
    this.rules.fromSession(session.settings);
    this.hours = session.businessHours;
    for (const message of session.offlineMessages) this.state.offlineMessages.set(message.id, message);
    this.startRealtime(session.token);
    await this.look.ready;
    if (session.conversation && session.conversation.state !== 'ended') await this.enterConversation(session.conversation);
    else if (!(await this.acceptInvitation())) this.go(session.agentsAvailable && session.businessHours.open ? 'start' : 'leave');
    return true;
  }

  /**
   * 主动邀请: opened by an invitation card's 接受 (embed.ts): accept it and show the conversation.
   * False when there was none or it could not be (lapsed, nobody free): the usual screen follows.
   */
  private async acceptInvitation(): Promise<boolean> {
    const id = this.params.invitationId;
    if (!id) return false;
    // Once: a later session call (resync) must not accept it again.
    delete this.params.invitationId;
    const result = await this.api.call('acceptInvitation', { params: { id } });
    if (!result.ok) return false;
    await this.enterConversation(result.value.conversation);
    return true;
  }

  private startRealtime(token: string): void {
    if (this.realtime) return;
    this.realtime = new RealtimeClient({
      token,
      lastSeq: () => this.state.lastSeq,
      onFrame: (frame) => this.onFrame(frame),
      onState: (state) => {
        this.connection = state;
        this.render();
      },
      resync: (headSeq) => this.resync(headSeq),
    });
    this.realtime.start();
    this.sender.flush();
  }

  private onFrame(frame: ServerFrame): void {
    // 黑名单: the server stopped this visitor (listed while chatting, or at hello).
    if (frame.type === 'error' && frame.error.code === 'BLOCKED') return this.showBlocked();
    if (frame.type === 'business-hours') return this.onBusinessHours(frame.hours);
    if (frame.type === 'widget-config') return this.look.frame(frame.config);
    if (frame.type === 'visitor-rules') return this.rules.fromFrame(frame.rules);
    const before = this.state.conversation?.id;
    const effects = this.state.applyFrame(frame);
    if (effects.seq !== null) this.unsavedSeq = effects.seq;
    for (const clientId of effects.stored) this.sender.stored(clientId);
    for (const refusal of effects.refused) this.sender.refused(refusal.clientId, refusal.code, refusal.message);
    if (frame.type === 'replay.done') this.sender.socketReady();
    if (frame.type === 'event' && frame.event.type === 'offline-message.updated') this.refreshReplies();
    const conversation = this.state.conversation;
    // A conversation started elsewhere (another tab) or resumed: show it.
    if (conversation && conversation.id !== before && conversation.state !== 'ended') void this.enterConversation(conversation);
    else if (effects.changed || effects.seq !== null) this.scheduleRender();
  }

  /**
   * The server's log is behind our lastSeq: what we show is rebuilt from REST and the seq reset to
   * its head before the realtime client says hello again. The outbox is left alone: whatever is
   * unsent goes out once the socket is back (the server stores a clientId once).
   */
  private async resync(headSeq: number): Promise<void> {
    const before = this.state.conversation?.id;
    const snapshot = await readChatSnapshot(this.api, sessionBody(this.params, this.store.token), this.state.conversation);
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    this.state.rebuild(snapshot.value, headSeq);
    this.unsavedSeq = null;
    this.store.resetLastSeq(headSeq);
    this.refreshReplies();
    const conversation = this.state.conversation;
    if (conversation?.id !== before) this.evaluationDone = false;
    if (conversation && conversation.id !== before && conversation.state !== 'ended') this.go('chat');
    else if (!conversation && this.screen === 'chat') this.go(snapshot.value.agentsAvailable ? 'start' : 'leave');
    else this.render();
  }

  private async enterConversation(conversation: Conversation): Promise<void> {
    if (conversation.id !== this.state.conversation?.id) this.evaluationDone = false;
    this.state.setConversation(conversation);
    this.go('chat');
    await this.loadMessages(conversation.id);
    this.sender.flush();
  }

  /** History comes from REST (the event stream resumes after lastSeq only); duplicates are dropped by id. */
  private async loadMessages(conversationId: string): Promise<void> {
    await readMessagePages(this.api, conversationId, (messages) => {
      if (this.state.conversation?.id !== conversationId) return false;
      for (const message of messages) this.state.addMessage(message);
      this.scheduleRender();
      return true;
    });
  }

  /**
   * 工作时间 changed (the server pushes it: business-hours.ts says why a push). Live, without a
   * reload: closing turns 开始咨询 into 留言 with the notice, opening brings 开始咨询 back. A
   * chat in progress is left alone, and so is a 留言 form the visitor has started to fill in.
   */
  private onBusinessHours(hours: BusinessHoursState): void {
    if (JSON.stringify(hours) === JSON.stringify(this.hours)) return;
    const wasOpen = this.hours?.open ?? true;
    this.hours = hours;
    const conversation = this.state.conversation;
    if (conversation && conversation.state !== 'ended') return;
    const next = screenAfterHoursChange(this.screen, wasOpen, hours, this.screen === 'leave' && leaveFormUntouched(this.shell.element));
    if (next) this.go(next);
  }

  /**
   * 访客端设置 arrived or changed: the look at once; a start form is rebuilt only while untouched,
   * so a visitor typing their answers is not thrown out (the server checks the new rules anyway).
   */
  private onWidgetConfig(config: WidgetConfig): void {
    this.shell.applyConfig(config);
    this.chatView?.composer.setEmojiPicker(config.emojiPicker);
    if (this.screen === 'start' && startFormUntouched(this.shell.element)) this.go('start');
  }

  /** The company's rules for visitors arrived or changed: the upload buttons at once, an untouched rating form redrawn. */
  private onRules(): void {
    this.chatView?.composer.setUploadsAllowed(this.rules.upload.allowed);
    this.chatView?.evaluationOptionsChanged();
  }

  /** From the start screen with its answers (访客注册, the menu's group), or 重新咨询 (null: asked before). */
  private async startConversation(answers: PrechatAnswers | null): Promise<void> {
    if (answers && Object.keys(answers).length > 0) {
      const sent = await this.api.call('visitorPrechat', { body: answers });
      if (!sent.ok) return this.refusedAtStart(sent.error, answers);
      if (this.visitor && sent.value.name) this.visitor = { ...this.visitor, name: sent.value.name };
      // A resync's session call must not take the chosen group back.
      if (sent.value.groupId) this.params.groupId = sent.value.groupId;
    }
    const result = await this.api.call('visitorStart');
    if (!result.ok && result.error.code === 'REGISTRATION_REQUIRED') return this.refusedAtStart(result.error, answers ?? {});
    // Closed since the last frame, or the queue is full: 留言 instead, saying why.
    if (!result.ok && result.error.code === 'OUTSIDE_BUSINESS_HOURS') this.hours = closedFromRefusal(result.error, this.hours);
    if (!result.ok && result.error.code === 'QUEUE_FULL') this.leaveReason = 'queue-full';
    if (!result.ok && (result.error.code === 'OUTSIDE_BUSINESS_HOURS' || result.error.code === 'QUEUE_FULL')) return this.go('leave');
    if (!result.ok) return this.showError(result.error);
    if (result.value.outcome === 'offline') return this.go('leave');
    await this.enterConversation(result.value.conversation);
  }

  /** The server refused the answers (or the start lacks them): the form again, with what was typed and why. */
  private refusedAtStart(error: AppError, answers: PrechatAnswers): void {
    const problems = problemsFromDetails(error.code, error.details);
    if (error.code !== 'REGISTRATION_REQUIRED' && Object.keys(problems).length === 0) return this.showError(error);
    this.startAgain = { answers, problems };
    this.go('start');
  }

  private async endConversation(): Promise<void> {
    const conversation = this.state.conversation;
    if (!conversation || conversation.state === 'ended' || !window.confirm(t('endConfirm'))) return;
    const result = await this.api.call('visitorEnd');
    if (!result.ok) return this.showError(result.error);
    this.state.setConversation(result.value);
    this.render();
  }

  private async evaluate(rating: number, comment: string): Promise<string | null> {
    const result = await this.api.call('visitorEvaluate', { body: { rating, comment } });
    if (!result.ok) return t('error', { reason: result.error.message });
    this.evaluationDone = true;
    this.state.setConversation(result.value);
    this.render();
    return null;
  }

  private async leaveMessage(input: OfflineMessageInput): Promise<AppError | null> {
    const result = await this.api.call('visitorLeaveMessage', { body: input });
    if (!result.ok) return result.error;
    this.state.offlineMessages.set(result.value.id, result.value);
    this.go('leave-done');
    return null;
  }

  private sendText(text: string): void {
    const conversation = this.state.conversation;
    if (!conversation) return;
    this.sender.send(conversation.id, { clientId: uuidv7(), kind: 'text', text }, text);
    this.draft.clear();
    this.render();
  }

  private async sendUpload(kind: UploadKind, file: File): Promise<void> {
    const conversation = this.state.conversation;
    const composer = this.chatView?.composer;
    if (!conversation || !composer) return;
    const attachment = await uploadWithProgress(this.api, conversation.id, kind, file, this.rules.upload, composer);
    if (!attachment) return;
    this.sender.send(conversation.id, { clientId: uuidv7(), kind, attachmentId: attachment.id }, attachment.name);
    this.render();
  }

  /** The name the visitor gave; the server's generic default ("访客…") does not count. */
  private knownName(): string {
    const name = this.visitor?.name ?? '';
    return name === '访客' ? '' : name;
  }

  private go(screen: Screen): void {
    // Already chatting: keep the view, and what the visitor is typing in it. The REST answer to
    // 开始咨询 and the conversation's event race; the second arrival rebuilt the view and wiped
    // a message the visitor had already typed (an e2e test under load lost one that way).
    if (screen === 'chat' && this.screen === 'chat' && this.chatView) return this.render();
    this.screen = screen;
    if (screen === 'start' || screen === 'chat') this.leaveReason = 'offline';
    this.chatView = null;
    this.refreshReplies();
    switch (screen) {
      case 'loading':
        this.shell.show(h('div', { className: 'card centered', role: 'status' }, t('loading')));
        break;
      case 'error':
        break;
      case 'start': {
        const again = this.startAgain;
        this.startAgain = null;
        const form = startScreen({
          config: this.look.config,
          initial: again?.answers ?? { name: this.knownName() },
          linkedGroupId: this.params.groupId,
          problems: again?.problems,
          onStart: (answers) => this.startConversation(answers),
        });
        this.shell.show(this.replies, form);
        break;
      }
      case 'leave': {
        const open = this.state.conversation && this.state.conversation.state !== 'ended' ? this.state.conversation : null;
        // With a chat open (the queue-timeout offer) the hours do not matter: it goes on.
        const reason: LeaveReason = !open && this.hours && !this.hours.open ? 'closed' : this.leaveReason;
        this.shell.show(
          this.replies,
          leaveMessageForm({
            initialName: this.knownName(),
            onSubmit: (input) => this.leaveMessage(input),
            onBack: open ? () => this.go('chat') : null,
            reason: leaveReasonText(reason, this.hours),
          }),
        );
        break;
      }
      case 'leave-done':
        this.shell.show(
          this.replies,
          leaveMessageDone(() => this.go('leave')),
        );
        break;
      case 'chat':
        this.chatView = new ChatView(
          {
            onSend: (text) => this.sendText(text),
            onDraft: (text) => this.draft.update(text),
            onPick: (kind, file) => void this.sendUpload(kind, file),
            onRetry: (clientId) => this.sender.retry(clientId),
            onDiscard: (clientId) => this.outbox.discard(clientId),
            onEvaluate: (rating, comment) => this.evaluate(rating, comment),
            evaluationOptions: () => this.rules.evaluation,
            onRestart: () => void this.startConversation(null),
            onLeaveMessage: () => this.go('leave'),
            attachmentUrl: (id) => this.api.attachmentUrl(id),
          },
          this.replies,
        );
        this.chatView.composer.setEmojiPicker(this.look.config.emojiPicker);
        this.chatView.composer.setUploadsAllowed(this.rules.upload.allowed);
        this.shell.show(this.chatView.element);
        break;
    }
    this.render();
  }

  private showError(error: AppError): void {
    if (error.code === 'BLOCKED') return this.showBlocked();
    this.screen = 'error';
    this.chatView = null;
    this.shell.show(noticeCard(t('error', { reason: error.message }), t('retry'), () => void this.openSession()));
    this.render();
  }

  /**
   * The visitor is on the blacklist: a polite notice instead of the chat, and no socket (the
   * server would refuse it). 重新咨询 asks the server again, so a removed entry lets them back in.
   */
  private showBlocked(): void {
    this.realtime?.stop();
    this.realtime = null;
    this.screen = 'blocked';
    this.chatView = null;
    this.shell.show(noticeCard(t('blocked'), t('blockedRetry'), () => void this.openSession(), 'blocked-notice'));
    this.render();
  }

  private refreshReplies(): void {
    const panel = repliesPanel([...this.state.offlineMessages.values()]);
    this.replies.replaceChildren(...(panel ? [panel] : []));
  }

  /** Draws now: what the visitor did shows at once. */
  private render(): void {
    this.frames.runNow();
  }

  /** Draws with the next frame, together with whatever else arrives before it. */
  private scheduleRender(): void {
    this.frames.request();
  }

  private saveSeq(): void {
    if (this.unsavedSeq === null) return;
    this.store.setLastSeq(this.unsavedSeq);
    this.unsavedSeq = null;
  }

  private draw(): void {
    this.saveSeq();
    const conversation = this.state.conversation;
    this.shell.showEnd(this.screen === 'chat' && Boolean(conversation) && conversation?.state !== 'ended');
    if (!this.chatView || !conversation) return;
    const timeoutMs = (this.settings?.queueTimeoutSeconds ?? Infinity) * 1000;
    this.chatView.render({
      state: this.state,
      pending: this.outbox.all(conversation.id),
      connection: this.connection,
      queueTimedOut: conversation.state === 'queued' && Date.now() - conversation.createdAt >= timeoutMs,
      evaluationDone: this.evaluationDone,
    });
  }
}
