/** One live call as the call manager keeps it, and the error its operations throw (mapped to a Result code). */
import type { Session } from 'sip.js';
import type { CallRecord } from '../../../shared/phone.js';
import type { LiveCall } from '../../../shared/ipc/phone.js';
import type { Unanswered } from './call-record.js';

export interface Entry {
  live: LiveCall;
  session: Session;
  record: CallRecord;
  /** Set when we decided how an unanswered call ends (reject, cancel, busy). */
  outcome: Unanswered | null;
  transferred: boolean;
}

export class CallError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'INVALID_STATE' | 'VALIDATION_FAILED' | 'CONFLICT',
    message: string,
  ) {
    super(message);
  }
}
