/**
 * The one timer the presence grace period (presence.ts) needs, behind a port: real (unref'd) timers in the
 * server, and timers a test fires by hand, so no test has to wait out a grace period in real time.
 */
export interface GraceTimers {
  start(ms: number, fire: () => void): GraceTimer;
}

export interface GraceTimer {
  cancel(): void;
}

export const realGraceTimers: GraceTimers = {
  start(ms, fire) {
    const timer = setTimeout(fire, ms);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};
