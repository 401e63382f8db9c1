/**
 * Runs a job at most once per animation frame however often it is asked for. A visitor back in a
 * long conversation receives thousands of replayed events and pages of history at once; drawing
 * after each one made the widget's work grow with the square of the conversation and froze the
 * page. Now everything that arrived before a frame is drawn in it, once.
 */
export type RequestFrame = (run: () => void) => () => void;

const animationFrame: RequestFrame = (run) => {
  const handle = requestAnimationFrame(run);
  return () => cancelAnimationFrame(handle);
};

export class FrameScheduler {
  private cancel: (() => void) | null = null;

  constructor(
    private readonly job: () => void,
    private readonly requestFrame: RequestFrame = animationFrame,
  ) {}

  /** The job runs in the next frame (once, however many requests come before it). */
  request(): void {
    this.cancel ??= this.requestFrame(() => {
      this.cancel = null;
      this.job();
    });
  }

  /** Runs the job now (a change the visitor made must show at once); a pending frame is dropped. */
  runNow(): void {
    this.cancel?.();
    this.cancel = null;
    this.job();
  }

  get pending(): boolean {
    return this.cancel !== null;
  }
}
