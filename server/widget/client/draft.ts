/**
 * Live view (实时查看): the visitor's unsent text goes to the agent at most once per
 * LIMITS.draftThrottleMs, always ending with the latest text (trailing edge), and an empty draft
 * right after a send so the agent's preview clears.
 */
import { LIMITS } from '../../../shared/limits.js';

export class DraftThrottle {
  private lastSentAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest = '';
  private lastSentText = '';

  constructor(
    private readonly push: (text: string) => void,
    private readonly intervalMs: number = LIMITS.draftThrottleMs,
    private readonly now: () => number = Date.now,
  ) {}

  update(text: string): void {
    this.latest = text.slice(0, LIMITS.draftMax);
    if (this.timer) return;
    const wait = this.lastSentAt + this.intervalMs - this.now();
    if (wait <= 0) this.fire();
    else this.timer = setTimeout(() => this.fire(), wait);
  }

  /** After a send: cancel any pending draft and clear the agent's preview now. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.latest = '';
    if (this.lastSentText !== '') this.emit('');
  }

  private fire(): void {
    this.timer = null;
    if (this.latest === this.lastSentText) return;
    this.emit(this.latest);
  }

  private emit(text: string): void {
    this.lastSentAt = this.now();
    this.lastSentText = text;
    this.push(text);
  }
}
