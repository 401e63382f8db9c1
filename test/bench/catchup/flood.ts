/**
 * The missed events: visitors write while the workstation is away. Each visitor keeps a window of
 * messages in flight on its realtime socket and sends the next on each ack; the target visitor's
 * last message goes after every other one is stored, so it is the newest event of all — the one
 * the bench waits for on screen.
 */
import { uuidv7 } from '../../../shared/ids.js';
import type { BenchVisitor } from './population.js';

const WINDOW = 64;

/** Sends `count` text messages from `visitor`; resolves with their clientIds once all are acked. */
function send(visitor: BenchVisitor, count: number, label: string): Promise<string[]> {
  if (count === 0) return Promise.resolve([]);
  const ids: string[] = [];
  let next = 0;
  let acked = 0;
  return new Promise((resolve, reject) => {
    const sendOne = () => {
      const clientId = uuidv7();
      ids.push(clientId);
      visitor.connection.send({
        type: 'message.send',
        conversationId: visitor.conversationId,
        message: { clientId, kind: 'text', text: `${label}-${next++}` },
      });
    };
    visitor.connection.onFrame = (frame) => {
      if (frame.type === 'nack') return reject(new Error(`message refused: ${frame.error.code} ${frame.error.message}`));
      if (frame.type !== 'ack') return;
      acked++;
      if (next < count) sendOne();
      if (acked === count) {
        visitor.connection.onFrame = () => undefined;
        resolve(ids);
      }
    };
    while (next < Math.min(WINDOW, count)) sendOne();
  });
}

export interface Flooded {
  /** clientIds in the order each visitor sent them. */
  sent: string[];
  /** The newest message of all (the target's last). */
  lastClientId: string;
}

/** `total` messages spread evenly over `visitors`; `target`'s last one is sent after all the others are stored. */
export async function flood(visitors: BenchVisitor[], target: BenchVisitor, total: number, label: string): Promise<Flooded> {
  const each = Math.floor(total / visitors.length);
  const extra = total - each * visitors.length;
  const counts = visitors.map((v, i) => each + (i < extra ? 1 : 0) - (v === target ? 1 : 0));
  const batches = await Promise.all(visitors.map((v, i) => send(v, counts[i]!, `${label}-${i}`)));
  const [last] = await send(target, 1, `${label}-last`);
  return { sent: [...batches.flat(), last!], lastClientId: last! };
}
