/**
 * The cluster bus on Redis pub/sub (ioredis): one channel per deployment, one publishing and one
 * subscribed connection per node. Pub/sub delivers each node's messages in the order it sent
 * them and keeps nothing: a node that was away learns what it missed from the database (committed
 * events) and from the next presence snapshots, never from the bus.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { ClusterBus, ClusterMessage } from './bus.js';

export const CLUSTER_CHANNEL = 'kefu:cluster';

interface Envelope {
  from: string;
  /** This process's random id: Redis hands a node its own messages back, and two nodes must not share a name. */
  instance: string;
  message: ClusterMessage;
}

export async function openRedisBus(url: string, nodeId: string, log: (message: string, error?: unknown) => void): Promise<ClusterBus> {
  // Commands queue while Redis is away and go out once it is back; nothing here waits for it.
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
  const subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
  for (const connection of [publisher, subscriber]) connection.on('error', (error) => log('redis connection error', error));
  await publisher.connect();
  await subscriber.connect();
  await subscriber.subscribe(CLUSTER_CHANNEL);
  const handlers: ((message: ClusterMessage, from: string) => void)[] = [];
  const instance = randomUUID();
  let duplicateReported = false;
  subscriber.on('message', (_channel: string, text: string) => {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch (error) {
      return log('unreadable cluster message', error);
    }
    if (envelope.from === nodeId) {
      // Another process with this node's name would overwrite its presence for everyone: say so, loudly, once.
      if (envelope.instance !== instance && !duplicateReported) {
        duplicateReported = true;
        log(`another node also calls itself "${nodeId}": give each node its own KEFU_NODE_ID`);
      }
      return;
    }
    for (const handler of handlers) {
      try {
        handler(envelope.message, envelope.from);
      } catch (error) {
        log(`cluster message ${envelope.message.kind} failed`, error);
      }
    }
  });
  return {
    nodeId,
    shared: true,
    publish(message) {
      publisher
        .publish(CLUSTER_CHANNEL, JSON.stringify({ from: nodeId, instance, message } satisfies Envelope))
        .catch((error: unknown) => log('publish failed', error));
    },
    subscribe(handler) {
      handlers.push(handler);
    },
    async close() {
      subscriber.disconnect();
      await publisher.quit().catch(() => publisher.disconnect());
    },
  };
}
