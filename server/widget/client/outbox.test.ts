import { beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids.js';
import type { SendMessageBody } from '../../../shared/protocol/rest.js';
import { Outbox } from './outbox.js';
import { OUTBOX_KEY } from './storage.js';

const text = (value: string): SendMessageBody => ({ clientId: uuidv7(), kind: 'text', text: value });
const stored = (): { body: SendMessageBody; state: string }[] => JSON.parse(localStorage.getItem(OUTBOX_KEY) ?? '[]');

describe('Outbox', () => {
  beforeEach(() => localStorage.clear());

  it('writes an entry to localStorage as soon as it is added', () => {
    const outbox = new Outbox(localStorage);
    const body = text('你好');
    outbox.add('conv-1', body, '你好');
    expect(stored().map((entry) => entry.body)).toEqual([body]);
  });

  it('keeps entries until their own clientId is acknowledged', () => {
    const outbox = new Outbox(localStorage);
    const first = text('one');
    const second = text('two');
    outbox.add('conv-1', first, 'one');
    outbox.add('conv-1', second, 'two');
    expect(outbox.ack(uuidv7())).toBe(false);
    expect(stored()).toHaveLength(2);
    expect(outbox.ack(first.clientId)).toBe(true);
    expect(stored().map((entry) => entry.body.clientId)).toEqual([second.clientId]);
    expect(outbox.pending().map((entry) => entry.body.clientId)).toEqual([second.clientId]);
  });

  it('returns pending entries in the order they were written, skipping failed ones until retried', () => {
    const outbox = new Outbox(localStorage);
    const bodies = ['a', 'b', 'c', 'd'].map(text);
    bodies.forEach((body, i) => outbox.add('conv-1', body, String(i)));
    outbox.markFailed(bodies[1]!.clientId, { code: 'INVALID_STATE', message: 'ended' });
    expect(outbox.pending().map((entry) => entry.body.clientId)).toEqual([bodies[0], bodies[2], bodies[3]].map((b) => b!.clientId));
    outbox.retry(bodies[1]!.clientId);
    expect(outbox.pending().map((entry) => entry.body.clientId)).toEqual(bodies.map((b) => b.clientId));
  });

  it('survives a reload: a new instance reads the same entries and states back', () => {
    const before = new Outbox(localStorage);
    const bodies = ['第一', '第二', '第三'].map(text);
    bodies.forEach((body) => before.add('conv-1', body, 'x'));
    before.markFailed(bodies[2]!.clientId, { code: 'FORBIDDEN', message: 'no' });
    before.ack(bodies[0]!.clientId);

    const after = new Outbox(localStorage);
    expect(after.all().map((entry) => entry.body)).toEqual([bodies[1], bodies[2]]);
    expect(after.get(bodies[2]!.clientId)?.state).toBe('failed');
    expect(after.pending().map((entry) => entry.body.clientId)).toEqual([bodies[1]!.clientId]);
  });

  it('adding the same clientId twice keeps one entry', () => {
    const outbox = new Outbox(localStorage);
    const body = text('same');
    outbox.add('conv-1', body, 'same');
    outbox.add('conv-1', body, 'same');
    expect(stored()).toHaveLength(1);
  });

  it('discards only failed entries', () => {
    const outbox = new Outbox(localStorage);
    const pending = text('pending');
    const failed = text('failed');
    outbox.add('conv-1', pending, 'p');
    outbox.add('conv-1', failed, 'f');
    outbox.markFailed(failed.clientId, { code: 'FORBIDDEN', message: 'no' });
    outbox.discard(pending.clientId);
    outbox.discard(failed.clientId);
    expect(stored().map((entry) => entry.body.clientId)).toEqual([pending.clientId]);
  });

  it('ignores a corrupt stored outbox but keeps the entries that still parse', () => {
    const good = { conversationId: 'c', body: text('ok'), createdAt: 1, state: 'pending', error: null, preview: 'ok' };
    localStorage.setItem(OUTBOX_KEY, JSON.stringify([good, { nonsense: true }]));
    expect(new Outbox(localStorage).all().map((entry) => entry.body)).toEqual([good.body]);
    localStorage.setItem(OUTBOX_KEY, '{not json');
    expect(new Outbox(localStorage).all()).toEqual([]);
  });
});
