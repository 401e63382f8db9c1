/** The phone's invoke channels of the contract, over the softphone and the REST client. */
import type { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { InvokeResponse } from '../../../shared/ipc/contract.js';
import type { phoneInvokeChannels } from '../../../shared/ipc/phone.js';
import type { CallRecord, StoredCall } from '../../../shared/phone.js';
import type { RestClient } from '../api/rest-client.js';
import type { Db } from '../cache/database.js';
import { CallError, type CallManager } from './call-manager.js';
import { unsyncedCalls } from './calls-repo.js';
import type { Softphone } from './softphone.js';

type PhoneChannel = keyof typeof phoneInvokeChannels;
export type PhoneHandlers = {
  [C in PhoneChannel]: (request: z.output<(typeof phoneInvokeChannels)[C]['request']>) => Promise<Result<InvokeResponse<C>>>;
};

export interface PhoneHandlerDeps {
  softphone: Softphone;
  db: Db;
  rest: RestClient;
  agent: () => { id: string; name: string } | null;
  remote: <T>(result: Result<T>) => Result<T>;
}

async function onCalls<T>(softphone: Softphone, action: (calls: CallManager) => Promise<T> | T): Promise<Result<T>> {
  const calls = softphone.calls();
  if (!calls) return fail('INVALID_STATE', 'the phone is not registered');
  try {
    return ok(await action(calls));
  } catch (error) {
    if (error instanceof CallError) return fail(error.code, error.message);
    return fail('INTERNAL', error instanceof Error ? error.message : String(error));
  }
}

export function createPhoneHandlers({ softphone, db, rest, agent, remote }: PhoneHandlerDeps): PhoneHandlers {
  const asStored = (record: CallRecord, who: { id: string; name: string }): StoredCall => ({ ...record, agentId: who.id, agentName: who.name });
  return {
    'phone:get-state': async () => ok(softphone.state()),
    'phone:dial': ({ number }) => onCalls(softphone, (calls) => calls.dial(number)),
    'phone:answer': ({ callId }) => onCalls(softphone, (calls) => calls.answer(callId)),
    'phone:reject': ({ callId }) => onCalls(softphone, async (calls) => (await calls.reject(callId), null)),
    'phone:hang-up': ({ callId }) => onCalls(softphone, async (calls) => (await calls.hangUp(callId), null)),
    'phone:set-mute': ({ callId, muted }) => onCalls(softphone, (calls) => calls.setMute(callId, muted)),
    'phone:set-hold': ({ callId, hold }) => onCalls(softphone, (calls) => calls.setHold(callId, hold)),
    'phone:send-dtmf': ({ callId, tones }) => onCalls(softphone, async (calls) => (await calls.sendDtmf(callId, tones), null)),
    'phone:transfer-blind': ({ callId, target }) => onCalls(softphone, async (calls) => (await calls.transfer(callId, { number: target }), null)),
    'phone:transfer-attended': ({ callId, consultCallId }) => onCalls(softphone, async (calls) => (await calls.transfer(callId, { consultCallId }), null)),
    'phone:conference': ({ callId, otherCallId }) => onCalls(softphone, async (calls) => (await calls.conference(callId, otherCallId), null)),
    'phone:set-availability': async ({ availability }) => ok(softphone.setAvailability(availability)),
    'phone:finish-wrap-up': async ({ callId, wrapUpCodeId, note }) =>
      softphone.finishWrapUp(callId, wrapUpCodeId, note) ? ok(softphone.state()) : fail('NOT_FOUND', 'no finished call with this id'),
    'phone:wrap-up-codes': async () => remote(await rest.call('listWrapUpCodes')),
    'phone:select-devices': async ({ inputDeviceId, outputDeviceId }) => {
      try {
        await softphone.bridge.request({ op: 'selectDevices', inputDeviceId, outputDeviceId });
        return ok(null);
      } catch (error) {
        return fail('INTERNAL', error instanceof Error ? error.message : String(error));
      }
    },
    'media:respond': async (response) => (softphone.bridge.respond(response), ok(null)),
    'media:report': async ({ callId, connectionState }) => {
      if (connectionState === 'failed' || connectionState === 'closed') softphone.calls()?.mediaLost(callId);
      return ok(null);
    },
    'media:attach': async () => {
      // A (re)loaded media page has no peer connections: calls that had media cannot continue.
      softphone.bridge.failAll('the media page was reloaded');
      softphone.calls()?.mediaLost(null);
      return ok(null);
    },
    'calls:list': async ({ missed }) => {
      const who = agent();
      if (!who) return fail('UNAUTHENTICATED', 'log in first');
      const local = unsyncedCalls(db, who.id).filter(
        (record) => !missed || (record.direction === 'inbound' && record.answeredAt === null && record.result === 'missed'),
      );
      const server = remote(await rest.call('listCalls', { query: { missed: missed ? 'true' : undefined, limit: 100 } }));
      const merged = new Map<string, StoredCall>();
      for (const record of local) merged.set(record.id, asStored(record, who));
      // The server's copy wins for calls it has; local ones it has not seen yet stay visible.
      if (server.ok) for (const stored of server.value) merged.set(stored.id, stored);
      return ok([...merged.values()].sort((a, b) => b.startedAt - a.startedAt));
    },
    'calls:pending': async () => {
      const who = agent();
      return who ? ok(unsyncedCalls(db, who.id)) : fail('UNAUTHENTICATED', 'log in first');
    },
    'customers:lookup': async ({ number }) => remote(await rest.call('lookupCustomer', { query: { number } })),
    'customers:create': async ({ name, phone, email, note }) => {
      const created = remote(await rest.call('createCustomer', { body: { name, phone, email: email ?? '', note: note ?? '' } }));
      if (!created.ok) return created;
      return remote(await rest.call('lookupCustomer', { query: { number: created.value.phone } }));
    },
  };
}
