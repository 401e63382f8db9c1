import { describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../../shared/protocol/realtime.js';
import { ChatState } from './chat-state.js';
import { conversationFixture, messageFixture } from './test-fixtures.js';

const created = (seq: number, message = messageFixture({ seq })): ServerFrame => ({ type: 'event', seq, event: { type: 'message.created', message } });

describe('ChatState event dedupe', () => {
  it('applies a replayed event once and remembers the highest seq', () => {
    const state = new ChatState(0);
    state.setConversation(conversationFixture());
    const frame = created(7);
    expect(state.applyFrame(frame).seq).toBe(7);
    const again = state.applyFrame(frame);
    expect(again.seq).toBeNull();
    expect(again.changed).toBe(false);
    expect(state.messages()).toHaveLength(1);
    expect(state.lastSeq).toBe(7);
  });

  it('skips events at or below the lastSeq it was resumed with', () => {
    const state = new ChatState(10);
    state.setConversation(conversationFixture());
    state.applyFrame(created(9, messageFixture({ seq: 1, text: 'old' })));
    state.applyFrame(created(10, messageFixture({ seq: 2, text: 'old too' })));
    state.applyFrame(created(11, messageFixture({ seq: 3, text: 'new' })));
    expect(state.messages().map((message) => message.text)).toEqual(['new']);
  });

  it('keeps one copy of a message that arrives by REST, ack and event, in seq order', () => {
    const state = new ChatState(0);
    state.setConversation(conversationFixture());
    const visitorMessage = messageFixture({ seq: 2, sender: 'visitor', text: '我的问题' });
    const agentMessage = messageFixture({ seq: 1, text: '您好' });
    expect(state.addMessage(visitorMessage)).toBe(true);
    const ack = state.applyFrame({ type: 'ack', clientId: visitorMessage.clientId, message: visitorMessage });
    expect(ack.stored).toEqual([visitorMessage.clientId]);
    const event = state.applyFrame(created(5, visitorMessage));
    expect(event.stored).toEqual([visitorMessage.clientId]);
    state.applyFrame(created(6, agentMessage));
    expect(state.messages().map((message) => message.text)).toEqual(['您好', '我的问题']);
  });

  it('ignores messages of other conversations', () => {
    const state = new ChatState(0);
    state.setConversation(conversationFixture({ id: 'conv-1' }));
    state.applyFrame(created(1, messageFixture({ conversationId: 'conv-2' })));
    expect(state.messages()).toEqual([]);
  });

  it('reports refusals and tracks queue position, typing and evaluation requests', () => {
    const state = new ChatState(0);
    state.setConversation(conversationFixture({ state: 'queued', queuePosition: 3, agentId: null, agentName: null }));
    expect(state.queuePosition).toBe(3);
    state.applyFrame({
      type: 'queue',
      entries: [{ conversationId: 'conv-1', roomNo: '访客1', visitorName: 'v', groupId: null, position: 1, waitingSince: 0 }],
    });
    expect(state.queuePosition).toBe(1);
    const nack = state.applyFrame({ type: 'nack', clientId: 'c-1', error: { code: 'INVALID_STATE', message: 'ended' } });
    expect(nack.refused).toEqual([{ clientId: 'c-1', code: 'INVALID_STATE', message: 'ended' }]);
    state.applyFrame({ type: 'typing', conversationId: 'conv-1', typing: true }, 1000);
    expect(state.agentTyping(2000)).toBe(true);
    expect(state.agentTyping(8000)).toBe(false);
    expect(state.wantsEvaluation()).toBe(false);
    state.applyFrame({ type: 'event', seq: 1, event: { type: 'evaluation.requested', conversationId: 'conv-1' } });
    expect(state.wantsEvaluation()).toBe(true);
    state.setConversation(conversationFixture({ evaluationPushed: true, evaluation: { rating: 5, comment: '', at: 1 } }));
    expect(state.wantsEvaluation()).toBe(false);
  });

  it('switches to a newer conversation from an event but not back to an older one', () => {
    const state = new ChatState(0);
    state.setConversation(conversationFixture({ id: 'conv-2', createdAt: 5000 }));
    state.addMessage(messageFixture({ conversationId: 'conv-2' }));
    state.applyFrame({
      type: 'event',
      seq: 1,
      event: { type: 'conversation.updated', conversation: conversationFixture({ id: 'conv-1', createdAt: 1000, state: 'ended' }) },
    });
    expect(state.conversation?.id).toBe('conv-2');
    expect(state.messages()).toHaveLength(1);
    state.applyFrame({ type: 'event', seq: 2, event: { type: 'conversation.updated', conversation: conversationFixture({ id: 'conv-3', createdAt: 9000 }) } });
    expect(state.conversation?.id).toBe('conv-3');
    expect(state.messages()).toHaveLength(0);
  });
});
