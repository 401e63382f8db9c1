/**
 * Who is connected across all nodes: this node's own connections (ConnectionPresence, with its
 * grace period) plus the snapshots the other nodes publish on every change and every heartbeat.
 * Routing reads it synchronously, inside its transactions, so the other nodes' state is a mirror
 * in memory, never a network call. A node that stops publishing (killed, cut off) counts as gone
 * once its last snapshot's time to live runs out — the grace period plus a heartbeat — and its
 * agents then count as disconnected, exactly as a dropped connection on this node would.
 */
import type { Presence } from '../domain/context.js';
import type { ClusterBus, ClusterMessage, PresenceSnapshot } from '../cluster/bus.js';
import type { ConnectionPresence } from './presence.js';

export interface ClusterPresenceOptions {
  bus: ClusterBus;
  /** How often this node repeats its snapshot and drops the snapshots that ran out. */
  heartbeatMs: number;
  /** How long another node's snapshot holds without a newer one. */
  ttlMs: number;
  clock: () => number;
  /** An agent's connection changed because of another node (connected there, or that node gone). */
  agentChanged(agentId: string): void;
  /** Same for a visitor. */
  visitorChanged(visitorId: string, online: boolean): void;
  /** Another node's snapshot ran out (it stopped publishing): called before its agents count as gone. */
  nodeLost?(nodeId: string): void;
}

interface RemoteNode {
  agents: Set<string>;
  visitors: Set<string>;
  expiresAt: number;
}

export class ClusterPresence implements Presence {
  private readonly remote = new Map<string, RemoteNode>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly local: ConnectionPresence,
    private readonly options: ClusterPresenceOptions,
  ) {}

  isAgentConnected(agentId: string): boolean {
    if (this.local.isAgentConnected(agentId)) return true;
    for (const node of this.remote.values()) if (node.agents.has(agentId)) return true;
    return false;
  }

  isVisitorOnline(visitorId: string): boolean {
    if (this.local.isVisitorOnline(visitorId)) return true;
    for (const node of this.remote.values()) if (node.visitors.has(visitorId)) return true;
    return false;
  }

  /** Says hello (the others answer with their state) and starts the heartbeat. */
  start(): void {
    if (!this.options.bus.shared) return;
    this.options.bus.publish({ kind: 'hello' });
    this.publish();
    this.heartbeat = setInterval(() => {
      this.publish();
      this.expire();
    }, this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  /** This node's connections changed: tell the others now rather than at the next heartbeat. */
  localChanged(): void {
    if (this.heartbeat) this.publish();
  }

  fromCluster(message: ClusterMessage, from: string): void {
    if (message.kind === 'hello') return this.publish();
    if (message.kind === 'presence') this.apply(from, message.snapshot);
  }

  /** Shutdown: the others learn at once that nobody is connected here any more. */
  stop(): void {
    if (!this.heartbeat) return;
    clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.options.bus.publish({ kind: 'presence', snapshot: { agents: [], visitors: [], ttlMs: this.options.ttlMs } });
  }

  private publish(): void {
    const snapshot: PresenceSnapshot = { agents: this.local.connectedAgentIds(), visitors: this.local.onlineVisitorIds(), ttlMs: this.options.ttlMs };
    this.options.bus.publish({ kind: 'presence', snapshot });
  }

  private apply(nodeId: string, snapshot: PresenceSnapshot | null): void {
    const before = this.remote.get(nodeId);
    const touchedAgents = new Set([...(before?.agents ?? []), ...(snapshot?.agents ?? [])]);
    const touchedVisitors = new Set([...(before?.visitors ?? []), ...(snapshot?.visitors ?? [])]);
    const agentsBefore = new Map([...touchedAgents].map((id) => [id, this.isAgentConnected(id)]));
    const visitorsBefore = new Map([...touchedVisitors].map((id) => [id, this.isVisitorOnline(id)]));
    if (snapshot) {
      this.remote.set(nodeId, {
        agents: new Set(snapshot.agents),
        visitors: new Set(snapshot.visitors),
        expiresAt: this.options.clock() + snapshot.ttlMs,
      });
    } else this.remote.delete(nodeId);
    for (const [id, was] of agentsBefore) if (this.isAgentConnected(id) !== was) this.options.agentChanged(id);
    for (const [id, was] of visitorsBefore) {
      const now = this.isVisitorOnline(id);
      if (now !== was) this.options.visitorChanged(id, now);
    }
  }

  private expire(): void {
    const now = this.options.clock();
    for (const [nodeId, node] of [...this.remote]) {
      if (node.expiresAt > now) continue;
      this.options.nodeLost?.(nodeId);
      this.apply(nodeId, null);
    }
  }
}
