/**
 * Issue 9: a realtime socket never outlives its session. Logout, a password change, disabling and
 * revocation close every socket of the session at once with a reason, and no frame acts for an
 * ended session — not one arriving later, not one already queued for the group commit.
 */
import { withSeparateConnection } from '../testing/separate-connection.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type ServerFrame } from '../../shared/index.js';
import { call, loginAs, RealtimeClient } from '../testing/harness.js';
import { createScene, goLive, sendText, visitorChat, type Scene } from '../testing/scene.js';
import { endAgentSessions } from '../domain/sessions.js';

type EventFrame = Extract<ServerFrame, { type: 'event' }>;
const messageTexts = (ws: RealtimeClient): string[] =>
  ws.frames.flatMap((f) =>
    f.type === 'event' && (f as EventFrame).event.type === 'message.created'
      ? [(f as { event: { message: { text: string | null } } }).event.message.text ?? '']
      : [],
  );

/** Resolves with the close code and reason once the server closed the socket (rejects after 5 s). */
function closeOf(ws: RealtimeClient): Promise<{ code: number; reason: string }> {
  if (ws.closed) return Promise.resolve(ws.closed);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket stayed open')), 5000);
    ws.socket.once('close', (code: number, reason: Buffer) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString() });
    });
  });
}

/** The agent's sessions, as the store has them. */
function sessionIdsOf(scene: Scene, agentId: string): string[] {
  return scene.server.store.sessions.liveIdsOf(agentId);
}

/** Messages stored with this client id, read through a separate connection. */
function storedWithClientId(scene: Scene, clientId: string): number {
  return withSeparateConnection(scene.server, (db) => (db.prepare('SELECT COUNT(*) AS n FROM messages WHERE client_id = ?').get(clientId) as { n: number }).n);
}

describe('a realtime socket ends with its session', () => {
  let scene: Scene;
  beforeEach(async () => {
    scene = await createScene();
  });
  afterEach(() => scene.dispose());

  it('logout closes the open socket at once with the reason; nothing reaches it afterwards and nothing sent on it is stored', async () => {
    await goLive(scene, scene.agent1, 'online');
    const chat = await visitorChat(scene);
    const ws = scene.agent1.ws!;
    const closed = closeOf(ws);
    const res = await call(scene.server.url, 'POST', '/api/auth/logout', { token: scene.agent1.token });
    expect(res.status).toBe(200);
    // Closed on the server before the answer left: no socket of this session is open any more.
    const serverSide = [...scene.server.hub.clients].filter((c) => c.principal?.kind === 'staff' && c.principal.agent.id === scene.agent1.agentId);
    expect(serverSide.every((c) => c.socket.readyState !== c.socket.OPEN)).toBe(true);
    const clientId = uuidv7();
    ws.send({ type: 'message.send', conversationId: chat.conversationId, message: { clientId, kind: 'text', text: '登出后的消息' } });
    expect(await closed).toEqual({ code: 4401, reason: 'logged-out' });
    expect(ws.frames.at(-1)).toMatchObject({ type: 'error', error: { code: 'UNAUTHENTICATED', reason: 'logged-out' } });
    expect((await sendText(scene, chat.token, chat.conversationId, '访客的秘密')).status).toBe(200);
    expect(messageTexts(ws)).not.toContain('访客的秘密');
    expect(ws.frames.some((f) => f.type === 'ack')).toBe(false);
    expect(storedWithClientId(scene, clientId)).toBe(0);
    expect((await call(scene.server.url, 'GET', '/api/me', { token: scene.agent1.token })).status).toBe(401);
  });

  it("an admin's password change ends every session of that agent, sockets included, and leaves others alone", async () => {
    await goLive(scene, scene.agent1, 'online');
    await goLive(scene, scene.agent2, 'online');
    const second = await loginAs(scene.server.url, 'agent1', 'agent123');
    const closed = closeOf(scene.agent1.ws!);
    const res = await call(scene.server.url, 'PATCH', `/api/admin/agents/${scene.agent1.agentId}`, {
      token: scene.admin.token,
      body: { password: 'new-secret-9' },
    });
    expect(res.status).toBe(200);
    expect(await closed).toEqual({ code: 4401, reason: 'password-changed' });
    for (const token of [scene.agent1.token, second.token]) {
      const me = await call<{ error: { code: string; details?: Record<string, string> } }>(scene.server.url, 'GET', '/api/me', { token });
      expect(me.status).toBe(401);
      expect(me.body.error).toMatchObject({ code: 'UNAUTHENTICATED', details: { reason: 'password-changed' } });
    }
    expect((await call(scene.server.url, 'GET', '/api/me', { token: scene.agent2.token })).status).toBe(200);
    expect((await call(scene.server.url, 'GET', '/api/me', { token: scene.admin.token })).status).toBe(200);
    expect(scene.agent2.ws!.closed).toBeNull();
    expect((await loginAs(scene.server.url, 'agent1', 'new-secret-9')).agentId).toBe(scene.agent1.agentId);
  });

  it('a frame arriving after the session ended elsewhere (another node, another process) is refused and not stored', async () => {
    await goLive(scene, scene.agent1, 'online');
    const chat = await visitorChat(scene);
    const ws = scene.agent1.ws!;
    // Ended in the store only, as another node would: this hub was not told.
    const [sessionId] = sessionIdsOf(scene, scene.agent1.agentId);
    scene.server.store.transaction(() => scene.server.store.sessions.end(sessionId!, 'disabled', scene.server.clock.now));
    const closed = closeOf(ws);
    const clientId = uuidv7();
    ws.send({ type: 'message.send', conversationId: chat.conversationId, message: { clientId, kind: 'text', text: '不该存下' } });
    expect(await closed).toEqual({ code: 4401, reason: 'disabled' });
    expect(ws.frames.some((f) => f.type === 'ack' || f.type === 'nack')).toBe(false);
    expect(ws.frames.at(-1)).toMatchObject({ type: 'error', error: { code: 'UNAUTHENTICATED', reason: 'disabled' } });
    expect(storedWithClientId(scene, clientId)).toBe(0);
  });

  it('messages already queued for the group commit when the session ends are not stored and not shown to the visitor', async () => {
    await goLive(scene, scene.agent1, 'online');
    const chat = await visitorChat(scene);
    const visitorWs = await RealtimeClient.connect(scene.server.url, chat.token);
    scene.clients.push(visitorWs);
    const store = scene.server.store;
    const original = store.transactionEach.bind(store);
    /** Runs `end` once, between the frames' arrival and their group commit. */
    const endBeforeNextCommit = (end: () => void) => {
      store.transactionEach = (units) => {
        store.transactionEach = original;
        end();
        return original(units);
      };
    };
    const sendTwo = (ws: RealtimeClient, label: string) => {
      const ids = [uuidv7(), uuidv7()];
      for (const clientId of ids)
        ws.send({ type: 'message.send', conversationId: chat.conversationId, message: { clientId, kind: 'text', text: `${label} ${clientId}` } });
      return ids;
    };

    // Ended through the domain (this hub is told): the socket closes before the commit.
    const ws = scene.agent1.ws!;
    endBeforeNextCommit(() => endAgentSessions(scene.server.ctx, scene.agent1.agentId, 'disabled'));
    const closed = closeOf(ws);
    const queued = sendTwo(ws, '排队中');
    expect(await closed).toEqual({ code: 4401, reason: 'disabled' });
    expect(ws.frames.some((f) => f.type === 'ack')).toBe(false);

    // Ended in the store only (another node): the commit refuses them, nacks, then closes.
    const again = await loginAs(scene.server.url, 'agent1', 'agent123');
    const ws2 = await RealtimeClient.connect(scene.server.url, again.token);
    scene.clients.push(ws2);
    const [sessionId] = sessionIdsOf(scene, scene.agent1.agentId);
    endBeforeNextCommit(() => store.transaction(() => store.sessions.end(sessionId!, 'revoked', scene.server.clock.now)));
    const closed2 = closeOf(ws2);
    const queued2 = sendTwo(ws2, '也在排队');
    expect(await closed2).toEqual({ code: 4401, reason: 'revoked' });
    // Those committed together are all nacked; one arriving after the close is dropped unanswered.
    const nacks = ws2.frames.filter((f): f is Extract<ServerFrame, { type: 'nack' }> => f.type === 'nack');
    expect(nacks.length).toBeGreaterThan(0);
    expect(nacks.map((f) => [f.clientId, f.error.code])).toEqual(queued2.slice(0, nacks.length).map((id) => [id, 'UNAUTHENTICATED']));
    expect(ws2.frames.some((f) => f.type === 'ack')).toBe(false);
    expect(ws2.frames.at(-1)).toMatchObject({ type: 'error', error: { reason: 'revoked' } });

    for (const clientId of [...queued, ...queued2]) expect(storedWithClientId(scene, clientId)).toBe(0);
    // The visitor's view: a message sent after this arrives, none of the refused ones did before it.
    expect((await sendText(scene, chat.token, chat.conversationId, '访客还在')).status).toBe(200);
    await visitorWs.waitFor((f) => f.type === 'event' && (f as EventFrame).event.type === 'message.created');
    expect(messageTexts(visitorWs)).toEqual(['访客还在']);
  });

  it('endAgentSessions (disabling, the admin console) closes every socket of every login of that agent and nothing else', async () => {
    await goLive(scene, scene.agent1, 'online');
    await goLive(scene, scene.agent2, 'online');
    const second = await loginAs(scene.server.url, 'agent1', 'agent123');
    const secondWs = await RealtimeClient.connect(scene.server.url, second.token);
    scene.clients.push(secondWs);
    const closes = [closeOf(scene.agent1.ws!), closeOf(secondWs)];
    const ended = endAgentSessions(scene.server.ctx, scene.agent1.agentId, 'disabled');
    expect(ended).toHaveLength(2);
    // At once: the hub counts the agent as gone before any closing handshake.
    expect(scene.server.hub.presence.isAgentConnected(scene.agent1.agentId)).toBe(false);
    expect(await Promise.all(closes)).toEqual([
      { code: 4401, reason: 'disabled' },
      { code: 4401, reason: 'disabled' },
    ]);
    expect(sessionIdsOf(scene, scene.agent1.agentId)).toEqual([]);
    expect(scene.agent2.ws!.closed).toBeNull();
    expect((await call(scene.server.url, 'GET', '/api/me', { token: scene.agent2.token })).status).toBe(200);
    // Calling it again ends nothing more.
    expect(endAgentSessions(scene.server.ctx, scene.agent1.agentId, 'disabled')).toEqual([]);
  });
});
