import type { AdminAgent, AdminGroup } from '../../shared/protocol/rest-admin.js';
import type { Agent } from '../../shared/domain.js';

export function agent(overrides: Partial<Agent> = {}): Agent {
  return {
    id: 'a1',
    account: 'agent1',
    nickname: '小王',
    role: 'agent',
    status: 'online',
    connected: false,
    maxConcurrent: 5,
    groupId: null,
    load: 0,
    ...overrides,
  };
}

export function adminAgent(overrides: Partial<AdminAgent> = {}): AdminAgent {
  return { ...agent(), disabledAt: null, createdAt: Date.UTC(2026, 0, 5, 2, 0), ...overrides };
}

export function group(overrides: Partial<AdminGroup> = {}): AdminGroup {
  return { id: 'g1', name: '售前', members: 2, openConversations: 1, ...overrides };
}
