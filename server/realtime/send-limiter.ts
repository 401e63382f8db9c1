/**
 * The port through which SendAdmission asks for a visitor's message budget. It lives beside its
 * user so that realtime does not depend on http: the widget's limiter (http/widget-rate-limits.ts)
 * implements it, and REST and the socket draw on that one budget.
 */

export interface WidgetCaller {
  /** Null when the request carries no valid visitor token (a first visit): the IP budget alone applies. */
  visitorId: string | null;
  ip: string;
}

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; message: string };

/** What the socket needs of the widget's limiter: one count against the message budget. */
export interface MessageLimiter {
  hit(kind: 'message', caller: WidgetCaller): Promise<RateVerdict>;
}
