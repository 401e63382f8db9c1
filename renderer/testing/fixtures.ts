import type { LocalConversation, LocalMessage } from '../../shared/ipc/contract.js';
import { sampleConversation } from '../../shared/testing/sample-conversation.js';

let counter = 0;

export function conversation(overrides: Partial<LocalConversation> = {}): LocalConversation {
  counter += 1;
  return {
    ...sampleConversation({
      id: `c${counter}`,
      roomNo: `访客${String(100000 + counter)}`,
      visitorId: `v${counter}`,
      visitorName: `访客${counter}`,
      agentId: 'a1',
    }),
    unread: 0,
    ...overrides,
  };
}

export function message(overrides: Partial<LocalMessage> = {}): LocalMessage {
  counter += 1;
  return {
    id: `m${counter}`,
    conversationId: 'c1',
    seq: counter,
    clientId: `client-${counter}`,
    sender: 'visitor',
    senderId: 'v1',
    senderName: '访客',
    kind: 'text',
    text: `hello ${counter}`,
    attachment: null,
    createdAt: counter * 1000,
    delivery: 'sent',
    failure: null,
    ...overrides,
  };
}
