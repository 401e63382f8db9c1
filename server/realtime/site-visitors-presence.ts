/**
 * Who is on the site (访客监控) across the nodes: a visitor is there while any browse socket of
 * theirs is open on any node. Closing a page's socket starts a navigation grace on this node — the
 * next page's socket usually opens within it, and then nothing happened (the same visit, no
 * `left`). Like cluster-presence.ts, each node publishes its own browsing visitors on every change
 * and every heartbeat, and mirrors the others' in memory; a node that stops publishing (killed,
 * cut off) stops counting once its snapshot's time to live runs out.
 */
import type { ClusterBus, SiteVisitorsMessage } from '../cluster/bus.js';
import type { GraceTimer, GraceTimers } from './grace-timers.js';

export interface BrowsePresenceOptions {
  bus: ClusterBus;
  heartbeatMs: number;
  /** How long another node's snapshot holds without a newer one. */
  ttlMs: number;
  /** How long after a visitor's last page closed they still count as on the site here. */
  navigationGraceMs: number;
  timers: GraceTimers;
  clock: () => number;
  /** The visitor is on the site now and was not before (on any node). */
  arrived(visitorId: string): void;
  /** The visitor was on the site and is no longer (on any node). */
  left(visitorId: string): void;
}

interface LocalVisitor {
  sockets: number;
  /** Arrived on this node at. */
  since: number;
  /** The navigation grace after the last socket closed. */
  leaving: GraceTimer | null;
}

interface RemoteNode {
  visitors: Map<string, number>;
  expiresAt: number;
}

export class BrowsePresence {
  private readonly local = new Map<string, LocalVisitor>();
  private readonly remote = new Map<string, RemoteNode>();
  private heartbeat: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: BrowsePresenceOptions) {}

  isOnSite(visitorId: string): boolean {
    if (this.local.has(visitorId)) return true;
    for (const node of this.remote.values()) if (node.visitors.has(visitorId)) return true;
    return false;
  }

  /** Everyone on the site, longest there first. */
  onSiteVisitorIds(): string[] {
    const since = new Map<string, number>();
    const note = (id: string, at: number) => since.set(id, Math.min(at, since.get(id) ?? Infinity));
    for (const [id, visitor] of this.local) note(id, visitor.since);
    for (const node of this.remote.values()) for (const [id, at] of node.visitors) note(id, at);
    return [...since].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  }

  /** A browse socket of this visitor opened here. Returns whether they arrived with it. */
  opened(visitorId: string): boolean {
    const arrived = !this.isOnSite(visitorId);
    let visitor = this.local.get(visitorId);
    if (!visitor) this.local.set(visitorId, (visitor = { sockets: 0, since: this.options.clock(), leaving: null }));
    visitor.sockets++;
    visitor.leaving?.cancel();
    visitor.leaving = null;
    if (arrived) {
      this.publish();
      this.options.arrived(visitorId);
    }
    return arrived;
  }

  /** A browse socket of this visitor closed here: after the navigation grace, unless another opens, they are gone from this node. */
  closed(visitorId: string): void {
    const visitor = this.local.get(visitorId);
    if (!visitor || --visitor.sockets > 0 || this.stopped) return;
    visitor.leaving = this.options.timers.start(this.options.navigationGraceMs, () => {
      if (this.stopped || this.local.get(visitorId) !== visitor || visitor.sockets > 0) return;
      this.local.delete(visitorId);
      this.publish();
      if (!this.isOnSite(visitorId)) this.options.left(visitorId);
    });
  }

  start(): void {
    if (!this.options.bus.shared) return;
    this.publish();
    this.heartbeat = setInterval(() => {
      this.publish();
      this.expire();
    }, this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  /** A node started: it learns our visitors now rather than at the next heartbeat. */
  helloFrom(): void {
    this.publish();
  }

  fromCluster(nodeId: string, message: Extract<SiteVisitorsMessage, { type: 'browsing' }>): void {
    this.apply(nodeId, new Map(message.visitors), message.ttlMs);
  }

  /** Shutdown: the others learn at once that nobody browses here any more. */
  stop(): void {
    this.stopped = true;
    for (const visitor of this.local.values()) visitor.leaving?.cancel();
    this.local.clear();
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.publish();
  }

  private publish(): void {
    if (!this.options.bus.shared) return;
    const visitors = [...this.local].map(([id, visitor]): [string, number] => [id, visitor.since]);
    this.options.bus.publish({ kind: 'site-visitors', message: { type: 'browsing', visitors, ttlMs: this.options.ttlMs } });
  }

  private apply(nodeId: string, visitors: Map<string, number> | null, ttlMs = 0): void {
    const touched = new Set([...(this.remote.get(nodeId)?.visitors.keys() ?? []), ...(visitors?.keys() ?? [])]);
    const before = new Map([...touched].map((id) => [id, this.isOnSite(id)]));
    if (visitors) this.remote.set(nodeId, { visitors, expiresAt: this.options.clock() + ttlMs });
    else this.remote.delete(nodeId);
    for (const [id, was] of before) {
      const now = this.isOnSite(id);
      if (now && !was) this.options.arrived(id);
      else if (!now && was) this.options.left(id);
    }
  }

  private expire(): void {
    const now = this.options.clock();
    for (const [nodeId, node] of [...this.remote]) if (node.expiresAt <= now) this.apply(nodeId, null);
  }
}
