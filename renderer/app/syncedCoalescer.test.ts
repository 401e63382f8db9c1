import { describe, expect, it } from 'vitest';
import { conversation, message } from '../testing/fixtures.js';
import { mergeSynced } from './syncedCoalescer.js';

describe('mergeSynced', () => {
  it('keeps each conversation’s last state, removal included, and drops messages of what left', () => {
    const a = conversation({ id: 'a', unread: 1 });
    const b = conversation({ id: 'b' });
    const merged = mergeSynced([
      { conversations: [a, b], removed: [], messages: [message({ conversationId: 'a' }), message({ conversationId: 'b' })] },
      { conversations: [{ ...a, unread: 2 }], removed: ['b'], messages: [message({ conversationId: 'b' })] },
      // Removed, then back (transferred away and back again): back it is.
      { conversations: [], removed: ['a'], messages: [] },
      { conversations: [{ ...a, unread: 3 }], removed: [], messages: [message({ conversationId: 'a' })] },
    ]);
    expect(merged.conversations.map((c) => [c.id, c.unread])).toEqual([['a', 3]]);
    expect(merged.removed).toEqual(['b']);
    expect(merged.messages.map((m) => m.conversationId)).toEqual(['a', 'a']);
  });
});
