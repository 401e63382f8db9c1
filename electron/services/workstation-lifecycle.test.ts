/**
 * The workstation's lifecycle: one closing gate in front of the cache, and internal signals that
 * never reach the page.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isEventChannel, type EventChannel } from '../../shared/ipc/contract.js';
import { HEALTH_PATH, health } from '../../shared/protocol/health.js';
import { createInternalBus, type InternalEvents } from './base/internal-bus.js';
import { emitChanges } from './sync/emit-changes.js';
import { emptyChanges } from './sync/event-applier.js';
import { createMemorySecretStore } from './test-support/memory-secret-store.js';
import { removeTempDirs, tempDir } from './test-support/temp-dir.js';
import { waitFor } from './test-support/wait-for.js';
import { createWorkstation, type Workstation } from './workstation.js';
import { createWorkstationEvents } from './workstation-events.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

/** A Kefu Desk health answer held back until the test releases it: a server round trip in flight. */
async function heldHealthServer() {
  const waiting: ServerResponse<IncomingMessage>[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url === HEALTH_PATH) waiting.push(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  cleanups.push(() => server.closeAllConnections());
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked: () => waiting.length > 0,
    release: () => waiting.splice(0).forEach((res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(health()))),
  };
}

function openWorkstation(dataDir: string): Workstation {
  const workstation = createWorkstation({ dataDir, serverUrl: 'http://127.0.0.1:9', secretStore: createMemorySecretStore() });
  cleanups.push(() => workstation.close());
  return workstation;
}

describe('closing the workstation', () => {
  it('lets work in flight finish and write the cache, refuses new work, then closes the cache', async () => {
    const dataDir = tempDir();
    const target = await heldHealthServer();
    const workstation = openWorkstation(dataDir);

    // A switch of 服务器地址 asks the new server, then writes the cache: in flight while closing starts.
    const switching = workstation.call('server:set-address', { url: target.url, discardUnsent: false });
    await waitFor('the switch to ask the new server', async () => target.asked());
    let closed = false;
    const closing = workstation.close().then(() => (closed = true));

    expect(await workstation.call('server:get-address', undefined)).toMatchObject({ ok: false, error: { code: 'SHUTTING_DOWN' } });
    expect(await workstation.call('session:get-snapshot', undefined)).toMatchObject({ ok: false, error: { code: 'SHUTTING_DOWN' } });
    expect(closed).toBe(false);

    target.release();
    // The write after the round trip found the cache open: the switch completed.
    expect(await switching).toMatchObject({ ok: true, value: { url: target.url, source: 'chosen' } });
    await closing;
    expect(closed).toBe(true);
    expect(await workstation.call('server:get-address', undefined)).toMatchObject({ ok: false, error: { code: 'SHUTTING_DOWN' } });
    expect(workstation.activity()).toEqual({ callActive: false, unsentMessages: 0 });

    // What the switch wrote is in the cache the next start reads.
    const reopened = openWorkstation(dataDir);
    expect(await reopened.call('server:get-address', undefined)).toMatchObject({ ok: true, value: { url: target.url, source: 'chosen' } });
  });

  it('closes once: every call answers the same promise, and a second close does not touch the closed cache', async () => {
    const workstation = openWorkstation(tempDir());
    const first = workstation.close();
    expect(workstation.close()).toBe(first);
    await first;
    await expect(workstation.close()).resolves.toBeUndefined();
  });
});

describe('internal signals', () => {
  it('the server’s phrases hint goes to the internal bus, never to the page’s event channels', () => {
    const events = createWorkstationEvents();
    const internal = createInternalBus();
    const toPage: EventChannel[] = [];
    const inside: InternalEvents['phrases:outdated'][] = [];
    events.onAny((channel) => toPage.push(channel));
    internal.on('phrases:outdated', (payload) => inside.push(payload));

    emitChanges({ events, internal }, { ...emptyChanges(), phrasesOutdated: [null, 'a1', 'a1'] }, 'each');
    emitChanges({ events, internal }, { ...emptyChanges(), phrasesOutdated: ['a2'] }, 'summary');

    expect(inside).toEqual([{ ownerId: null }, { ownerId: 'a1' }, { ownerId: 'a2' }]);
    expect(toPage).toEqual([]);
  });

  it('no internal event is a channel of the contract, so no transport can forward one', () => {
    const internalEvents: (keyof InternalEvents)[] = ['phrases:outdated', 'connection:online'];
    for (const name of internalEvents) expect(isEventChannel(name)).toBe(false);
    const events = createWorkstationEvents();
    // @ts-expect-error internal signals are not renderer events
    events.emit('phrases:outdated', { ownerId: null });
  });

  it('a disposed subscription hears nothing more', () => {
    const internal = createInternalBus();
    const heard: unknown[] = [];
    const subscription = internal.on('connection:online', (payload) => heard.push(payload));
    internal.emit('connection:online', {});
    subscription.dispose();
    internal.emit('connection:online', {});
    expect(heard).toEqual([{}]);
  });
});
