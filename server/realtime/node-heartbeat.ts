/**
 * This node's heartbeat in the database (server_nodes) and the closing of nodes that died without
 * a word (domain/monitoring/node-liveness.ts): on start, on every beat, and when the cluster
 * presence of another node runs out. On a clean stop the node closes itself.
 */
import type { DomainContext } from '../domain/context.js';
import { beat, closeDeadNodes, closeEverythingBefore, closeNode, closeOwnNode } from '../domain/monitoring/node-liveness.js';
import type { FrameLog } from './frame-errors.js';

export interface NodeHeartbeatOptions {
  nodeId: string;
  intervalMs: number;
  /** How old another node's beat may be before it counts as dead (its cluster presence's time to live). */
  ttlMs: number;
  /** No other node can exist (SQLite, or PostgreSQL without the cluster bus): every other row is a dead process. */
  alone: boolean;
  log: FrameLog;
}

export class NodeHeartbeat {
  private timer: NodeJS.Timeout | null = null;
  private ctx!: DomainContext;
  private startedAt = 0;

  constructor(private readonly options: NodeHeartbeatOptions) {}

  start(ctx: DomainContext): void {
    this.ctx = ctx;
    this.startedAt = ctx.clock();
    const { nodeId, alone, intervalMs } = this.options;
    this.guard('start', () => {
      // A row under this node's own id is a previous process of it (one process per node id): gone.
      const previous = ctx.store.serverNodes.list().find((node) => node.nodeId === nodeId);
      if (previous) closeNode(ctx, previous, 'node-lost');
      beat(ctx, nodeId, this.startedAt);
      if (alone) closeEverythingBefore(ctx, nodeId);
      else this.closeStale();
    });
    this.timer = setInterval(
      () =>
        this.guard('beat', () => {
          beat(this.ctx, nodeId, this.startedAt);
          if (!alone) this.closeStale();
        }),
      intervalMs,
    );
    this.timer.unref();
  }

  /**
   * The cluster presence of this node ran out (it stopped publishing). Closed here if its database
   * beat stopped too — a node merely cut off from the bus still beats and keeps its agents' rows.
   */
  nodeLost(nodeId: string): void {
    if (!this.ctx || nodeId === this.options.nodeId) return;
    this.guard('node lost', () => {
      const node = this.ctx.store.serverNodes.list().find((n) => n.nodeId === nodeId);
      if (node && node.beatAt < this.ctx.clock() - this.options.intervalMs) closeNode(this.ctx, node, 'node-lost');
    });
  }

  /** Clean shutdown, before the store closes: this node's agents go 离线 now. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.ctx) this.guard('stop', () => closeOwnNode(this.ctx, this.options.nodeId));
  }

  private closeStale(): void {
    closeDeadNodes(this.ctx, this.options.nodeId, this.ctx.clock() - this.options.ttlMs);
  }

  /** A failed beat (the database away for a moment) is logged; the next one tries again. */
  private guard(what: string, run: () => void): void {
    try {
      run();
    } catch (err) {
      this.options.log.error({ err, nodeId: this.options.nodeId }, `node heartbeat: ${what} failed`);
    }
  }
}
