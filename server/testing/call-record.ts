import { uuidv7, type CallRecord } from '../../shared/index.js';

/** A 30-second answered inbound call starting at `startedAt`, as a workstation would sync it. */
export function sampleCallRecord(startedAt: number, over: Partial<CallRecord> = {}): CallRecord {
  return {
    id: uuidv7(startedAt),
    direction: 'inbound',
    remoteNumber: '13800138000',
    localUri: 'sip:1001@kefu.test',
    startedAt,
    answeredAt: startedAt + 2_000,
    endedAt: startedAt + 32_000,
    durationSeconds: 30,
    result: 'answered',
    wrapUpCodeId: null,
    note: '',
    customerId: null,
    ...over,
  };
}
