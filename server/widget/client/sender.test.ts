import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientFrame } from '../../../shared/protocol/realtime.js';
import { uuidv7 } from '../../../shared/ids.js';
import { WidgetApi } from './api.js';
import { Outbox } from './outbox.js';
import type { RealtimeClient } from './realtime.js';
import { MessageSender } from './sender.js';
import { OUTBOX_KEY } from './storage.js';

/** A socket stand-in that records what was sent and what the outbox held at that moment. */
function fakeRealtime() {
  const sent: { frame: ClientFrame; storedAtSend: string }[] = [];
  const client = {
    isOpen: true,
    send: (frame: ClientFrame) => {
      sent.push({ frame, storedAtSend: localStorage.getItem(OUTBOX_KEY) ?? '' });
      return true;
    },
  };
  return { client, sent };
}

describe('MessageSender', () => {
  beforeEach(() => localStorage.clear());

  function setup() {
    const outbox = new Outbox(localStorage);
    const realtime = fakeRealtime();
    const sender = new MessageSender({
      outbox,
      api: new WidgetApi('http://127.0.0.1:9'),
      realtime: () => realtime.client as unknown as RealtimeClient,
      onStored: () => undefined,
      currentConversationId: () => 'conv-1',
    });
    return { outbox, realtime, sender };
  }

  it('writes the outbox entry before the frame leaves', () => {
    const { realtime, sender } = setup();
    const clientId = uuidv7();
    sender.send('conv-1', { clientId, kind: 'text', text: 'hi' }, 'hi');
    expect(realtime.sent).toHaveLength(1);
    expect(realtime.sent[0]!.storedAtSend).toContain(clientId);
  });

  it('keeps entries until ack and re-sends every unacked one in order on a new socket', () => {
    const { outbox, realtime, sender } = setup();
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    ids.forEach((clientId, i) => sender.send('conv-1', { clientId, kind: 'text', text: `m${i}` }, `m${i}`));
    sender.stored(ids[0]!);
    expect(outbox.all().map((entry) => entry.body.clientId)).toEqual(ids.slice(1));
    // The same socket does not get duplicates on flush…
    sender.flush();
    expect(realtime.sent).toHaveLength(3);
    // …but a new one gets the unacked ones again, oldest first.
    sender.socketReady();
    const resent = realtime.sent.slice(3).map(({ frame }) => (frame.type === 'message.send' ? frame.message.clientId : null));
    expect(resent).toEqual(ids.slice(1));
  });

  it('marks a non-retryable refusal failed and sends it again on 重试', () => {
    const { outbox, realtime, sender } = setup();
    const clientId = uuidv7();
    sender.send('conv-1', { clientId, kind: 'text', text: 'x' }, 'x');
    sender.refused(clientId, 'VALIDATION_FAILED', 'bad');
    expect(outbox.get(clientId)?.state).toBe('failed');
    expect(outbox.pending()).toHaveLength(0);
    sender.retry(clientId);
    expect(outbox.get(clientId)?.state).toBe('pending');
    expect(realtime.sent).toHaveLength(2);
  });

  it('keeps a retryable refusal pending and tries again later', () => {
    vi.useFakeTimers();
    try {
      const { outbox, realtime, sender } = setup();
      const clientId = uuidv7();
      sender.send('conv-1', { clientId, kind: 'text', text: 'x' }, 'x');
      sender.refused(clientId, 'INTERNAL', 'db busy');
      expect(outbox.get(clientId)?.state).toBe('pending');
      vi.advanceTimersByTime(5000);
      expect(realtime.sent).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
