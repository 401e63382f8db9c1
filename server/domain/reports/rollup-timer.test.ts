/**
 * The periodic catch-up (rollup-timer.ts): a conversation a visitor starts (routed to an agent) is in
 * the rollup table once the timer ran — no report was asked, so only the timer can have put it
 * there. On both stores (the `postgres` project runs this file again).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TestServer } from '../../testing/harness.js';
import { createScene, goLive, visitorChat, type Scene } from '../../testing/scene.js';
import { catchUpRollups } from './rollups.js';

let scene: Scene;
let server: TestServer;
const everything = { from: 0, to: Number.MAX_SAFE_INTEGER };
const offered = (): number => server.store.reports.sums(everything, 'group').reduce((n, row) => n + Number(row.offered), 0);

beforeAll(async () => {
  scene = await createScene({ reportCatchUpIntervalMs: 25 });
  server = scene.server;
  await goLive(scene, scene.agent1, 'online');
});

afterAll(async () => {
  await scene?.dispose();
});

describe('the periodic rollup catch-up', () => {
  it('puts new conversations in the rollups before any report is asked', async () => {
    // The first run finds no watermark and builds the rollups (empty: nothing happened yet).
    await vi.waitFor(() => expect(server.store.reports.state()).toBeDefined(), { timeout: 10_000, interval: 20 });
    const before = server.store.reports.state()!.eventSeq;
    expect(offered()).toBe(0);

    await visitorChat(scene);

    await vi.waitFor(() => expect(offered()).toBe(1), { timeout: 10_000, interval: 20 });
    expect(server.store.reports.state()!.eventSeq).toBeGreaterThan(before);
  });

  it('recomputes rather than adds: catching up on the same events again changes nothing', () => {
    const state = server.store.reports.state()!;
    const rows = server.store.reports.sums(everything, 'hour');
    // As if another node had caught up on these events too: the watermark back, then a catch-up.
    server.store.transaction(() => server.store.reports.saveState({ ...state, eventSeq: 0 }));
    catchUpRollups(server.ctx);
    expect(server.store.reports.sums(everything, 'hour')).toEqual(rows);
    expect(server.store.reports.state()!.eventSeq).toBe(server.store.events.head());
  });
});
