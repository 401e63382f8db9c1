import type { ServerSettings } from '../../shared/index.js';
import { UPLOAD_MB_CEILING } from '../../shared/company-rules.js';
import type { AgentRow, Store, VisitorRow } from '../store/types.js';

/** Who is connected right now; realtime/presence.ts keeps it, routing reads it. */
export interface Presence {
  isAgentConnected(agentId: string): boolean;
  isVisitorOnline(visitorId: string): boolean;
}

/** Session lifetimes: an idle half hour, a working day, a month of 自动登录 before the password is asked again. */
export const DEFAULT_SETTINGS: ServerSettings = {
  autoCloseMinutes: 6,
  queueTimeoutSeconds: 120,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  refreshTokenDays: 30,
  // 工作时间 off: an existing install stays always open; the week below is what switching it on offers.
  businessHoursEnabled: false,
  businessHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
  holidays: [],
  timeZone: 'Asia/Shanghai',
  offHoursNotice: '现在是非工作时间，请留言，我们上班后尽快回复。',
  maxQueueLength: 0,
  // Blacklisting is an admin's decision unless the company hands it to agents too.
  agentsMayBlacklist: false,
  // 小结, 评价 and 文件 as they were before they became settings: topic required, the widget's own
  // rating words with a comment, rating only when pushed, uploads for everyone up to the hard limit.
  summaryRequired: true,
  evaluationLabels: ['', '', '', '', ''],
  evaluationCommentEnabled: true,
  evaluationAutoAsk: false,
  visitorUploadsEnabled: true,
  visitorUploadMaxMb: UPLOAD_MB_CEILING,
  agentUploadMaxMb: UPLOAD_MB_CEILING,
};

/** Everything a domain service needs; no Fastify, no sockets. */
export interface DomainContext {
  store: Store;
  clock: () => number;
  presence: Presence;
  settings(): ServerSettings;
  /** Ephemeral staff-visible state (agent status/load, queue) may have changed. */
  signal(): void;
}

export type Principal = { kind: 'visitor'; visitor: VisitorRow } | { kind: 'staff'; agent: AgentRow; session: StaffSessionRef };

/** The login a staff call belongs to: one per password login, the same across token refreshes. */
export interface StaffSessionRef {
  id: string;
  /** As stored when the call was authenticated: the throttled activity update compares with it. */
  lastSeenAt: number;
}

export function createContext(store: Store, clock: () => number, presence: Presence): DomainContext {
  const ctx: DomainContext = {
    store,
    clock,
    presence,
    settings: () => ({ ...DEFAULT_SETTINGS, ...store.settings.read() }),
    signal: () => undefined,
  };
  return ctx;
}
