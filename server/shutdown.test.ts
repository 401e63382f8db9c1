import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../shared/index.js';
import { RealtimeClient } from './testing/harness.js';
import { createScene, goLive, visitorChat } from './testing/scene.js';

/** Errors that escape to the process (a handler touching the closed database shows up here). */
const escaped: unknown[] = [];
const onEscape = (err: unknown): void => void escaped.push(err);

describe('server shutdown', () => {
  beforeEach(() => {
    escaped.length = 0;
    process.on('uncaughtException', onEscape);
    process.on('unhandledRejection', onEscape);
  });
  afterEach(() => {
    process.off('uncaughtException', onEscape);
    process.off('unhandledRejection', onEscape);
  });

  it('closes with connected agent and visitor sockets and messages in flight, without touching the closed store', async () => {
    const scene = await createScene();
    await goLive(scene, scene.agent1, 'online');
    await goLive(scene, scene.agent2, 'online');
    const chat = await visitorChat(scene);
    const visitorWs = await RealtimeClient.connect(scene.server.url, chat.token);
    // A message sent just before close is either stored and acked, or never acked; never a crash.
    visitorWs.send({ type: 'message.send', conversationId: chat.conversationId, message: { clientId: uuidv7(), kind: 'text', text: '再见' } });
    visitorWs.send({ type: 'draft', conversationId: chat.conversationId, text: '还在输入' });
    await scene.server.close();
    const sockets = [visitorWs, scene.agent1.ws!, scene.agent2.ws!];
    await Promise.all(sockets.map((ws) => ws.waitFor(() => false, 2000).catch(() => undefined)));
    expect(sockets.map((ws) => ws.closed !== null)).toEqual([true, true, true]);
    // Give late close handlers and timers (draft throttle, staff refresh) a chance to misbehave.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(escaped).toEqual([]);
    await scene.server.close();
    await scene.dispose();
  });
});
