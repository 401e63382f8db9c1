import type { LiveCall, PhoneState } from '../../shared/ipc/phone.js';
import type { CallRecord, StoredCall } from '../../shared/phone.js';
import { EMPTY_PHONE_STATE } from './phoneLogic.js';

export const liveCall = (over: Partial<LiveCall> = {}): LiveCall => ({
  id: '0190a000-0000-7000-8000-000000000001',
  direction: 'inbound',
  remoteNumber: '13800138000',
  remoteName: null,
  state: 'ringing',
  muted: false,
  onHold: false,
  startedAt: 1_000,
  answeredAt: null,
  conferenceWith: null,
  ...over,
});

export const phoneState = (over: Partial<PhoneState> = {}): PhoneState => ({ ...EMPTY_PHONE_STATE, registration: 'registered', ...over });

export const callRecord = (over: Partial<CallRecord> = {}): CallRecord => ({
  id: '0190a000-0000-7000-8000-0000000000a1',
  direction: 'inbound',
  remoteNumber: '13800138000',
  localUri: 'sip:1001@kefu.test',
  startedAt: 10_000,
  answeredAt: null,
  endedAt: 20_000,
  durationSeconds: 0,
  result: 'missed',
  wrapUpCodeId: null,
  note: '',
  customerId: null,
  ...over,
});

export const storedCall = (over: Partial<StoredCall> = {}): StoredCall => ({ ...callRecord(), agentId: 'a1', agentName: '小王', ...over });
