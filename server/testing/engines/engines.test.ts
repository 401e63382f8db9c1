import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { Redis } from 'ioredis';
import WebSocket, { WebSocketServer } from 'ws';
import { startPostgres } from './postgres.js';
import { startRedis } from './redis.js';
import { startNginx } from './nginx.js';

// The engines the multi-node tests stand on, each started for real and used once.
describe('test engines', () => {
  const stops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
  });

  it('PostgreSQL: a database of its own that takes a transaction', async () => {
    const server = await startPostgres({ settings: { fsync: 'off' } });
    stops.push(() => server.stop());
    const url = await server.createDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE t (id serial PRIMARY KEY, v text)');
    await client.query('BEGIN');
    await client.query("INSERT INTO t (v) VALUES ('一'), ('二')");
    await client.query('COMMIT');
    const { rows } = await client.query<{ v: string }>('SELECT v FROM t ORDER BY id');
    await client.end();
    expect(rows.map((r) => r.v)).toEqual(['一', '二']);
    await server.dropDatabase(url);
  }, 60_000);

  it('Redis: a message published on one connection reaches a subscriber on another', async () => {
    const server = await startRedis();
    stops.push(() => server.stop());
    const sub = new Redis(server.url);
    const pub = new Redis(server.url);
    await sub.subscribe('kefu:test');
    const received = new Promise<string>((resolve) => sub.on('message', (_channel, message: string) => resolve(message)));
    await pub.publish('kefu:test', '你好');
    expect(await received).toBe('你好');
    sub.disconnect();
    pub.disconnect();
  }, 30_000);

  it('nginx: HTTP and a WebSocket upgrade reach the nodes behind it', async () => {
    const backends = await Promise.all(
      ['A', 'B'].map(
        (name) =>
          new Promise<{ port: number; close: () => Promise<void> }>((resolve) => {
            const http = createServer((_req, res) => res.end(name));
            const wss = new WebSocketServer({ server: http });
            wss.on('connection', (socket) => socket.on('message', (data) => socket.send(`${name}:${String(data)}`)));
            http.listen(0, '127.0.0.1', () =>
              resolve({
                port: (http.address() as AddressInfo).port,
                close: () => new Promise((done) => (wss.close(), http.close(() => done()))),
              }),
            );
          }),
      ),
    );
    const nginx = await startNginx(backends.map((b) => b.port));
    stops.push(async () => {
      await nginx.stop();
      for (const b of backends) await b.close();
    });
    const answers = new Set<string>();
    for (let i = 0; i < 6; i++) answers.add(await (await fetch(nginx.url)).text());
    expect([...answers].every((a) => a === 'A' || a === 'B')).toBe(true);

    const socket = new WebSocket(nginx.url.replace('http', 'ws'));
    await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
    const echoed = new Promise<string>((resolve) => socket.once('message', (data) => resolve(String(data))));
    socket.send('ping');
    expect(await echoed).toMatch(/^[AB]:ping$/);
    socket.close();
  }, 30_000);
});
