/**
 * Frames out to the ready clients, each encoded once. Apart from the hub so that whatever sends
 * frames (ephemeral frames, staff state, presence, customer changes) depends on this and not on
 * the hub that owns them: the imports run hub → those → fanout, never back.
 */
import type { ServerFrame } from '../../shared/index.js';
import type { StoredEvent } from '../store/types.js';
import { audience } from '../store/types.js';
import { AudienceIndex } from './audience-index.js';
import { type Client, sendEncoded } from './client.js';

export class Fanout {
  /** Ready clients by audience: fan-out and targeted frames look up recipients here. */
  readonly ready = new AudienceIndex();

  toStaff(frame: ServerFrame, filter: (client: Client) => boolean = () => true): void {
    const data = JSON.stringify(frame);
    for (const client of this.ready.of(audience.staff)) if (filter(client)) sendEncoded(client, data);
  }

  toVisitor(visitorId: string, frame: ServerFrame): void {
    const data = JSON.stringify(frame);
    for (const client of this.ready.of(audience.visitor(visitorId))) sendEncoded(client, data);
  }

  /** Each event to its readers only, encoded once; per client the events keep seq order. */
  events(events: StoredEvent[]): void {
    for (const stored of events) {
      const readers = this.ready.readersOf(stored);
      if (readers.size === 0) continue;
      const data = JSON.stringify({ type: 'event', seq: stored.seq, event: stored.event } satisfies ServerFrame);
      for (const client of readers) sendEncoded(client, data);
    }
  }
}
