/**
 * The timers of 自动邀请 for one page's browse socket: one per rule that applies to the page, due
 * when its dwell time is reached. They belong to the socket and die with it (the visitor went to
 * another page, or left). The check itself (site-visitors/auto-invite.ts) reads the clock and
 * every fact again, so the timers only say when to look.
 */
import type { DomainContext } from '../domain/context.js';
import { checkRule, rulesDue } from '../domain/site-visitors/auto-invite.js';
import type { FrameLog } from './frame-errors.js';
import type { GraceTimer, GraceTimers } from './grace-timers.js';

export class BrowseRuleTimers {
  private readonly timers = new Set<GraceTimer>();
  private disposed = false;

  constructor(
    private readonly ctx: DomainContext,
    private readonly scheduler: GraceTimers,
    private readonly log: FrameLog,
    private readonly visitorId: string,
    private readonly pageViewId: string,
  ) {
    for (const { ruleId, dueAt } of rulesDue(ctx, visitorId, pageViewId)) this.at(ruleId, dueAt);
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) timer.cancel();
    this.timers.clear();
  }

  private at(ruleId: string, dueAt: number): void {
    const timer = this.scheduler.start(Math.max(0, dueAt - this.ctx.clock()), () => {
      this.timers.delete(timer);
      if (this.disposed) return;
      try {
        const check = checkRule(this.ctx, this.visitorId, this.pageViewId, ruleId);
        // Early by the clock (timers and the clock disagree): look again when it is due.
        if ('notYet' in check) this.at(ruleId, check.notYet);
      } catch (err) {
        this.log.error({ err, ruleId, visitorId: this.visitorId }, 'automatic invitation check failed');
      }
    });
    this.timers.add(timer);
  }
}
