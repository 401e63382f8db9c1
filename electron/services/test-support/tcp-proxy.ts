/**
 * A loopback TCP proxy a test can cut and restore, to drop the workstation's connection the way
 * a real network does (sockets die, new connections are refused) and to point at a restarted server.
 */
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  port: number;
  url: string;
  /** Destroy every connection and refuse new ones until restore(). */
  cut(): void;
  /**
   * Destroy every connection, then accept new ones and never answer them (a hung server: the
   * kernel still takes the connection, nothing reads it) until restore().
   */
  hang(): void;
  /** Connections accepted and left unanswered since hang(). */
  hung(): number;
  restore(targetPort?: number): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let target = targetPort;
  let mode: 'up' | 'cut' | 'hang' = 'up';
  let hungCount = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    if (mode === 'cut') return void client.destroy();
    if (mode === 'hang') {
      // Kept open and never read: the caller's own timeouts must give up on it.
      hungCount++;
      sockets.add(client);
      client.on('close', () => sockets.delete(client));
      client.on('error', () => client.destroy());
      return;
    }
    const upstream = connect(target, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const cut = () => {
    mode = 'cut';
    dropAll();
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    cut,
    hang() {
      mode = 'hang';
      hungCount = 0;
      dropAll();
    },
    hung: () => hungCount,
    restore(targetPortNext) {
      if (targetPortNext) target = targetPortNext;
      mode = 'up';
    },
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
