/**
 * What open widgets follow without a reload, as ephemeral frames to visitor sockets: 工作时间
 * (`business-hours`), the widget's appearance, menu and 访客注册 (`widget-config`), and the
 * company rules a visitor follows — uploads and 评价 (`visitor-rules`).
 *
 * Why a push and not a widget-side timer or poll: a visitor on the start screen has no
 * conversation, so no durable event will ever reach them, and the widget must not compute hours
 * with its own clock (wrong clocks, no zone data in old browsers). So the server owns each state
 * and tells each visitor socket: on connect, when an admin changes the settings (this node at once,
 * the other nodes on a bus note, each recomputing from the database like the queue), and — for the
 * hours — when they change by themselves: each node keeps one timer for the next change time. A
 * socket that was down at that moment gets the current state on its next connect, so nothing is
 * missed. Each state is sent only when its frame differs from the last one.
 */
import type { ServerFrame } from '../../shared/index.js';
import { visitorRulesOf } from '../../shared/company-rules.js';
import type { DomainContext } from '../domain/context.js';
import { businessHoursNow } from '../domain/visitor-admission.js';
import { widgetConfig } from '../domain/widget-settings/settings.js';
import { type Client, sendEncoded } from './client.js';
import type { Fanout } from './fanout.js';

/** One state the widgets follow: its frame now, and when it changes by itself (null: only when an admin changes it). */
export interface VisitorState {
  read(ctx: DomainContext): { frame: ServerFrame; nextChangeAt: number | null };
}

export const businessHoursState: VisitorState = {
  read: (ctx) => {
    const hours = businessHoursNow(ctx);
    return { frame: { type: 'business-hours', hours }, nextChangeAt: hours.nextChangeAt };
  },
};

export const widgetConfigState: VisitorState = {
  read: (ctx) => ({ frame: { type: 'widget-config', config: widgetConfig(ctx) }, nextChangeAt: null }),
};

/** Only the visitor-facing rules (visitorRulesOf names each field): a staff setting never reaches a widget. */
export const visitorRulesState: VisitorState = {
  read: (ctx) => ({ frame: { type: 'visitor-rules', rules: visitorRulesOf(ctx.settings()) }, nextChangeAt: null }),
};

/** Re-checked at least this often: covers a lost bus note or a clock that jumped. */
const RECHECK_MAX_MS = 60 * 60 * 1000;
/** A timer may fire a hair early: aim just past the change. */
const AFTER_CHANGE_MS = 250;

export class VisitorStatePush {
  private ctx!: DomainContext;
  /** Per state, the frame last sent (as sent: JSON text). */
  private readonly lastJson = new Map<VisitorState, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly fanout: Fanout,
    private readonly states: readonly VisitorState[] = [businessHoursState, widgetConfigState, visitorRulesState],
  ) {}

  attach(ctx: DomainContext): void {
    this.ctx = ctx;
    this.arm(this.recompute().next);
  }

  /** Recomputes; every visitor socket of this node hears of each state that changed (and only of those). */
  refresh(): void {
    if (this.stopped) return;
    const { changed, next } = this.recompute();
    for (const json of changed) for (const client of this.fanout.ready.visitors) sendEncoded(client, json);
    this.arm(next);
  }

  /** On connect: the visitor's widget starts from the current states. */
  sendTo(client: Client): void {
    if (client.principal?.kind !== 'visitor') return;
    for (const json of this.lastJson.values()) sendEncoded(client, json);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Reads every state; answers the frames that changed and the earliest next change. */
  private recompute(): { changed: string[]; next: number | null } {
    const changed: string[] = [];
    let next: number | null = null;
    for (const state of this.states) {
      const { frame, nextChangeAt } = state.read(this.ctx);
      const json = JSON.stringify(frame);
      if (json !== this.lastJson.get(state)) changed.push(json);
      this.lastJson.set(state, json);
      if (nextChangeAt !== null && (next === null || nextChangeAt < next)) next = nextChangeAt;
    }
    return { changed, next };
  }

  private arm(next: number | null): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.stopped) return;
    const delay = next === null ? RECHECK_MAX_MS : Math.min(RECHECK_MAX_MS, Math.max(0, next - this.ctx.clock()) + AFTER_CHANGE_MS);
    this.timer = setTimeout(() => this.refresh(), delay);
    this.timer.unref();
  }
}
