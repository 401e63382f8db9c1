/**
 * Ephemeral state staff watch: the queue snapshot and each agent's status/load/connection.
 * Recomputed (coalesced to once per tick) after commits and signals; only changes are sent.
 * Visitors waiting in the queue get a `queue` frame holding only their own entry (their position).
 */
import type { Agent, QueueEntry } from '../../shared/index.js';
import type { DomainContext } from '../domain/context.js';
import { listAgents, queueEntries, toAgent } from '../domain/dto.js';
import { drainQueue } from '../domain/routing.js';
import { recordConnectionChange } from '../domain/monitoring/activity.js';
import { type Client, send } from './client.js';
import type { Fanout } from './fanout.js';

export class StaffState {
  private ctx!: DomainContext;
  private scheduled = false;
  private stopped = false;
  private lastQueueJson = '[]';
  private readonly lastAgentJson = new Map<string, string>();

  constructor(private readonly fanout: Fanout) {}

  attach(ctx: DomainContext): void {
    this.ctx = ctx;
    this.lastQueueJson = JSON.stringify(queueEntries(ctx));
    for (const agent of listAgents(ctx)) this.lastAgentJson.set(agent.id, JSON.stringify(agent));
  }

  schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.stopped) this.refresh();
    });
  }

  stop(): void {
    this.stopped = true;
  }

  private refresh(): void {
    const { entries, byVisitor } = this.queueSnapshot();
    const queueJson = JSON.stringify(entries);
    if (queueJson !== this.lastQueueJson) {
      this.lastQueueJson = queueJson;
      this.fanout.toStaffHere({ type: 'queue', entries });
    }
    for (const agent of listAgents(this.ctx)) {
      const json = JSON.stringify(agent);
      if (this.lastAgentJson.get(agent.id) === json) continue;
      this.lastAgentJson.set(agent.id, json);
      this.fanout.toStaffHere({ type: 'agent', agent });
    }
    // One queue read per refresh, not one open-conversation query per connected visitor.
    for (const client of this.fanout.ready.visitors) this.sendVisitorQueue(client, byVisitor);
  }

  /** The queue once, plus each waiting visitor's own entry (a visitor has at most one open conversation). */
  private queueSnapshot(): { entries: QueueEntry[]; byVisitor: Map<string, QueueEntry> } {
    const rows = this.ctx.store.conversations.queued();
    const entries = queueEntries(this.ctx, rows);
    return { entries, byVisitor: new Map(rows.map((row, i) => [row.visitorId, entries[i]!])) };
  }

  /** On connect: the queue and every agent, so a reconnecting workstation has current state. */
  sendSnapshot(client: Client): void {
    send(client, { type: 'queue', entries: queueEntries(this.ctx) });
    for (const agent of listAgents(this.ctx)) send(client, { type: 'agent', agent });
  }

  sendVisitorQueue(client: Client, byVisitor: Map<string, QueueEntry> = this.queueSnapshot().byVisitor): void {
    if (client.principal?.kind !== 'visitor') return;
    const entry = byVisitor.get(client.principal.visitor.id);
    const own = entry ? [entry] : [];
    const json = JSON.stringify(own);
    if (json === client.lastQueueJson) return;
    client.lastQueueJson = json;
    send(client, { type: 'queue', entries: own });
  }

  /** An agent's first connection opened or last one closed: routing may change. */
  agentConnectionChanged(agentId: string): void {
    // The activity log's 离线 / back (a no-op when the newest status row says so already: every node notices).
    recordConnectionChange(this.ctx, agentId);
    const agent: Agent | undefined = (() => {
      const row = this.ctx.store.agents.byId(agentId);
      return row ? toAgent(this.ctx, row) : undefined;
    })();
    if (agent?.connected && agent.status === 'online') drainQueue(this.ctx);
    this.schedule();
  }
}
