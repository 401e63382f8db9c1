/**
 * Ready clients indexed by the audiences they read, so fan-out touches only the recipients
 * instead of testing every connection against every event (the hub's hot path under load).
 */
import type { Audience, StoredEvent } from '../store/types.js';
import { audience } from '../store/types.js';
import type { Client } from './client.js';

export class AudienceIndex {
  /** 'v:<visitorId>' → that visitor's sockets; 'a:<agentId>' → that agent's; 'staff' → every staff socket. */
  private readonly byAudience = new Map<Audience, Set<Client>>();
  /** Admins read every event whatever its audience. */
  readonly admins = new Set<Client>();
  /** Every ready visitor socket: the queue refresh tells each waiting visitor their place. */
  readonly visitors = new Set<Client>();

  add(client: Client): void {
    for (const key of this.keysOf(client)) {
      let set = this.byAudience.get(key);
      if (!set) this.byAudience.set(key, (set = new Set()));
      set.add(client);
    }
    if (client.principal?.kind === 'staff' && client.principal.agent.role === 'admin') this.admins.add(client);
    if (client.principal?.kind === 'visitor') this.visitors.add(client);
  }

  remove(client: Client): void {
    for (const key of this.keysOf(client)) {
      const set = this.byAudience.get(key);
      if (!set) continue;
      set.delete(client);
      if (set.size === 0) this.byAudience.delete(key);
    }
    this.admins.delete(client);
    this.visitors.delete(client);
  }

  /** The clients of one audience key (live set; do not mutate). */
  of(key: Audience): ReadonlySet<Client> {
    return this.byAudience.get(key) ?? EMPTY;
  }

  /** Everyone who may read this event: admins plus each named audience, each client once. */
  readersOf(event: StoredEvent): Set<Client> {
    const readers = new Set(this.admins);
    for (const key of event.audience) for (const client of this.of(key)) readers.add(client);
    return readers;
  }

  /** Same keys as readerOf() in client.ts: a visitor reads 'v:id'; an agent 'a:id' and 'staff'. */
  private keysOf(client: Client): Audience[] {
    const principal = client.principal;
    if (!principal) return [];
    if (principal.kind === 'visitor') return [audience.visitor(principal.visitor.id)];
    // A leader's 对话监控 socket also reads their group members' events (supervisor-socket.ts).
    return [audience.agent(principal.agent.id), audience.staff, ...(client.supervising ?? [])];
  }
}

const EMPTY: ReadonlySet<Client> = new Set();
