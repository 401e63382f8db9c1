/**
 * The server's widget rate limits refuse with RATE_LIMITED (a nack over the socket, a 429 envelope
 * over REST). The widget must keep such a message and send it again later, in its place — never
 * drop it or show it as failed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { uuidv7 } from '../../../shared/ids.js';
import type { ClientFrame } from '../../../shared/protocol/realtime.js';
import { errorFromBody, isRetryable, WidgetApi } from './api.js';
import { ChatState } from './chat-state.js';
import { Outbox } from './outbox.js';
import type { RealtimeClient } from './realtime.js';
import { MessageSender } from './sender.js';

describe('RATE_LIMITED in the widget', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('a nack keeps the message and those after it pending, and sends them again in order', () => {
    const sent: string[] = [];
    const realtime = {
      isOpen: true,
      send: (frame: ClientFrame) => {
        if (frame.type === 'message.send') sent.push(frame.message.clientId);
        return true;
      },
    };
    const outbox = new Outbox(localStorage);
    const sender = new MessageSender({
      outbox,
      api: new WidgetApi('http://127.0.0.1:9'),
      realtime: () => realtime as unknown as RealtimeClient,
      onStored: () => undefined,
      currentConversationId: () => 'conv-1',
    });
    const state = new ChatState();
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    ids.forEach((clientId, i) => sender.send('conv-1', { clientId, kind: 'text', text: `m${i}` }, `m${i}`));
    expect(sent).toEqual(ids);
    // The server stored the first and refused the others (the second over budget, the third behind it).
    sender.stored(ids[0]!);
    for (const clientId of ids.slice(1)) {
      const effects = state.applyFrame({
        type: 'nack',
        clientId,
        error: { code: 'RATE_LIMITED', message: 'Too many requests from this visitor; try again in 30 s' },
      });
      for (const refusal of effects.refused) sender.refused(refusal.clientId, refusal.code, refusal.message);
    }
    expect(outbox.pending().map((entry) => entry.body.clientId)).toEqual(ids.slice(1));
    expect(outbox.all().every((entry) => entry.state === 'pending' && entry.error === null)).toBe(true);
    vi.advanceTimersByTime(5000);
    expect(sent.slice(3)).toEqual(ids.slice(1));
  });

  it('a 429 envelope over REST reads as RATE_LIMITED, which is retried by itself', () => {
    const error = errorFromBody(429, { error: { code: 'RATE_LIMITED', message: 'Too many requests from this network address; try again in 12 s' } });
    expect(error.code).toBe('RATE_LIMITED');
    expect(isRetryable(error.code)).toBe(true);
  });
});
