/**
 * The widget-origin half of 轨迹: makes sure the visitor has an identity before any chat, reports
 * the page view, and reports leaving (pagehide / hidden) with fetch keepalive, which — unlike
 * sendBeacon — can carry the Authorization header and outlives the unloading page.
 */
import { PageViewReportSchema, type PageViewReport } from '../../../shared/customers.js';
import { routePath, routes } from '../../../shared/protocol/rest.js';
import { WidgetApi } from './api.js';
import { WidgetStore } from './storage.js';
import { PAGE_MESSAGE, hostPage } from './trail-embed.js';
import { BrowseSocket } from './browse-socket.js';
import { INVITATION_MESSAGE, parseDeclineMessage } from './invitation-messages.js';

/**
 * The stored token, or a new identity opened now and stored, so the chat app (mounted after this)
 * resumes the same visitor instead of racing us to create a second one. The hidden trail frame and
 * the chat frame are both our origin, so a Web Lock makes "read, else create and store" one step
 * across them (where locks exist: secure contexts). Null if the server is unreachable: the chat
 * app then shows its own error.
 */
export async function ensureVisitorToken(api: WidgetApi = new WidgetApi(), store: WidgetStore = new WidgetStore()): Promise<string | null> {
  const create = async (): Promise<string | null> => {
    const known = store.token;
    if (known) return known;
    const result = await api.call('visitorSession', { body: {} });
    if (!result.ok) return null;
    store.setToken(result.value.token);
    return result.value.token;
  };
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request(IDENTITY_LOCK, create) : create();
}

const IDENTITY_LOCK = 'kefu.widget.identity';

export class PageViewTracker {
  private pageViewId: string | null = null;
  private leaveWanted = false;

  constructor(private readonly api: WidgetApi) {}

  /** Reports the page; returns its page view id (null when not recorded). */
  async report(page: PageViewReport): Promise<string | null> {
    const result = await this.api.call('reportPageView', { body: page });
    if (!result.ok) {
      console.warn(`[kefu widget] page view not recorded: ${result.error.message}`);
      return null;
    }
    this.pageViewId = result.value.id;
    if (this.leaveWanted) this.leave();
    return result.value.id;
  }

  /** Called on every hide and on pagehide; the server keeps the latest time. */
  leave(): void {
    if (!this.pageViewId) {
      this.leaveWanted = true;
      return;
    }
    const url = this.api.url(routePath(routes.leavePageView.path, { id: this.pageViewId }));
    void fetch(url, { method: 'POST', keepalive: true, headers: this.api.authHeaders() }).catch(() => undefined);
  }

  /** Reports leaving when the page is hidden or unloaded (the only reliable moments on mobile). */
  watch(win: Window = window): void {
    win.addEventListener('pagehide', () => this.leave());
    win.document.addEventListener('visibilitychange', () => {
      if (win.document.visibilityState === 'hidden') this.leave();
    });
  }
}

/** Where the host page script listens (embed.ts); null for a /widget page opened directly. */
export interface HostLink {
  win: Window;
  parent: Window;
  origin: string;
}

/**
 * 访客监控 and 主动邀请: once the page view is recorded, the browse socket stays open while the page
 * is shown; its invitations go to the host page script, which shows the card; 拒绝 comes back here
 * (only we hold the token) and is sent to the server.
 */
export function browseAndRelay(api: WidgetApi, token: string, pageViewId: string, host: HostLink): BrowseSocket {
  const socket = new BrowseSocket({
    token,
    pageViewId,
    onInvitation: (invitation) =>
      host.parent.postMessage(
        {
          type: INVITATION_MESSAGE,
          invitation: { id: invitation.id, fromName: invitation.fromName, text: invitation.text, pending: invitation.state === 'pending' },
        },
        host.origin,
      ),
  });
  host.win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== host.parent || event.origin !== host.origin) return;
    const id = parseDeclineMessage(event.data);
    if (id) void api.call('declineInvitation', { params: { id } });
  });
  host.win.addEventListener('pagehide', () => socket.stop());
  socket.start();
  return socket;
}

async function track(page: PageViewReport, host: HostLink | null = null): Promise<void> {
  const api = new WidgetApi();
  const token = await ensureVisitorToken(api);
  if (!token) return;
  api.setToken(token);
  const tracker = new PageViewTracker(api);
  tracker.watch();
  const pageViewId = await tracker.report(page);
  if (pageViewId && host) browseAndRelay(api, token, pageViewId, host);
}

/** Trail mode (hidden iframe from widget.js): waits for the host page's facts from our parent. */
export function startTrailFrame(win: Window = window): void {
  let started = false;
  win.addEventListener('message', (event: MessageEvent) => {
    if (started || event.source !== win.parent) return;
    const data = event.data as { type?: unknown; page?: unknown } | null;
    if (typeof data !== 'object' || data === null || data.type !== PAGE_MESSAGE) return;
    const page = PageViewReportSchema.safeParse(data.page);
    if (!page.success) {
      console.warn('[kefu widget] the host page cannot be recorded (only http/https pages are)');
      return;
    }
    started = true;
    // The host page is the one that sent us its facts: invitations go back to that origin only.
    void track(page.data, { win, parent: win.parent, origin: event.origin });
  });
}

/** /widget opened directly (a link, not embedded): its own landing URL and referrer are the trail. */
export async function reportDirectVisit(): Promise<void> {
  const page = PageViewReportSchema.safeParse(hostPage());
  if (page.success) await track(page.data);
}
