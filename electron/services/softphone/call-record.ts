/** Pure helpers: a live call's row in the call log, and how a SIP outcome maps to a CallResult. */
import { LIMITS } from '../../../shared/limits.js';
import type { CallRecord, CallResult } from '../../../shared/phone.js';
import type { LiveCall } from '../../../shared/ipc/phone.js';

export function startRecord(call: LiveCall, localUri: string, customerId: string | null): CallRecord {
  return {
    id: call.id,
    direction: call.direction,
    remoteNumber: call.remoteNumber.slice(0, 256),
    localUri,
    startedAt: call.startedAt,
    answeredAt: null,
    endedAt: call.startedAt,
    durationSeconds: 0,
    result: call.direction === 'inbound' ? 'missed' : 'failed',
    wrapUpCodeId: null,
    note: '',
    customerId,
  };
}

export function finishRecord(record: CallRecord, answeredAt: number | null, endedAt: number, result: CallResult): CallRecord {
  return boundedTimes({ ...record, answeredAt, endedAt, result });
}

/**
 * Times the server (and the cache's own schema) accept: the end not before the start nor more
 * than a day after it, the answer between them, the talk time what they span. The clock can
 * jump during a call (a laptop that slept, a time sync); a record outside the bounds would be
 * refused for good and hold back every call after it, so it is kept, with the end cut to the bound.
 */
export function boundedTimes(record: CallRecord): CallRecord {
  const endedAt = Math.min(Math.max(record.endedAt, record.startedAt), record.startedAt + LIMITS.callSecondsMax * 1000);
  const answeredAt = record.answeredAt === null ? null : Math.min(Math.max(record.answeredAt, record.startedAt), endedAt);
  const durationSeconds = answeredAt === null ? 0 : Math.round((endedAt - answeredAt) / 1000);
  return { ...record, answeredAt, endedAt, durationSeconds };
}

/** Why a call that was never answered ended. */
export type Unanswered = { by: 'us'; how: 'rejected' | 'cancelled' | 'busy' } | { by: 'remote'; statusCode: number | null } | { by: 'media' };

export function unansweredResult(direction: LiveCall['direction'], outcome: Unanswered): CallResult {
  if (outcome.by === 'us') return outcome.how;
  if (outcome.by === 'media') return 'failed';
  if (direction === 'inbound') return 'missed';
  const code = outcome.statusCode;
  if (code === 486 || code === 600) return 'busy';
  if (code === 603) return 'rejected';
  if (code === 480 || code === 408 || code === 487) return 'missed';
  return 'failed';
}

/** The caller's number from a SIP URI: the user part when there is one. */
export function numberOf(uri: { user?: string; toString(): string }): string {
  return uri.user ?? uri.toString();
}
