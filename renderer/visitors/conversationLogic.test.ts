import { describe, expect, it } from 'vitest';
import {
  removeConversation,
  sortConversations,
  splitDuration,
  totalUnread,
  upsertConversation,
  visibleConversations,
  visitorWaitingSince,
} from './conversationLogic.js';
import { conversation, message } from '../testing/fixtures.js';

describe('conversation list', () => {
  it('upserts by id and removes', () => {
    const a = conversation({ id: 'a' });
    const b = conversation({ id: 'b' });
    const list = upsertConversation(upsertConversation([], a), b);
    const updated = upsertConversation(list, { ...a, unread: 3 });
    expect(updated.map((c) => [c.id, c.unread])).toEqual([
      ['a', 3],
      ['b', 0],
    ]);
    expect(removeConversation(updated, 'a').map((c) => c.id)).toEqual(['b']);
  });

  it('hides queued conversations from the visitor list and sums unread', () => {
    const list = [conversation({ state: 'queued', unread: 1 }), conversation({ unread: 2 }), conversation({ unread: 4 })];
    expect(visibleConversations(list)).toHaveLength(2);
    expect(totalUnread(list)).toBe(7);
  });

  it('sorts by last message, waiting time and room', () => {
    const x = conversation({ id: 'x', roomNo: '访客300000', lastMessageAt: 5_000 });
    const y = conversation({ id: 'y', roomNo: '访客100000', lastMessageAt: 9_000 });
    const z = conversation({ id: 'z', roomNo: '访客200000', lastMessageAt: 1_000 });
    const waiting: Record<string, number | null> = { x: 2_000, y: null, z: 1_000 };
    const ids = (mode: Parameters<typeof sortConversations>[1]) => sortConversations([x, y, z], mode, (c) => waiting[c.id] ?? null).map((c) => c.id);
    expect(ids('last-message')).toEqual(['y', 'x', 'z']);
    expect(ids('waiting')).toEqual(['z', 'x', 'y']);
    expect(ids('room')).toEqual(['y', 'z', 'x']);
  });
});

describe('visitorWaitingSince', () => {
  const open = conversation();
  it('runs from the visitor message nobody answered yet', () => {
    const msgs = [message({ sender: 'agent', createdAt: 10 }), message({ sender: 'visitor', createdAt: 20 }), message({ sender: 'system', createdAt: 30 })];
    expect(visitorWaitingSince(msgs, open)).toBe(20);
  });
  it('stops once the agent answered, and for ended conversations', () => {
    const msgs = [message({ sender: 'visitor', createdAt: 20 }), message({ sender: 'agent', createdAt: 25 })];
    expect(visitorWaitingSince(msgs, open)).toBeNull();
    expect(visitorWaitingSince([message({ sender: 'visitor' })], conversation({ state: 'ended' }))).toBeNull();
  });
  it('falls back to the last message time when messages are not loaded but unread', () => {
    expect(visitorWaitingSince(undefined, conversation({ unread: 2, lastMessageAt: 777 }))).toBe(777);
    expect(visitorWaitingSince(undefined, conversation({ unread: 0, lastMessageAt: 777 }))).toBeNull();
  });
});

describe('splitDuration', () => {
  it('splits into the largest useful unit', () => {
    expect(splitDuration(42_000)).toEqual({ unit: 'seconds', h: 0, m: 0, s: 42 });
    expect(splitDuration(125_000)).toEqual({ unit: 'minutes', h: 0, m: 2, s: 5 });
    expect(splitDuration(3_723_000)).toEqual({ unit: 'hours', h: 1, m: 2, s: 3 });
    expect(splitDuration(-5_000)).toEqual({ unit: 'seconds', h: 0, m: 0, s: 0 });
  });
});
