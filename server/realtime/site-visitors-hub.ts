/**
 * 访客监控 / 主动邀请 on the realtime hub: the browse sockets of the widget's hidden trail frame
 * (`browse.hello`), who is on the site across the nodes (site-visitors-presence.ts), the deltas to
 * the staff who watch (`site-visitors.watch`), the `invitation` frames to the visitor's pages and
 * to the inviting agent, and the timers of the automatic rules (browse-rules.ts). It implements the
 * domain's port (domain/site-visitors/live.ts).
 *
 * Deltas are coalesced: a change only marks the visitor; at most every DELTA_MS the marked rows
 * are read once from the database and each frame is encoded once for all this node's watchers, so
 * a busy site costs one row read per changed visitor per interval, whatever the number of watchers.
 * Nothing is computed while nobody watches.
 */
import type { ClientFrame, ServerFrame } from '../../shared/index.js';
import type { Invitation } from '../../shared/protocol/rest-site-visitors.js';
import type { ClusterBus, SiteVisitorsMessage } from '../cluster/bus.js';
import { authenticateToken } from '../domain/accounts.js';
import { isVisitorBlocked } from '../domain/blacklist/enforcement.js';
import type { DomainContext } from '../domain/context.js';
import { sweepLapsedInvitations, toInvitation } from '../domain/site-visitors/invitations.js';
import { setSiteVisitorsLive, type SiteVisitorsLive } from '../domain/site-visitors/live.js';
import { siteVisitorOf } from '../domain/site-visitors/visit.js';
import { audience, type StoredEvent } from '../store/types.js';
import { BLOCKED_FRAME } from './blacklist-stop.js';
import { BrowseRuleTimers } from './browse-rules.js';
import { type Client, send, sendEncoded } from './client.js';
import type { Fanout } from './fanout.js';
import type { FrameLog } from './frame-errors.js';
import type { GraceTimers } from './grace-timers.js';
import { BrowsePresence } from './site-visitors-presence.js';

/** The most often one visitor's row goes to the watchers. */
export const SITE_VISITOR_DELTA_MS = 500;
/** How often lapsed invitations are written as ignored (and taken down on the visitor's pages). */
const SWEEP_INTERVAL_MS = 5_000;
/** Close codes of a refused browse socket. */
const BROWSE_REFUSED_CLOSE_CODE = 4401;
const BROWSE_BLOCKED_CLOSE_CODE = 4403;
const BROWSE_UNKNOWN_PAGE_CLOSE_CODE = 4404;

export interface SiteVisitorsHubOptions {
  bus: ClusterBus;
  fanout: Fanout;
  log: FrameLog;
  heartbeatMs: number;
  ttlMs: number;
  navigationGraceMs: number;
  /** The navigation grace and the rules' dwell timers; tests fire them by hand. */
  timers: GraceTimers;
  deltaMs?: number;
}

type BrowseHello = Extract<ClientFrame, { type: 'browse.hello' }>;

export class SiteVisitorsHub implements SiteVisitorsLive {
  private ctx!: DomainContext;
  private readonly presence: BrowsePresence;
  /** This node's browse sockets by visitor. */
  private readonly browsers = new Map<string, Set<Client>>();
  private readonly ruleTimers = new Map<Client, BrowseRuleTimers>();
  private readonly watchers = new Set<Client>();
  /** Visitors whose row is due to the watchers. */
  private readonly dirty = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: SiteVisitorsHubOptions) {
    this.presence = new BrowsePresence({
      bus: options.bus,
      heartbeatMs: options.heartbeatMs,
      ttlMs: options.ttlMs,
      navigationGraceMs: options.navigationGraceMs,
      timers: options.timers,
      clock: Date.now,
      // Every node sees arrivals and departures in its mirror: each tells its own watchers.
      arrived: (visitorId) => this.mark(visitorId),
      left: (visitorId) => this.mark(visitorId),
    });
  }

  attach(ctx: DomainContext): void {
    this.ctx = ctx;
    setSiteVisitorsLive(ctx, this);
    this.presence.start();
    // A restart leaves no invitation pending past its time: swept now, then every few seconds.
    this.sweep();
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  // — the domain's port —

  isOnSite(visitorId: string): boolean {
    return this.presence.isOnSite(visitorId);
  }

  onSiteVisitorIds(): string[] {
    return this.presence.onSiteVisitorIds();
  }

  invitationChanged(invitation: Invitation): void {
    this.toBrowser(invitation.visitorId, { type: 'invitation', invitation }, true);
    if (invitation.state !== 'pending' && invitation.agentId) this.toAgent(invitation.agentId, { type: 'invitation', invitation }, true);
  }

  visitorChanged(visitorId: string): void {
    this.mark(visitorId);
    this.relay({ type: 'changed', visitorIds: [visitorId] });
  }

  // — sockets —

  /**
   * `browse.hello`: a visitor's token and a page view of theirs, else an error frame and close. A
   * listed visitor (黑名单) is refused as the chat hello refuses them. Not a chat connection: no
   * events, no replay, no presence — only the invitation waiting for them, if any.
   */
  welcome(client: Client, frame: BrowseHello): void {
    const auth = authenticateToken(this.ctx, frame.token);
    const principal = auth.principal;
    if (principal?.kind !== 'visitor') return this.refuse(client, 'UNAUTHENTICATED', 'The visitor token is not valid', BROWSE_REFUSED_CLOSE_CODE);
    const visitorId = principal.visitor.id;
    if (isVisitorBlocked(this.ctx, { visitorId, ip: client.ip })) {
      send(client, BLOCKED_FRAME);
      return void client.socket.close(BROWSE_BLOCKED_CLOSE_CODE, 'blocked');
    }
    const page = this.ctx.store.pageViews.byId(frame.pageViewId);
    // Another visitor's page view answers as a missing one: ids leak nothing.
    if (!page || page.visitorId !== visitorId) return this.refuse(client, 'NOT_FOUND', 'No such page view', BROWSE_UNKNOWN_PAGE_CLOSE_CODE);
    client.principal = principal;
    client.browse = { visitorId, pageViewId: page.id };
    let sockets = this.browsers.get(visitorId);
    if (!sockets) this.browsers.set(visitorId, (sockets = new Set()));
    sockets.add(client);
    // A new page while already on the site (another tab, or within the navigation grace) is a change, not an arrival.
    if (!this.presence.opened(visitorId)) this.visitorChanged(visitorId);
    const pending = this.ctx.store.invitations.pendingForVisitor(visitorId, this.ctx.clock());
    if (pending) send(client, { type: 'invitation', invitation: toInvitation(pending, this.ctx.clock()) });
    this.ruleTimers.set(client, new BrowseRuleTimers(this.ctx, this.options.timers, this.options.log, visitorId, page.id));
  }

  /** `site-visitors.watch`: staff only, on their working socket; off by default and after every reconnect. */
  watch(client: Client, watch: boolean): void {
    if (client.principal?.kind !== 'staff' || client.monitor || client.supervising)
      return send(client, { type: 'error', error: { code: 'FORBIDDEN', message: 'Only a staff member’s workstation watches the site’s visitors' } });
    if (!watch) {
      client.watchingSiteVisitors = false;
      return void this.watchers.delete(client);
    }
    client.watchingSiteVisitors = true;
    this.watchers.add(client);
  }

  /** The socket closed (any socket: only browse and watching ones matter here). */
  closed(client: Client): void {
    this.watchers.delete(client);
    const browse = client.browse;
    if (!browse) return;
    this.ruleTimers.get(client)?.dispose();
    this.ruleTimers.delete(client);
    const sockets = this.browsers.get(browse.visitorId);
    if (!sockets?.delete(client)) return;
    if (sockets.size === 0) this.browsers.delete(browse.visitorId);
    this.presence.closed(browse.visitorId);
  }

  /** After a local commit: a chat that started, was assigned or ended changes the visitor's row. */
  committed(events: readonly StoredEvent[]): void {
    const visitorIds = new Set<string>();
    for (const { event } of events)
      if (event.type === 'conversation.updated' && this.isOnSite(event.conversation.visitorId)) visitorIds.add(event.conversation.visitorId);
    if (visitorIds.size === 0) return;
    for (const id of visitorIds) this.mark(id);
    this.relay({ type: 'changed', visitorIds: [...visitorIds] });
  }

  /** A visitor was listed (黑名单): their pages stop, on whichever node they are. */
  blocked(visitorId: string): void {
    this.toBrowser(visitorId, BLOCKED_FRAME, true);
  }

  // — the other nodes —

  helloFrom(): void {
    this.presence.helloFrom();
  }

  fromCluster(message: SiteVisitorsMessage, from: string): void {
    if (this.stopped) return;
    if (message.type === 'browsing') return this.presence.fromCluster(from, message);
    if (message.type === 'changed') for (const id of message.visitorIds) this.mark(id);
    else if (message.type === 'to-browser') this.toBrowser(message.visitorId, message.frame, false);
    else this.toAgent(message.agentId, message.frame, false);
  }

  stop(): void {
    this.stopped = true;
    for (const timers of this.ruleTimers.values()) timers.dispose();
    this.ruleTimers.clear();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.presence.stop();
  }

  private refuse(client: Client, code: 'UNAUTHENTICATED' | 'NOT_FOUND', message: string, closeCode: number): void {
    send(client, { type: 'error', error: { code, message } });
    client.socket.close(closeCode, code.toLowerCase());
  }

  private relay(message: SiteVisitorsMessage): void {
    if (this.options.bus.shared) this.options.bus.publish({ kind: 'site-visitors', message });
  }

  private toBrowser(visitorId: string, frame: ServerFrame, relay: boolean): void {
    const data = JSON.stringify(frame);
    for (const client of this.browsers.get(visitorId) ?? []) {
      sendEncoded(client, data);
      if (frame.type === 'error' && frame.error.code === 'BLOCKED') client.socket.close(BROWSE_BLOCKED_CLOSE_CODE, 'blocked');
    }
    if (relay) this.relay({ type: 'to-browser', visitorId, frame });
  }

  /** To the agent's own ready sockets (not a supervisor's that reads their audience). */
  private toAgent(agentId: string, frame: ServerFrame, relay: boolean): void {
    const data = JSON.stringify(frame);
    for (const client of this.options.fanout.ready.of(audience.agent(agentId)))
      if (client.principal?.kind === 'staff' && client.principal.agent.id === agentId && !client.supervising) sendEncoded(client, data);
    if (relay) this.relay({ type: 'to-agent', agentId, frame });
  }

  private mark(visitorId: string): void {
    if (this.stopped || this.watchers.size === 0) return;
    this.dirty.add(visitorId);
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flush(), this.options.deltaMs ?? SITE_VISITOR_DELTA_MS);
    this.flushTimer.unref();
  }

  private flush(): void {
    this.flushTimer = null;
    if (this.stopped) return;
    const ids = [...this.dirty];
    this.dirty.clear();
    for (const visitorId of ids) {
      const row = this.isOnSite(visitorId) ? siteVisitorOf(this.ctx, visitorId) : null;
      const frame: ServerFrame = row ? { type: 'site-visitor', visitor: row } : { type: 'site-visitor.left', visitorId };
      const data = JSON.stringify(frame);
      for (const client of this.watchers) sendEncoded(client, data);
    }
  }

  private sweep(): void {
    if (this.stopped) return;
    try {
      sweepLapsedInvitations(this.ctx);
    } catch (err) {
      this.options.log.error({ err }, 'invitation sweep failed');
    }
  }
}
