/**
 * The log files leave the machine (导出日志 → support), so a real login must not put a secret in
 * them: a real server process, a workstation that logs in with 记住密码 and registers its SIP
 * account (the softphone logs its settings), and then the details a careless line would log
 * (the login request and answer, the SIP settings, a URL and a header with the token). Every
 * byte of every log file is then searched for each secret.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_FILE } from '../cache/database.js';
import { createDispatcher } from '../ipc/dispatcher.js';
import { createLog } from '../logger.js';
import { FAST_TIMING } from '../test-support/agent-harness.js';
import { createMemorySecretStore } from '../test-support/memory-secret-store.js';
import { startServerProcess, type ServerProcess } from '../test-support/server-process.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { waitFor } from '../test-support/wait-for.js';
import { createWorkstation } from '../workstation.js';
import { startFileLogging } from './file-logging.js';

const AGENT = { account: 'agent1', password: 'agent123' };
const SIP_PASSWORD = 'Zz-sip-secret-5150';

interface LoginAnswer {
  token: string;
  refreshToken: string;
  agent: { id: string };
}

async function restLogin(url: string, account: string, password: string): Promise<LoginAnswer> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account, password }),
  });
  if (!res.ok) throw new Error(`login ${account}: ${res.status} ${await res.text()}`);
  return (await res.json()) as LoginAnswer;
}

let server: ServerProcess;
let admin: LoginAnswer;
const sipSettings = {
  enabled: true,
  wsServer: 'ws://127.0.0.1:9/ws',
  uri: 'sip:1001@kefu.test',
  authUser: '1001',
  password: SIP_PASSWORD,
  displayName: '小王',
  iceServers: [],
};

beforeAll(async () => {
  server = await startServerProcess(tempDir('kefu-server-'));
  admin = await restLogin(server.url, 'admin', 'admin123');
  const agent = await restLogin(server.url, AGENT.account, AGENT.password);
  const put = await fetch(`${server.url}/api/admin/agents/${agent.agent.id}/sip`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
    body: JSON.stringify(sipSettings),
  });
  expect(put.status).toBe(200);
}, 30_000);

afterAll(async () => {
  await server?.kill('SIGKILL');
  removeTempDirs();
});

describe('no secrets in the log files', () => {
  it('a real login with 记住密码, SIP registration, logout and careless details leave no password or token in any file', async () => {
    const dataDir = tempDir('kefu-desk-');
    const logging = await startFileLogging(join(dataDir, 'logs'));
    const secrets = createMemorySecretStore();
    const workstation = createWorkstation({
      dataDir,
      serverUrl: server.url,
      secretStore: secrets,
      timing: FAST_TIMING,
      phone: { reconnect: { initialMs: 100, maxMs: 800 } },
    });
    const dispatch = createDispatcher(workstation);
    const allText = async () => (await logging.files()).map((file) => readFileSync(file.path, 'utf8')).join('');
    try {
      const login = await dispatch('session:login', { ...AGENT, rememberPassword: true, autoLogin: true, autoStart: false });
      expect(login.ok).toBe(true);
      // The softphone fetched the SIP account (password included) and logs what it registers with.
      await waitFor('the login and the SIP registration in the log files', async () => {
        const text = await allText();
        return text.includes('"msg":"logged in"') && text.includes('"msg":"phone: registering"');
      });

      // The workstation's own tokens: the access token in its cache, the refresh token in the SecretStore.
      const cache = new Database(join(dataDir, CACHE_FILE), { readonly: true });
      const stored = cache.prepare('SELECT token, agent_id FROM session WHERE id = 1').get() as { token: string; agent_id: string };
      cache.close();
      const refreshToken = secrets.get(`refresh-token:${stored.agent_id}`);
      expect(stored.token.length).toBeGreaterThan(16);
      expect(refreshToken?.length).toBeGreaterThan(16);

      // What a careless line would log, with real values from a real login.
      const careless = createLog('careless');
      const answer = await restLogin(server.url, AGENT.account, AGENT.password);
      careless('login request', { ...AGENT, rememberPassword: true }, 'info');
      careless('login answer', answer, 'info');
      careless('sip settings', sipSettings, 'info');
      careless(`realtime connect ws://127.0.0.1/realtime?token=${answer.token}`, undefined, 'info');
      careless('refresh failed', new Error(`POST /api/auth/refresh {"refreshToken":"${answer.refreshToken}"} → 401`), 'warn');
      careless('request', { headers: { authorization: `Bearer ${stored.token}` }, body: JSON.stringify({ refreshToken }) }, 'info');
      careless(`REGISTER sip:1001:${SIP_PASSWORD}@kefu.test`, undefined, 'info');

      expect(await dispatch('session:logout', undefined)).toMatchObject({ ok: true });
      const text = await allText();
      const secretValues = {
        password: AGENT.password,
        sipPassword: SIP_PASSWORD,
        accessToken: stored.token,
        refreshToken,
        answerToken: answer.token,
        answerRefresh: answer.refreshToken,
        adminToken: admin.token,
      };
      for (const [what, secret] of Object.entries(secretValues)) expect(text.includes(secret!), `${what} found in the log files`).toBe(false);
      // …while what support needs is there, so the search above searched real lines.
      for (const line of [
        '"msg":"logged in"',
        '"account":"agent1"',
        '"msg":"phone: registering"',
        '"msg":"login answer"',
        '"msg":"logged out"',
        '[redacted]',
      ]) {
        expect(text, line).toContain(line);
      }
    } finally {
      workstation.close();
      logging.stop();
    }
  }, 30_000);
});
