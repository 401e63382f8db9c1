/**
 * Repositories of 实时监控's live facts (migration 025): the server nodes' heartbeats, which node
 * each connected agent is on with the phone status their workstation reports, and the phone log.
 * Synchronous and SQL-free, like ./types.ts.
 */
import type { PhoneStatus } from '../../shared/protocol/rest-monitor.js';

export interface ServerNodeRow {
  nodeId: string;
  startedAt: number;
  beatAt: number;
}

export interface AgentPresenceRow {
  agentId: string;
  nodeId: string;
  since: number;
  /** null: the workstation has not reported its phone yet. */
  phoneStatus: PhoneStatus | null;
  phoneSince: number | null;
}

export interface PhoneActivityRow {
  id: string;
  agentId: string;
  at: number;
  status: PhoneStatus;
  /** workstation | disconnected | node-lost */
  reason: string;
}

export interface ServerNodeRepository {
  /** This node is alive at `at` (the row is created on the first beat). */
  beat(nodeId: string, startedAt: number, at: number): void;
  list(): ServerNodeRow[];
  /**
   * Deletes the node's row if its last beat is still `beatAt`: true for the one caller that did
   * (the claim on closing a dead node — the PostgreSQL write lock orders the callers of all nodes).
   */
  claim(nodeId: string, beatAt: number): boolean;
}

export interface AgentPresenceRepository {
  /** The agent is connected through this node from `since` (again: the row stays as it is). */
  connect(agentId: string, nodeId: string, since: number): void;
  disconnect(agentId: string, nodeId: string): void;
  get(agentId: string, nodeId: string): AgentPresenceRow | undefined;
  ofAgent(agentId: string): AgentPresenceRow[];
  ofNode(nodeId: string): AgentPresenceRow[];
  all(): AgentPresenceRow[];
  setPhone(agentId: string, nodeId: string, status: PhoneStatus, since: number): void;
  /** Every row of the node goes (the node is gone). */
  removeNode(nodeId: string): void;
}

export interface PhoneActivityRepository {
  insert(row: PhoneActivityRow): void;
  /** The agent's newest phone fact. */
  last(agentId: string): PhoneActivityRow | undefined;
  /** The agent's phone facts with from <= at < to, oldest first. */
  between(agentId: string, from: number, to: number): PhoneActivityRow[];
}

export interface PresenceRepositories {
  serverNodes: ServerNodeRepository;
  agentPresence: AgentPresenceRepository;
  phoneActivity: PhoneActivityRepository;
}
