/** Test data shaped by the shared schemas (used by *.test.ts only). */
import type { Conversation, Message } from '../../../shared/domain.js';
import { uuidv7 } from '../../../shared/ids.js';

export function conversationFixture(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 'conv-1',
    roomNo: '访客123456',
    visitorId: 'visitor-1',
    visitorName: '访客',
    visitorOnline: true,
    agentId: 'agent-1',
    agentName: '小王',
    groupId: null,
    state: 'active',
    startedBy: 'visitor',
    endedBy: null,
    valid: null,
    createdAt: 1_000,
    assignedAt: 1_000,
    endedAt: null,
    lastMessageAt: null,
    lastMessageSeq: 0,
    queuePosition: null,
    summary: null,
    evaluationPushed: false,
    evaluation: null,
    ...overrides,
  };
}

export function messageFixture(overrides: Partial<Message> = {}): Message {
  return {
    id: `m-${uuidv7()}`,
    conversationId: 'conv-1',
    seq: 1,
    clientId: uuidv7(),
    sender: 'agent',
    senderId: 'agent-1',
    senderName: '小王',
    kind: 'text',
    text: '您好',
    attachment: null,
    createdAt: 2_000,
    ...overrides,
  };
}
