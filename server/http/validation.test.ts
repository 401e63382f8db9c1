import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, routes, uuidv7 } from '../../shared/index.js';
import { filledPath } from '../testing/route-paths.js';
import { call } from '../testing/harness.js';
import { dbFingerprint, liveChatScene, tokenForAccess, type Scene, visitorChat, type VisitorChat } from '../testing/scene.js';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string> } };

describe('bad input on every endpoint gets a 4xx with a code and changes nothing', () => {
  let scene: Scene;
  let chat: VisitorChat;
  const tokenFor = (access: string) => tokenForAccess(scene, chat.token, access);

  beforeAll(async () => {
    ({ scene, chat } = await liveChatScene());
  });
  afterAll(() => scene.dispose());

  const bodyRoutes = Object.entries(routes).filter(([, def]) => 'body' in def && def.body);

  it('malformed JSON → 400 VALIDATION_FAILED', async () => {
    const before = dbFingerprint(scene.server);
    for (const [name, def] of bodyRoutes) {
      const res = await call<ErrorBody>(scene.server.url, def.method, filledPath(def.path, chat.conversationId), {
        token: tokenFor(def.access),
        raw: '{"a":',
        contentType: 'application/json',
      });
      expect(res.status, name).toBe(400);
      expect(res.body.error.code, name).toBe('VALIDATION_FAILED');
    }
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('unknown fields and wrong types → 400 with field details', async () => {
    const before = dbFingerprint(scene.server);
    for (const [name, def] of bodyRoutes) {
      const path = filledPath(def.path, chat.conversationId);
      const unknown = await call<ErrorBody>(scene.server.url, def.method, path, { token: tokenFor(def.access), body: { surprise: 1 } });
      expect(unknown.status, name).toBe(400);
      expect(unknown.body.error.code, name).toBe('VALIDATION_FAILED');
      const wrongType = await call<ErrorBody>(scene.server.url, def.method, path, { token: tokenFor(def.access), body: [1, 2, 3] });
      expect(wrongType.status, name).toBe(400);
    }
    const numberText = await call<ErrorBody>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/messages`, {
      token: chat.token,
      body: { clientId: uuidv7(), kind: 'text', text: 42 },
    });
    expect(numberText.body.error.details).toHaveProperty(['body.text']);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('wrong content type → 415; oversized body → 413; oversized text → 400', async () => {
    const before = dbFingerprint(scene.server);
    for (const [name, def] of bodyRoutes) {
      const res = await call<ErrorBody>(scene.server.url, def.method, filledPath(def.path, chat.conversationId), {
        token: tokenFor(def.access),
        raw: 'status=online',
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(res.status, name).toBe(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const huge = await call<ErrorBody>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/messages`, {
      token: chat.token,
      body: { clientId: uuidv7(), kind: 'text', text: 'x'.repeat(400_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const long = await call<ErrorBody>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/messages`, {
      token: chat.token,
      body: { clientId: uuidv7(), kind: 'text', text: '长'.repeat(LIMITS.messageTextMax + 1) },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('VALIDATION_FAILED');
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('bad params and queries → 400; unknown ids → 404', async () => {
    const before = dbFingerprint(scene.server);
    const badQuery = await call<ErrorBody>(scene.server.url, 'GET', `/api/conversations/${chat.conversationId}/messages?afterSeq=-1`, { token: chat.token });
    expect(badQuery.status).toBe(400);
    const extraQuery = await call<ErrorBody>(scene.server.url, 'GET', `/api/conversations?evil=1`, { token: scene.agent1.token });
    expect(extraQuery.status).toBe(400);
    const longId = await call<ErrorBody>(scene.server.url, 'GET', `/api/conversations/${'x'.repeat(65)}`, { token: scene.agent1.token });
    expect(longId.status).toBe(400);
    for (const [method, path] of [
      ['GET', '/api/conversations/unknown-id'],
      ['POST', '/api/conversations/unknown-id/accept'],
      ['GET', '/api/offline-messages/unknown-id'],
      ['GET', '/api/attachments/unknown-id'],
    ] as const) {
      const res = await call<ErrorBody>(scene.server.url, method, path, { token: scene.admin.token });
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    const noBodyRoute = await call<ErrorBody>(scene.server.url, 'POST', '/api/visitor/conversation', { token: chat.token, body: { unexpected: true } });
    expect(noBodyRoute.status).toBe(400);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('another conversation’s attachment or a clientId reused elsewhere is refused', async () => {
    const other = await visitorChat(scene);
    const up = await call<{ id: string }>(scene.server.url, 'POST', `/api/uploads?conversationId=${other.conversationId}&name=a.txt`, {
      token: other.token,
      raw: 'hello',
      contentType: 'application/octet-stream',
    });
    expect(up.status).toBe(200);
    const clientId = uuidv7();
    const sent = await call(scene.server.url, 'POST', `/api/conversations/${other.conversationId}/messages`, {
      token: other.token,
      body: { clientId, kind: 'text', text: 'hi' },
    });
    expect(sent.status).toBe(200);
    // The send's one read of its preconditions finds the conversation and the stored message whole.
    const { store } = scene.server;
    expect(store.messages.beforeSend(other.conversationId, clientId)).toEqual({
      conversation: store.conversations.byId(other.conversationId),
      existing: store.messages.byClientId(clientId),
    });
    expect(store.messages.beforeSend(chat.conversationId, clientId).existing?.conversationId).toBe(other.conversationId);
    expect(store.messages.beforeSend(chat.conversationId, uuidv7()).existing).toBeUndefined();
    expect(store.messages.beforeSend('no-such-conversation', clientId)).toEqual({ conversation: undefined, existing: undefined });
    // A group commit's reads, all in one statement, answer each send as beforeSend would.
    const sends = [
      { conversationId: chat.conversationId, clientId: uuidv7() },
      { conversationId: 'no-such-conversation', clientId },
      { conversationId: other.conversationId, clientId },
      { conversationId: chat.conversationId, clientId },
    ];
    expect(store.messages.beforeSendEach(sends)).toEqual(sends.map((s) => store.messages.beforeSend(s.conversationId, s.clientId)));
    const many = Array.from({ length: 150 }, (_, i) => ({
      conversationId: i % 2 ? chat.conversationId : other.conversationId,
      clientId: i === 149 ? clientId : uuidv7(),
    }));
    const answers = store.messages.beforeSendEach(many);
    expect(answers.map((a) => a.conversation?.id)).toEqual(many.map((m) => m.conversationId));
    expect(answers.filter((a) => a.existing).map((a) => a.existing?.clientId)).toEqual([clientId]);
    const before = dbFingerprint(scene.server);
    const steal = await call<ErrorBody>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/messages`, {
      token: chat.token,
      body: { clientId: uuidv7(), kind: 'file', attachmentId: up.body.id },
    });
    expect(steal.status).toBe(404);
    const reuse = await call<ErrorBody>(scene.server.url, 'POST', `/api/conversations/${chat.conversationId}/messages`, {
      token: chat.token,
      body: { clientId, kind: 'text', text: 'hi' },
    });
    expect(reuse.status).toBe(409);
    expect(reuse.body.error.code).toBe('CONFLICT');
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('serves an OpenAPI 3.1 document built from the route table', async () => {
    const doc = await call<{ openapi: string; paths: Record<string, Record<string, { operationId: string }>> }>(scene.server.url, 'GET', '/api/docs/json');
    expect(doc.body.openapi).toBe('3.1.0');
    const ids = Object.values(doc.body.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ids.sort()).toEqual(Object.keys(routes).sort());
  });
});
