/**
 * One conversation as the shared schema shapes it, for tests of every layer (server widget,
 * services cache, renderer): each test names only the fields it is about.
 */
import type { Conversation } from '../domain.js';

export function sampleConversation(overrides: Partial<Conversation> = {}): Conversation {
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
