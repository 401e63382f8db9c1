/**
 * Who is connected right now (the domain's Presence, which routing reads): ready sockets counted
 * per agent and per visitor, and the grace period of an agent whose connection dropped. It tells
 * its owner when a visitor comes or goes and when an agent's connection changes; it sends nothing
 * itself, so it depends on neither the hub nor the frames.
 */
import type { Presence, Principal } from '../domain/context.js';
import type { GraceTimer, GraceTimers } from './grace-timers.js';

/** WebSocket close code when the connection died without a close frame (network drop, killed process). */
export const ABNORMAL_CLOSURE = 1006;

/**
 * How long an agent whose connection dropped still counts as connected (keeps status and
 * routability) before routing goes around them: a flaky Wi-Fi or a laptop lid must not bounce
 * every new visitor to a colleague. KEFU_PRESENCE_GRACE_MS overrides; 0 switches it off.
 */
export function presenceGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KEFU_PRESENCE_GRACE_MS;
  const parsed = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isInteger(parsed) && parsed >= 0 && parsed <= 600_000 ? parsed : 30_000;
}

export interface PresenceOptions {
  graceMs: number;
  timers: GraceTimers;
  /** A visitor's first socket opened or last one closed. */
  visitorChanged(visitorId: string, online: boolean): void;
  /** An agent's first socket opened or last one closed (after the grace period, for a drop). */
  agentChanged(agentId: string): void;
}

export class ConnectionPresence implements Presence {
  private readonly agents = new Map<string, number>();
  private readonly visitors = new Map<string, number>();
  /** Agents whose last connection dropped abnormally, still counted as connected until the timer fires. */
  private readonly graceTimers = new Map<string, GraceTimer>();
  private stopped = false;

  constructor(private readonly options: PresenceOptions) {}

  isAgentConnected(agentId: string): boolean {
    return (this.agents.get(agentId) ?? 0) > 0 || this.graceTimers.has(agentId);
  }

  isVisitorOnline(visitorId: string): boolean {
    return (this.visitors.get(visitorId) ?? 0) > 0;
  }

  /** Agents connected here, those in their grace period included (what other nodes mirror). */
  connectedAgentIds(): string[] {
    return [...new Set([...this.agents.keys(), ...this.graceTimers.keys()])];
  }

  onlineVisitorIds(): string[] {
    return [...this.visitors.keys()];
  }

  /**
   * A socket of this principal is ready. `greet` runs once it counts and before anyone is told:
   * the snapshot it sends must show the agent connected, and come before what the change causes.
   */
  connected(principal: Principal, greet: () => void): void {
    if (principal.kind === 'visitor') {
      const n = add(this.visitors, principal.visitor.id, 1);
      if (n === 1) this.options.visitorChanged(principal.visitor.id, true);
      return greet();
    }
    const agentId = principal.agent.id;
    const n = add(this.agents, agentId, 1);
    greet();
    const grace = this.graceTimers.get(agentId);
    if (grace) {
      // Back within the grace period: as if the connection had never dropped.
      grace.cancel();
      this.graceTimers.delete(agentId);
      return;
    }
    if (n === 1) this.options.agentChanged(agentId);
  }

  /** A ready socket of this principal closed with this code. */
  disconnected(principal: Principal, code: number): void {
    if (principal.kind === 'visitor') {
      if (add(this.visitors, principal.visitor.id, -1) === 0) this.options.visitorChanged(principal.visitor.id, false);
      return;
    }
    const agentId = principal.agent.id;
    if (add(this.agents, agentId, -1) > 0) return;
    // A clean close (logout, app quit) ends presence now; only a drop gets the grace period.
    if (code === ABNORMAL_CLOSURE && this.options.graceMs > 0 && !this.graceTimers.has(agentId)) {
      const timer = this.options.timers.start(this.options.graceMs, () => {
        this.graceTimers.delete(agentId);
        if (!this.stopped && !this.isAgentConnected(agentId)) this.options.agentChanged(agentId);
      });
      this.graceTimers.set(agentId, timer);
      return;
    }
    this.options.agentChanged(agentId);
  }

  /** Shutdown: no grace period ends after this (the store may be gone). */
  stop(): void {
    this.stopped = true;
    for (const timer of this.graceTimers.values()) timer.cancel();
    this.graceTimers.clear();
  }
}

/** Adds delta to the count of id (a missing count is 0 going up, 1 going down); returns the new count, never below 0. */
function add(counts: Map<string, number>, id: string, delta: 1 | -1): number {
  const n = Math.max((counts.get(id) ?? (delta > 0 ? 0 : 1)) + delta, 0);
  if (n === 0) counts.delete(id);
  else counts.set(id, n);
  return n;
}
