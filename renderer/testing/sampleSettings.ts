import type { SessionSnapshot, WorkstationSettings } from '../../shared/ipc/contract.js';
import type { Agent } from '../../shared/domain.js';

export const settings = (overrides: Partial<WorkstationSettings> = {}): WorkstationSettings => ({
  serverUrl: 'http://127.0.0.1:8080',
  language: 'zh-CN',
  sendKey: 'enter',
  rememberPassword: false,
  autoLogin: false,
  autoStart: false,
  lastAccount: '',
  soundEnabled: false,
  ...overrides,
});

export const agent = (overrides: Partial<Agent> = {}): Agent => ({
  id: 'a1',
  account: 'agent1',
  nickname: '小王',
  role: 'agent',
  status: 'away',
  connected: true,
  maxConcurrent: 5,
  groupId: null,
  load: 0,
  ...overrides,
});

export const snapshot = (overrides: Partial<SessionSnapshot> = {}): SessionSnapshot => ({
  agent: null,
  settings: settings(),
  hasRememberedPassword: false,
  endReason: null,
  ...overrides,
});
