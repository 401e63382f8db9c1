/**
 * 黑名单 on the realtime path: a listed visitor whose socket is still open (a client that ignores the
 * BLOCKED notice) has every message.send nacked with BLOCKED and nothing stored; the other
 * visitors' sends of the same group commit go through.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7, type Message, type ServerFrame } from '../../shared/index.js';
import { call, RealtimeClient } from '../testing/harness.js';
import { createScene, dbFingerprint, goLive, visitorChat, type Scene } from '../testing/scene.js';

describe('blacklisted visitor on the realtime socket', () => {
  let scene: Scene;

  beforeEach(async () => {
    scene = await createScene();
    await goLive(scene, scene.agent1, 'online');
  });
  afterEach(() => scene.dispose());

  it('a blocked visitor’s send is refused and nothing is stored; another visitor in the same batch is not affected', async () => {
    const listed = await visitorChat(scene);
    const other = await visitorChat(scene);
    const listedWs = await RealtimeClient.connect(scene.server.url, listed.token);
    const otherWs = await RealtimeClient.connect(scene.server.url, other.token);
    scene.clients.push(listedWs, otherWs);
    // A first message goes through and stays.
    const firstId = uuidv7();
    listedWs.send({ type: 'message.send', conversationId: listed.conversationId, message: { clientId: firstId, kind: 'text', text: '第一条' } });
    await listedWs.waitFor((f) => f.type === 'ack' && f.clientId === firstId);

    const added = await call(scene.server.url, 'POST', '/api/admin/blacklist', {
      token: scene.admin.token,
      body: { kind: 'visitor', value: listed.visitorId, reason: '广告' },
    });
    expect(added.status).toBe(200);
    await listedWs.waitFor((f) => f.type === 'error' && f.error.code === 'BLOCKED');

    const before = dbFingerprint(scene.server);
    const blockedId = uuidv7();
    const otherId = uuidv7();
    // Sent back to back: one group commit holds both.
    listedWs.send({ type: 'message.send', conversationId: listed.conversationId, message: { clientId: blockedId, kind: 'text', text: '我又来了' } });
    otherWs.send({ type: 'message.send', conversationId: other.conversationId, message: { clientId: otherId, kind: 'text', text: '你好' } });
    const nack = await listedWs.waitFor<Extract<ServerFrame, { type: 'nack' }>>((f) => f.type === 'nack' && f.clientId === blockedId);
    expect(nack.error.code).toBe('BLOCKED');
    await otherWs.waitFor((f) => f.type === 'ack' && f.clientId === otherId);
    expect(listedWs.frames.some((f) => f.type === 'ack' && f.clientId === blockedId)).toBe(false);

    const messages = await call<Message[]>(scene.server.url, 'GET', `/api/conversations/${listed.conversationId}/messages`, { token: scene.admin.token });
    expect(messages.body.map((m) => m.clientId)).not.toContain(blockedId);
    expect(messages.body.map((m) => m.text)).toContain('第一条');
    // Only the other visitor's message was written.
    expect(dbFingerprint(scene.server)).not.toBe(before);
    const otherMessages = await call<Message[]>(scene.server.url, 'GET', `/api/conversations/${other.conversationId}/messages`, { token: scene.admin.token });
    expect(otherMessages.body.map((m) => m.clientId)).toContain(otherId);
  });

  it('a blocked visitor’s send alone changes nothing at all', async () => {
    const listed = await visitorChat(scene);
    const ws = await RealtimeClient.connect(scene.server.url, listed.token);
    scene.clients.push(ws);
    await call(scene.server.url, 'POST', '/api/admin/blacklist', { token: scene.admin.token, body: { kind: 'ip', value: '127.0.0.1', reason: '刷屏' } });
    await ws.waitFor((f) => f.type === 'error' && f.error.code === 'BLOCKED');
    const before = dbFingerprint(scene.server);
    const clientId = uuidv7();
    ws.send({ type: 'message.send', conversationId: listed.conversationId, message: { clientId, kind: 'text', text: '看我的广告' } });
    const nack = await ws.waitFor<Extract<ServerFrame, { type: 'nack' }>>((f) => f.type === 'nack' && f.clientId === clientId);
    expect(nack.error.code).toBe('BLOCKED');
    expect(dbFingerprint(scene.server)).toBe(before);
  });
});
