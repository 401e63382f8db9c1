/**
 * Frames out to the ready clients, each encoded once. Apart from the hub so that whatever sends
 * frames (ephemeral frames, staff state, presence, customer changes) depends on this and not on
 * the hub that owns them: the imports run hub → those → fanout, never back.
 *
 * With several nodes, a frame that exists only here (typing, a draft, a visitor coming or going)
 * also goes to the cluster bus, and each other node gives it to its own clients (`fromCluster`).
 * State every node computes from the database itself (the queue, agents) goes out `…Here` only.
 */
import type { ServerFrame } from '../../shared/index.js';
import type { ClusterMessage, StaffTarget } from '../cluster/bus.js';
import type { StoredEvent } from '../store/types.js';
import { audience } from '../store/types.js';
import { AudienceIndex } from './audience-index.js';
import { type Client, isAdmin, sendEncoded } from './client.js';

export const ALL_STAFF: StaffTarget = { all: true };

/** Admins plus these agents: who reads a conversation's ephemeral frames. */
export const adminsAnd = (...agentIds: (string | null | undefined)[]): StaffTarget => ({ all: false, agentIds: agentIds.filter((id): id is string => !!id) });

function reaches(target: StaffTarget, client: Client): boolean {
  return target.all || isAdmin(client) || (client.principal?.kind === 'staff' && target.agentIds.includes(client.principal.agent.id));
}

export class Fanout {
  /** Ready clients by audience: fan-out and targeted frames look up recipients here. */
  readonly ready = new AudienceIndex();

  constructor(private readonly relay: (message: ClusterMessage) => void = () => undefined) {}

  /** To the staff on every node. */
  toStaff(frame: ServerFrame, target: StaffTarget = ALL_STAFF): void {
    this.toStaffHere(frame, target);
    this.relay({ kind: 'staff-frame', frame, target });
  }

  /** To the staff connected to this node only: state each node computes for its own clients. */
  toStaffHere(frame: ServerFrame, target: StaffTarget = ALL_STAFF): void {
    const data = JSON.stringify(frame);
    for (const client of this.ready.of(audience.staff)) if (reaches(target, client)) sendEncoded(client, data);
  }

  /** To the visitor's sockets, on whichever node they are. */
  toVisitor(visitorId: string, frame: ServerFrame): void {
    this.toVisitorHere(visitorId, frame);
    this.relay({ kind: 'visitor-frame', visitorId, frame });
  }

  private toVisitorHere(visitorId: string, frame: ServerFrame): void {
    const data = JSON.stringify(frame);
    for (const client of this.ready.of(audience.visitor(visitorId))) sendEncoded(client, data);
  }

  /** A frame another node relayed: to this node's clients it is meant for. */
  fromCluster(message: ClusterMessage): void {
    if (message.kind === 'staff-frame') this.toStaffHere(message.frame, message.target);
    else if (message.kind === 'visitor-frame') this.toVisitorHere(message.visitorId, message.frame);
  }

  /**
   * Each event to its readers only, encoded once; per client the events keep seq order, and an
   * event the client already has (its replay on connect reached past it) is not sent again.
   */
  events(events: StoredEvent[]): void {
    for (const stored of events) {
      const readers = this.ready.readersOf(stored);
      if (readers.size === 0) continue;
      const data = JSON.stringify({ type: 'event', seq: stored.seq, event: stored.event } satisfies ServerFrame);
      for (const client of readers) {
        if (stored.seq <= client.deliveredSeq) continue;
        client.deliveredSeq = stored.seq;
        sendEncoded(client, data);
      }
    }
  }
}
