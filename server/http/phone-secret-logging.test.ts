import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs } from '../testing/harness.js';
import { SEED_CREDENTIALS } from '../store/seed.js';

const SECRET = 'Zz-sip-secret-4711';

/** The real start command with its real logger, so what it writes is what an operator would see. */
describe('the SIP password never reaches the server log', () => {
  let child: ChildProcess;
  let output = '';
  let url = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-sip-log-'));

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => void (output += chunk.toString());
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const deadline = Date.now() + 20_000;
    while (!url) {
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found?.[1]) url = found[1];
      else if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`);
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, 30_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs the requests that set and read it, without the password', async () => {
    const admin = await loginAs(url, SEED_CREDENTIALS.admin.account, SEED_CREDENTIALS.admin.password);
    const agent = await loginAs(url, SEED_CREDENTIALS.agents[0].account, SEED_CREDENTIALS.agents[0].password);
    const settings = {
      enabled: true,
      wsServer: 'ws://127.0.0.1:5066',
      uri: 'sip:1001@kefu.test',
      authUser: '1001',
      password: SECRET,
      displayName: '小王',
      iceServers: [],
    };
    expect((await call(url, 'PUT', `/api/admin/agents/${agent.agentId}/sip`, { token: admin.token, body: settings })).status).toBe(200);
    // A refused request (bad URL beside the password) must not log the password either.
    expect((await call(url, 'PUT', `/api/admin/agents/${agent.agentId}/sip`, { token: admin.token, body: { ...settings, wsServer: 'nope' } })).status).toBe(
      400,
    );
    const mine = await call<{ password: string }>(url, 'GET', '/api/me/sip', { token: agent.token });
    expect(mine.body.password).toBe(SECRET);
    // Pino writes asynchronously; wait until the last request's completion line is out.
    const deadline = Date.now() + 5_000;
    while ((output.match(/request completed/g) ?? []).length < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(output).toContain(`/api/admin/agents/${agent.agentId}/sip`);
    expect(output).toContain('/api/me/sip');
    expect(output).not.toContain(SECRET);
  });
});
