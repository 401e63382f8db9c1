/**
 * 工作时间 to the widgets open right now, as an ephemeral `business-hours` frame.
 *
 * Why a push and not a widget-side timer: a visitor on the start screen has no conversation, so no
 * durable event will ever reach them, and the widget must not compute hours with its own clock
 * (wrong clocks, no zone data in old browsers). So the server owns "open now" and tells each
 * visitor socket: on connect, when an admin changes the settings (this node at once, the other
 * nodes on a bus note, each recomputing from the database like the queue), and when the hours
 * change by themselves — each node keeps one timer for the next change time. A socket that was
 * down at that moment gets the current state on its next connect, so nothing is missed.
 */
import type { BusinessHoursState, ServerFrame } from '../../shared/index.js';
import type { DomainContext } from '../domain/context.js';
import { businessHoursNow } from '../domain/visitor-admission.js';
import { type Client, sendEncoded } from './client.js';
import type { Fanout } from './fanout.js';

/** Re-checked at least this often: covers a lost bus note or a clock that jumped. */
const RECHECK_MAX_MS = 60 * 60 * 1000;
/** A timer may fire a hair early: aim just past the change. */
const AFTER_CHANGE_MS = 250;

export class BusinessHoursPush {
  private ctx!: DomainContext;
  private lastJson = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly fanout: Fanout) {}

  attach(ctx: DomainContext): void {
    this.ctx = ctx;
    const hours = businessHoursNow(ctx);
    this.lastJson = this.encode(hours);
    this.arm(hours.nextChangeAt);
  }

  /** Recomputes; every visitor socket of this node hears of a change (and only of a change). */
  refresh(): void {
    if (this.stopped) return;
    const hours = businessHoursNow(this.ctx);
    const json = this.encode(hours);
    if (json !== this.lastJson) {
      this.lastJson = json;
      for (const client of this.fanout.ready.visitors) sendEncoded(client, json);
    }
    this.arm(hours.nextChangeAt);
  }

  /** On connect: the visitor's widget starts from the current state. */
  sendTo(client: Client): void {
    if (client.principal?.kind === 'visitor') sendEncoded(client, this.lastJson);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private encode(hours: BusinessHoursState): string {
    return JSON.stringify({ type: 'business-hours', hours } satisfies ServerFrame);
  }

  private arm(next: number | null): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.stopped) return;
    const delay = next === null ? RECHECK_MAX_MS : Math.min(RECHECK_MAX_MS, Math.max(0, next - this.ctx.clock()) + AFTER_CHANGE_MS);
    this.timer = setTimeout(() => this.refresh(), delay);
    this.timer.unref();
  }
}
