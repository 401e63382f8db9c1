/**
 * The call log (通话记录). The workstation writes each call locally first and sends it until it is
 * stored, so a record may arrive more than once: the id (made by the workstation) makes that safe.
 */
import { LIMITS } from '../../../shared/limits.js';
import type { CallRecord, StoredCall } from '../../../shared/phone.js';
import type { CallRow } from '../../store/phone-types.js';
import type { DomainContext, Principal } from '../context.js';
import { refuse } from '../errors.js';
import { phoneKey } from './numbers.js';

type Staff = Extract<Principal, { kind: 'staff' }>;

export function toStoredCall(ctx: DomainContext, row: CallRow): StoredCall {
  return {
    id: row.id,
    direction: row.direction,
    remoteNumber: row.remoteNumber,
    localUri: row.localUri,
    startedAt: row.startedAt,
    answeredAt: row.answeredAt,
    endedAt: row.endedAt,
    durationSeconds: row.durationSeconds,
    result: row.result,
    wrapUpCodeId: row.wrapUpCodeId,
    note: row.note,
    customerId: row.customerId,
    agentId: row.agentId,
    agentName: ctx.store.agents.byId(row.agentId)?.nickname ?? '',
  };
}

function checkRecord(ctx: DomainContext, record: CallRecord): void {
  if (record.endedAt < record.startedAt) refuse('VALIDATION_FAILED', 'A call cannot end before it starts', { 'body.endedAt': 'before startedAt' });
  if (record.answeredAt !== null && (record.answeredAt < record.startedAt || record.answeredAt > record.endedAt)) {
    refuse('VALIDATION_FAILED', 'answeredAt must lie between startedAt and endedAt', { 'body.answeredAt': 'out of range' });
  }
  if (record.endedAt - record.startedAt > LIMITS.callSecondsMax * 1000) {
    refuse('VALIDATION_FAILED', `A call cannot last more than ${LIMITS.callSecondsMax} seconds`, { 'body.endedAt': 'too long after startedAt' });
  }
  // Talk time is endedAt − answeredAt rounded to the nearest second (the workstation's rule), so at most half a second more.
  const talkMs = record.answeredAt === null ? 0 : record.endedAt - record.answeredAt;
  if (record.durationSeconds * 1000 > talkMs + 500) {
    refuse('VALIDATION_FAILED', 'The talk time is longer than the call', { 'body.durationSeconds': 'longer than endedAt − answeredAt' });
  }
  if (record.wrapUpCodeId !== null && !ctx.store.wrapUpCodes.byId(record.wrapUpCodeId)) {
    refuse('VALIDATION_FAILED', 'Unknown wrap-up code', { 'body.wrapUpCodeId': 'unknown wrap-up code' });
  }
  if (record.customerId !== null && !ctx.store.customers.byId(record.customerId)) {
    refuse('VALIDATION_FAILED', 'Unknown customer', { 'body.customerId': 'unknown customer' });
  }
}

/**
 * Stores the record for the calling agent. The same id again from the same agent lands on the
 * same row (its fields replaced: a re-sync after wrap-up carries the code and note); the same id
 * from another agent is a conflict and changes nothing.
 */
export function syncCall(ctx: DomainContext, principal: Staff, record: CallRecord): StoredCall {
  return ctx.store.transaction(() => {
    checkRecord(ctx, record);
    const row: CallRow = { ...record, agentId: principal.agent.id, remoteKey: phoneKey(record.remoteNumber), syncedAt: ctx.clock() };
    const existing = ctx.store.calls.byId(record.id);
    if (existing && existing.agentId !== principal.agent.id) refuse('CONFLICT', 'This call id belongs to another agent');
    if (existing) ctx.store.calls.replace(row);
    else ctx.store.calls.insert(row);
    return toStoredCall(ctx, ctx.store.calls.byId(record.id)!);
  });
}

export function listCalls(ctx: DomainContext, principal: Staff, query: { missed?: 'true' | 'false'; number?: string; limit: number }): StoredCall[] {
  const admin = principal.agent.role === 'admin';
  const number = query.number?.trim();
  return ctx.store.calls
    .list({
      agentId: admin ? undefined : principal.agent.id,
      missedOnly: query.missed === 'true',
      remoteKey: number ? phoneKey(number) : undefined,
      limit: query.limit,
    })
    .map((row) => toStoredCall(ctx, row));
}
