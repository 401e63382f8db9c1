/**
 * Which server node each agent is connected through, and the 离线 facts when a node dies without
 * saying so (kill -9, a power cut): its connections cannot write them, so whoever finds the node
 * dead does — a node starting up (with SQLite, or PostgreSQL without other nodes: every other row
 * is a dead process), a node whose heartbeat sweep finds a beat too old, or a node that sees the
 * dead one's cluster presence run out. The facts are stamped at the dead node's last beat, the last
 * moment it is known to have been alive; agents still connected through another node keep theirs.
 *
 * Only once: the closing transaction first deletes the node's row where its beat is the one read
 * (ServerNodeRepository.claim); a second finder deletes nothing and does nothing. On PostgreSQL every
 * write transaction of every node holds the store's advisory write lock, so the two never interleave.
 */
import type { ServerNodeRow } from '../../store/presence-types.js';
import type { DomainContext } from '../context.js';
import { recordOfflineAt } from './activity.js';

/** This node is alive now. */
export function beat(ctx: DomainContext, nodeId: string, startedAt: number): void {
  ctx.store.transaction(() => ctx.store.serverNodes.beat(nodeId, startedAt, ctx.clock()));
}

/** The agent's first connection through this node is ready, or its last one here is gone (after the grace period). */
export function recordConnectedHere(ctx: DomainContext, nodeId: string, agentId: string, connected: boolean): void {
  ctx.store.transaction(() => {
    if (connected) ctx.store.agentPresence.connect(agentId, nodeId, ctx.clock());
    else ctx.store.agentPresence.disconnect(agentId, nodeId);
  });
}

/**
 * Closes a node that is gone: its presence rows go, and each of its agents not connected through
 * another node gets 离线 at `at` (its last beat, or now when it stopped cleanly). False when
 * someone else closed it first, or it beat again since it was read.
 */
export function closeNode(ctx: DomainContext, node: ServerNodeRow, reason: 'node-lost' | 'server-stopped', at = node.beatAt): boolean {
  return ctx.store.transaction(() => {
    if (!ctx.store.serverNodes.claim(node.nodeId, node.beatAt)) return false;
    const agentIds = new Set(ctx.store.agentPresence.ofNode(node.nodeId).map((row) => row.agentId));
    ctx.store.agentPresence.removeNode(node.nodeId);
    for (const agentId of agentIds) if (ctx.store.agentPresence.ofAgent(agentId).length === 0) recordOfflineAt(ctx, agentId, at, reason);
    return true;
  });
}

/** Closes every other node whose last beat is before `staleBefore`; the ids closed here. */
export function closeDeadNodes(ctx: DomainContext, selfId: string, staleBefore: number): string[] {
  const dead = ctx.store.serverNodes.list().filter((node) => node.nodeId !== selfId && node.beatAt < staleBefore);
  return dead.filter((node) => closeNode(ctx, node, 'node-lost')).map((node) => node.nodeId);
}

/**
 * The one node there is (SQLite, or PostgreSQL without a cluster bus), starting: every other node
 * is a process that is gone. Agents the log still has connected without any presence row (data from
 * before presence was kept) go 离线 at the newest dead beat, or now.
 */
export function closeEverythingBefore(ctx: DomainContext, selfId: string): void {
  const others = ctx.store.serverNodes.list().filter((node) => node.nodeId !== selfId);
  for (const node of others) closeNode(ctx, node, 'node-lost');
  const at = others.length > 0 ? Math.max(...others.map((node) => node.beatAt)) : ctx.clock();
  ctx.store.transaction(() => {
    const present = new Set(ctx.store.agentPresence.all().map((row) => row.agentId));
    for (const [agentId, last] of ctx.store.activity.lastStatuses())
      if (last.status !== 'offline' && !present.has(agentId) && !ctx.presence.isAgentConnected(agentId)) recordOfflineAt(ctx, agentId, at, 'node-lost');
  });
}

/** This node stops cleanly: its agents (not connected elsewhere) go 离线 now and its row goes. */
export function closeOwnNode(ctx: DomainContext, nodeId: string): void {
  const own = ctx.store.serverNodes.list().find((node) => node.nodeId === nodeId);
  if (own) closeNode(ctx, own, 'server-stopped', ctx.clock());
}
