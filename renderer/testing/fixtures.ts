import type { LocalConversation, LocalMessage } from '../../shared/ipc/contract.js';

let counter = 0;

export function conversation(overrides: Partial<LocalConversation> = {}): LocalConversation {
  counter += 1;
  return {
    id: `c${counter}`,
    roomNo: `访客${String(100000 + counter)}`,
    visitorId: `v${counter}`,
    visitorName: `访客${counter}`,
    visitorOnline: true,
    agentId: 'a1',
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
