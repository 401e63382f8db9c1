/**
 * How much the visitor widget may ask for, per visitor and per client IP, in one time window: so a
 * script cannot flood agents with sessions, conversations, messages, files, page views or
 * 留言. The defaults are far above what a person does (typing fast, pasting, clicking through
 * pages); the per-IP budgets leave room for a whole office or campus behind one NAT address.
 */
export const WIDGET_LIMIT_KINDS = ['session', 'conversation', 'message', 'upload', 'pageView', 'offlineMessage'] as const;
export type WidgetLimitKind = (typeof WIDGET_LIMIT_KINDS)[number];

export interface WidgetLimit {
  perVisitor: number;
  perIp: number;
}

export interface WidgetRateLimits {
  enabled: boolean;
  windowMs: number;
  limits: Record<WidgetLimitKind, WidgetLimit>;
}

/** What ServerOptions.widgetRateLimits may override; anything left out keeps its default. */
export interface WidgetRateLimitOptions {
  enabled?: boolean;
  windowMs?: number;
  limits?: Partial<Record<WidgetLimitKind, Partial<WidgetLimit>>>;
}

export const DEFAULT_WIDGET_RATE_LIMITS: WidgetRateLimits = {
  enabled: true,
  windowMs: 60_000,
  limits: {
    // Opened (or resumed) once per page load, plus the trail frame's first visit.
    session: { perVisitor: 60, perIp: 600 },
    conversation: { perVisitor: 20, perIp: 300 },
    // Two messages a second for a whole minute: no one types that; a pasted burst of lines fits.
    message: { perVisitor: 120, perIp: 1200 },
    upload: { perVisitor: 30, perIp: 300 },
    // Every page is a report and a leave (again on each hide): a fast reader stays far below this.
    pageView: { perVisitor: 120, perIp: 1200 },
    offlineMessage: { perVisitor: 10, perIp: 100 },
  },
};

export function resolveWidgetRateLimits(options: WidgetRateLimitOptions = {}): WidgetRateLimits {
  const limits = { ...DEFAULT_WIDGET_RATE_LIMITS.limits };
  for (const kind of WIDGET_LIMIT_KINDS) limits[kind] = { ...limits[kind], ...options.limits?.[kind] };
  return {
    enabled: options.enabled ?? DEFAULT_WIDGET_RATE_LIMITS.enabled,
    windowMs: options.windowMs ?? DEFAULT_WIDGET_RATE_LIMITS.windowMs,
    limits,
  };
}

const positiveInt = (text: string): number | null => (/^[1-9]\d{0,8}$/.test(text) ? Number(text) : null);

/**
 * KEFU_WIDGET_RATE_LIMITS for a deployment: `off`, or comma-separated `KIND=PER_VISITOR/PER_IP`
 * entries and an optional `window=SECONDS`, e.g. `message=240/3000,session=120/2000,window=60`.
 * Unset or empty: the defaults. A malformed value throws, so a typo stops the start instead of
 * silently running without the intended limits.
 */
export function widgetRateLimitsFromEnv(raw: string | undefined): WidgetRateLimitOptions {
  const text = raw?.trim() ?? '';
  if (text === '') return {};
  if (/^(off|0|false|no)$/i.test(text)) return { enabled: false };
  const limits: Partial<Record<WidgetLimitKind, WidgetLimit>> = {};
  const options: WidgetRateLimitOptions = { limits };
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [name = '', value = ''] = entry.split('=').map((part) => part.trim());
    if (name === 'window') {
      const seconds = positiveInt(value);
      if (seconds === null) throw new Error(`KEFU_WIDGET_RATE_LIMITS: window must be whole seconds, got "${value}"`);
      options.windowMs = seconds * 1000;
      continue;
    }
    if (!(WIDGET_LIMIT_KINDS as readonly string[]).includes(name)) {
      throw new Error(`KEFU_WIDGET_RATE_LIMITS: unknown kind "${name}" (one of ${WIDGET_LIMIT_KINDS.join(', ')}, window)`);
    }
    const [perVisitor, perIp] = value.split('/').map((part) => positiveInt(part.trim()));
    if (perVisitor == null || perIp == null)
      throw new Error(`KEFU_WIDGET_RATE_LIMITS: ${name} needs PER_VISITOR/PER_IP as positive whole numbers, got "${value}"`);
    limits[name as WidgetLimitKind] = { perVisitor, perIp };
  }
  return options;
}
