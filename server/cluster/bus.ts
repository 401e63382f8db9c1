/**
 * What the nodes of one deployment tell each other. The database is the system of record; the
 * bus says that events up to a seq are committed (and carries them, so a node in step need not
 * read them back; any node that is not reads them from the database, in order), frames that exist nowhere else (typing, drafts, a visitor coming or going,
 * customer changes), and which agents and visitors each node has connected right now.
 */
import type { ServerFrame } from '../../shared/index.js';
import type { StoredEvent } from '../store/types.js';

/** Staff who get a frame: everyone, or admins plus the named agents. */
export type StaffTarget = { all: true } | { all: false; agentIds: string[] };

export interface PresenceSnapshot {
  /** Agents connected to the sending node, those in their grace period included. */
  agents: string[];
  visitors: string[];
  /** How long the snapshot holds without a newer one: past it, the node counts as gone. */
  ttlMs: number;
}

export type ClusterMessage =
  /**
   * A commit up to `head`, with its events: a node that has delivered everything before them
   * delivers them as they are; after a gap (another node's note not here yet) it reads the database.
   */
  | { kind: 'committed'; head: number; events: StoredEvent[] }
  | { kind: 'staff-frame'; frame: ServerFrame; target: StaffTarget }
  | { kind: 'visitor-frame'; visitorId: string; frame: ServerFrame }
  | { kind: 'presence'; snapshot: PresenceSnapshot }
  /** An admin changed the company settings: each node recomputes 工作时间 for its own visitors. */
  | { kind: 'settings-changed' }
  /** Something a 实时监控 board shows changed on the sending node: each node recomputes for its own supervisors. */
  | { kind: 'wallboard-changed' }
  /** 访客监控 / 主动邀请 between the nodes (realtime/site-visitors-hub.ts). */
  | { kind: 'site-visitors'; message: SiteVisitorsMessage }
  /** A node started: the others answer with their presence at once. */
  | { kind: 'hello' };

export type SiteVisitorsMessage =
  /** Who browses on the sending node (open browse sockets, or closed within the navigation grace), with when each arrived. */
  | { type: 'browsing'; visitors: [visitorId: string, since: number][]; ttlMs: number }
  /** Something 访客监控 shows about these visitors changed (page, chat, invitation): each node tells its own watchers. */
  | { type: 'changed'; visitorIds: string[] }
  /** A frame for the visitor's browse sockets (an invitation, BLOCKED), on whichever node they are. */
  | { type: 'to-browser'; visitorId: string; frame: ServerFrame }
  /** A frame for one agent's own sockets (the answer to their invitation). */
  | { type: 'to-agent'; agentId: string; frame: ServerFrame };

export interface ClusterBus {
  readonly nodeId: string;
  /** True when other nodes may exist (a shared bus); false for the single embedded node. */
  readonly shared: boolean;
  publish(message: ClusterMessage): void;
  /** Messages of the other nodes (never this node's own), in the order each node sent them. */
  subscribe(handler: (message: ClusterMessage, from: string) => void): void;
  close(): Promise<void>;
}

/** One node alone (SQLite, or PostgreSQL without Redis): nobody to tell. */
export function singleNodeBus(nodeId = 'local'): ClusterBus {
  return { nodeId, shared: false, publish: () => undefined, subscribe: () => undefined, close: async () => undefined };
}
