/** Test data shaped by the shared schemas (used by *.test.ts only). */
import type { Conversation, Message } from '../../../shared/domain.js';
import { uuidv7 } from '../../../shared/ids.js';
import { sampleConversation } from '../../../shared/testing/sample-conversation.js';

export const conversationFixture = (overrides: Partial<Conversation> = {}): Conversation => sampleConversation(overrides);

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
