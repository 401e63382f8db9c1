/** A ready stage for tests: server, seeded staff logged in, agents connected and online. */
import { withSeparateConnection } from './separate-connection.js';
import { createHash } from 'node:crypto';
import { uuidv7 } from '../../shared/index.js';
import { SEED_CREDENTIALS } from '../store/seed.js';
import { call, loginAs, newVisitor, RealtimeClient, startTestServer, type TestServer } from './harness.js';

export interface Staff {
  token: string;
  agentId: string;
  ws?: RealtimeClient;
}

export interface Scene {
  server: TestServer;
  admin: Staff;
  agent1: Staff;
  agent2: Staff;
  clients: RealtimeClient[];
  dispose(): Promise<void>;
}

export async function setStatus(server: TestServer, staff: Staff, status: 'online' | 'busy' | 'away'): Promise<void> {
  const res = await call(server.url, 'PUT', '/api/me/status', { token: staff.token, body: { status } });
  if (res.status !== 200) throw new Error(`status failed ${res.status}`);
}

/** Connects the staff member's realtime socket (so routing counts them) and sets a status. */
export async function goLive(scene: Scene, staff: Staff, status: 'online' | 'busy' | 'away' = 'online'): Promise<void> {
  staff.ws ??= await RealtimeClient.connect(scene.server.url, staff.token);
  scene.clients.push(staff.ws);
  await setStatus(scene.server, staff, status);
}

export async function createScene(opts: Parameters<typeof startTestServer>[0] = {}): Promise<Scene> {
  const server = await startTestServer(opts);
  const [a1, a2] = SEED_CREDENTIALS.agents;
  const scene: Scene = {
    server,
    admin: await loginAs(server.url, SEED_CREDENTIALS.admin.account, SEED_CREDENTIALS.admin.password),
    agent1: await loginAs(server.url, a1.account, a1.password),
    agent2: await loginAs(server.url, a2.account, a2.password),
    clients: [],
    dispose: async () => {
      await Promise.all(scene.clients.map((c) => c.close()));
      await server.dispose();
    },
  };
  return scene;
}

export interface VisitorChat {
  token: string;
  visitorId: string;
  conversationId: string;
  state: string;
}

/** A visitor with an open conversation; returns its id. */
export async function visitorChat(scene: Scene, body: Record<string, unknown> = {}): Promise<VisitorChat> {
  const visitor = await newVisitor(scene.server.url, body);
  const res = await call<{ outcome: string; conversation?: { id: string; state: string } }>(scene.server.url, 'POST', '/api/visitor/conversation', {
    token: visitor.token,
  });
  if (res.status !== 200 || !res.body.conversation) throw new Error(`start failed ${res.status} ${JSON.stringify(res.body)}`);
  return { ...visitor, conversationId: res.body.conversation.id, state: res.body.conversation.state };
}

/** The most common stage: agent1 connected and online, and a visitor whose new chat routing gave to agent1. */
export async function liveChatScene(opts: Parameters<typeof createScene>[0] = {}): Promise<{ scene: Scene; chat: VisitorChat }> {
  const scene = await createScene(opts);
  await goLive(scene, scene.agent1, 'online');
  return { scene, chat: await visitorChat(scene) };
}

/**
 * A token that passes a route's access gate, so a sweep meets its validation: the visitor's for
 * visitor routes, the admin's for console routes (admin and leader), an agent's for staff routes.
 */
export function tokenForAccess(scene: Scene, visitorToken: string, access: string): string | undefined {
  if (access === 'public') return undefined;
  if (access === 'visitor') return visitorToken;
  return access === 'admin' || access === 'leader' ? scene.admin.token : scene.agent1.token;
}

export async function sendText(scene: Scene, token: string, conversationId: string, text: string, clientId = uuidv7()) {
  return call<{ seq: number; id: string; clientId: string }>(scene.server.url, 'POST', `/api/conversations/${conversationId}/messages`, {
    token,
    body: { clientId, kind: 'text', text },
  });
}

/** A digest of every row of every table, read through a separate connection: "nothing changed" checks. */
export function dbFingerprint(server: TestServer): string {
  return withSeparateConnection(server, (db) => {
    const listTables =
      db.dialect === 'sqlite'
        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";
    const tables = (db.prepare(listTables).all() as { name: string }[]).map((t) => t.name);
    const hash = createHash('sha256');
    for (const table of tables) hash.update(table).update(JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()));
    return hash.digest('hex');
  });
}
