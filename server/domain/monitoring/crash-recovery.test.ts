/**
 * A server killed with SIGKILL while an agent is online and on a call cannot write their 离线: the
 * next process on the same data (SQLite file, or PostgreSQL database) writes it at the dead
 * process's last heartbeat — so the timeline and the online time stop there, not at the restart —
 * with the phone closed the same way, once; the boards show no call that ended while it was down.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AgentTimeline, Wallboard } from '../../../shared/protocol/rest-monitor.js';
import { SEED_CREDENTIALS } from '../../store/seed.js';
import { openStore } from '../../store/open-store.js';
import { call, loginAs, RealtimeClient } from '../../testing/harness.js';
import { freePort } from '../../testing/engines/free-port.js';
import { startProcess, type EngineProcess } from '../../testing/engines/process.js';
import { nodeReady } from '../../testing/engines/node-process.js';
import { dropTestDatabase, testDatabaseUrl } from '../../testing/test-store.js';

const HEARTBEAT_MS = 200;
const [agent1] = SEED_CREDENTIALS.agents;

/** server/main.ts as its own process on this data folder (and the test store's database for it). */
async function startServerProcess(dataDir: string): Promise<{ url: string; process: EngineProcess }> {
  const port = await freePort();
  const databaseUrl = await testDatabaseUrl(dataDir);
  const child = startProcess(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(port), '--data', dataDir, '--quiet'], {
    env: {
      ...process.env,
      KEFU_DATABASE_URL: databaseUrl ?? '',
      KEFU_PRESENCE_HEARTBEAT_MS: String(HEARTBEAT_MS),
      KEFU_PRESENCE_GRACE_MS: '1000',
    },
  });
  await nodeReady(port);
  return { url: `http://127.0.0.1:${port}`, process: child };
}

async function killed(server: EngineProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill('SIGKILL');
  await exited;
}

const wallboard = async (url: string, token: string): Promise<Wallboard> =>
  (await call<Wallboard[]>(url, 'GET', '/api/admin/monitor/wallboard', { token })).body.find((b) => b.groupId === null)!;

describe('离线 after a crash', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-crash-'));
  const processes: EngineProcess[] = [];
  afterAll(async () => {
    for (const p of processes) await p.stop(2_000);
    rmSync(dataDir, { recursive: true, force: true });
    await dropTestDatabase(dataDir);
  });

  it('a killed server’s agents get 离线 at its last heartbeat when the next one starts, once', { timeout: 120_000 }, async () => {
    const first = await startServerProcess(dataDir);
    processes.push(first.process);
    const agent = await loginAs(first.url, agent1.account, agent1.password);
    const socket = await RealtimeClient.connect(first.url, agent.token);
    expect((await call(first.url, 'PUT', '/api/me/status', { token: agent.token, body: { status: 'online' } })).status).toBe(200);
    socket.send({ type: 'phone.status', status: 'talking' });
    const admin = await loginAs(first.url, SEED_CREDENTIALS.admin.account, SEED_CREDENTIALS.admin.password);
    await expect.poll(() => wallboard(first.url, admin.token).then((b) => b.callsInProgress), { timeout: 10_000 }).toBe(1);
    // The node has beaten since the agent went on the phone (read from its store); then the process dies without a word.
    const onThePhoneAt = Date.now();
    const databaseUrl = await testDatabaseUrl(dataDir);
    const reader = await openStore({ dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    try {
      await expect.poll(() => reader.serverNodes.list().some((node) => node.beatAt > onThePhoneAt), { timeout: 30_000 }).toBe(true);
    } finally {
      reader.close();
    }
    const killedAt = Date.now();
    await killed(first.process);
    // Down for a while — the scenario itself, not a wait for something (longer on a busy machine is fine): that time must not count as online.
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const second = await startServerProcess(dataDir);
    processes.push(second.process);
    const restartedAt = Date.now();
    const admin2 = await loginAs(second.url, SEED_CREDENTIALS.admin.account, SEED_CREDENTIALS.admin.password);
    const timeline = await call<AgentTimeline>(second.url, 'GET', `/api/admin/agents/${agent.agentId}/activity`, { token: admin2.token });
    expect(timeline.status).toBe(200);
    const statuses = timeline.body.entries.filter((e) => e.kind === 'status');
    const offline = statuses.at(-1)!;
    expect(offline).toMatchObject({ status: 'offline', reason: 'node-lost' });
    // At the last beat: before the kill, at most a beat or so before it (a busy machine beats late).
    expect(offline.at).toBeLessThanOrEqual(killedAt);
    expect(offline.at).toBeGreaterThan(killedAt - 10 * HEARTBEAT_MS);
    expect(statuses.filter((e) => e.status === 'offline')).toHaveLength(1);
    const phones = timeline.body.entries.filter((e) => e.kind === 'phone');
    expect(phones.map((e) => [e.phone, e.reason])).toEqual([
      ['talking', 'workstation'],
      ['unregistered', 'node-lost'],
    ]);
    expect(phones.at(-1)!.at).toBe(offline.at);
    // The online time stops at the crash, not at the restart.
    const onlineSince = statuses.find((e) => e.status === 'online')!.at;
    expect(timeline.body.totals.online).toBe(offline.at - onlineSince);
    expect(timeline.body.totals.online).toBeLessThan(restartedAt - onlineSince - 1_500);
    const board = await wallboard(second.url, admin2.token);
    expect(board.callsInProgress).toBe(0);
    expect(board.agents.find((a) => a.id === agent.agentId)).toMatchObject({ status: 'offline', phone: null });

    // A clean stop afterwards adds nothing for an agent already 离线; the next start neither.
    await second.process.stop();
    const third = await startServerProcess(dataDir);
    processes.push(third.process);
    const admin3 = await loginAs(third.url, SEED_CREDENTIALS.admin.account, SEED_CREDENTIALS.admin.password);
    const again = await call<AgentTimeline>(third.url, 'GET', `/api/admin/agents/${agent.agentId}/activity`, { token: admin3.token });
    expect(again.body.entries.filter((e) => e.kind === 'status' || e.kind === 'phone')).toEqual(
      timeline.body.entries.filter((e) => e.kind === 'status' || e.kind === 'phone'),
    );
    await socket.close();
  });
});
