/**
 * A real Kamailio, a real server process and a workstation logged in as agent1 whose SIP account
 * (set by the admin over REST) points at that Kamailio. Media requests are answered signaling-only.
 */
import { startKamailio, KAMAILIO_TEST_PASSWORD, type Kamailio } from '../../../../test/sip/kamailio.js';
import type { PhoneState } from '../../../../shared/ipc/phone.js';
import type { SipSettings } from '../../../../shared/phone.js';
import { createDispatcher } from '../../ipc/dispatcher.js';
import { createWorkstation } from '../../workstation.js';
import { FAST_TIMING, type Desk } from '../../test-support/agent-harness.js';
import { createMemorySecretStore } from '../../test-support/memory-secret-store.js';
import { startServerProcess, type ServerProcess } from '../../test-support/server-process.js';
import { tempDir } from '../../test-support/temp-dir.js';
import { waitFor } from '../../test-support/wait-for.js';
import { attachSignalingMedia, type SignalingMedia } from './signaling-media.js';

export interface PhoneStack {
  kamailio: Kamailio;
  server: ServerProcess;
  desk: Desk;
  /** The stand-in media side answering the desk's media requests. */
  media: SignalingMedia;
  adminToken: string;
  phoneState(): Promise<PhoneState>;
  close(): Promise<void>;
}

async function api<T>(url: string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export async function loginToken(url: string, account: string, password: string): Promise<{ token: string; agentId: string }> {
  const body = await api<{ token: string; agent: { id: string } }>(url, 'POST', '/api/auth/login', null, { account, password });
  return { token: body.token, agentId: body.agent.id };
}

export function sipSettingsFor(kamailio: Kamailio, user: string, password = KAMAILIO_TEST_PASSWORD): SipSettings {
  return { enabled: true, wsServer: kamailio.wsUrl, uri: `sip:${user}@127.0.0.1`, authUser: user, password, displayName: '', iceServers: [] };
}

export async function startPhoneStack(options: { wrapUpSeconds?: number; auth?: boolean; transferTimeoutMs?: number } = {}): Promise<PhoneStack> {
  const kamailio = await startKamailio({ auth: options.auth ?? true });
  const server = await startServerProcess(tempDir('kefu-phone-server-'));
  const admin = await loginToken(server.url, 'admin', 'admin123');
  const agent1 = await loginToken(server.url, 'agent1', 'agent123');
  await api(server.url, 'PUT', `/api/admin/agents/${agent1.agentId}/sip`, admin.token, sipSettingsFor(kamailio, '1001'));
  const workstation = createWorkstation({
    dataDir: tempDir('kefu-phone-desk-'),
    serverUrl: server.url,
    secretStore: createMemorySecretStore(),
    timing: FAST_TIMING,
    phone: {
      wrapUpSeconds: options.wrapUpSeconds ?? 0,
      reconnect: { initialMs: 100, maxMs: 800 },
      mediaTimeoutMs: 5000,
      ...(options.transferTimeoutMs === undefined ? {} : { transferTimeoutMs: options.transferTimeoutMs }),
    },
  });
  const dispatch = createDispatcher(workstation);
  const desk: Desk = {
    workstation,
    invoke: (async (channel: string, request: unknown) => dispatch(channel, request)) as Desk['invoke'],
    connection: async () => {
      throw new Error('not used by the phone tests');
    },
  };
  const media = attachSignalingMedia(desk.workstation);
  const login = await desk.invoke('session:login', { account: 'agent1', password: 'agent123', rememberPassword: false, autoLogin: false, autoStart: false });
  if (!login.ok) throw new Error(login.error.message);
  const phoneState = async () => {
    const state = await desk.invoke('phone:get-state', undefined);
    if (!state.ok) throw new Error(state.error.message);
    return state.value;
  };
  await waitFor('registered', async () => (await phoneState()).registration === 'registered', 15_000);
  return {
    kamailio,
    server,
    desk,
    media,
    adminToken: admin.token,
    phoneState,
    async close() {
      media.detach();
      await desk.invoke('session:logout', undefined);
      await desk.workstation.close();
      await server.kill('SIGTERM');
      await kamailio.stop();
    },
  };
}
