/** The phone as the page uses it: calls through the softphone, the call log merged from cache and server. */
import { fail, ok, type Result } from '../../../shared/errors.js';
import type { CallRecord, StoredCall } from '../../../shared/phone.js';
import type { RestClient } from '../api/rest-client.js';
import type { Db } from '../cache/database.js';
import type { Reply, Request } from '../ipc/invoke-types.js';
import type { Remote } from '../workstation-core.js';
import { CallError, type CallManager } from './call-manager.js';
import { unsyncedCalls } from './calls-repo.js';
import type { Softphone } from './softphone.js';

export interface PhoneServiceDeps {
  softphone: Softphone;
  db: Db;
  rest: Pick<RestClient, 'call'>;
  remote: Remote;
  agent: () => { id: string; name: string } | null;
}

export interface PhoneService {
  state(): Reply<'phone:get-state'>;
  dial(request: Request<'phone:dial'>): Reply<'phone:dial'>;
  answer(request: Request<'phone:answer'>): Reply<'phone:answer'>;
  reject(request: Request<'phone:reject'>): Reply<'phone:reject'>;
  hangUp(request: Request<'phone:hang-up'>): Reply<'phone:hang-up'>;
  setMute(request: Request<'phone:set-mute'>): Reply<'phone:set-mute'>;
  setHold(request: Request<'phone:set-hold'>): Reply<'phone:set-hold'>;
  sendDtmf(request: Request<'phone:send-dtmf'>): Reply<'phone:send-dtmf'>;
  transferBlind(request: Request<'phone:transfer-blind'>): Reply<'phone:transfer-blind'>;
  transferAttended(request: Request<'phone:transfer-attended'>): Reply<'phone:transfer-attended'>;
  conference(request: Request<'phone:conference'>): Reply<'phone:conference'>;
  setAvailability(request: Request<'phone:set-availability'>): Reply<'phone:set-availability'>;
  finishWrapUp(request: Request<'phone:finish-wrap-up'>): Reply<'phone:finish-wrap-up'>;
  wrapUpCodes(): Reply<'phone:wrap-up-codes'>;
  selectDevices(request: Request<'phone:select-devices'>): Reply<'phone:select-devices'>;
  mediaRespond(request: Request<'media:respond'>): Reply<'media:respond'>;
  mediaReport(request: Request<'media:report'>): Reply<'media:report'>;
  mediaAttached(): Reply<'media:attach'>;
  callLog(request: Request<'calls:list'>): Reply<'calls:list'>;
  pendingCalls(): Reply<'calls:pending'>;
}

export function createPhoneService({ softphone, db, rest, remote, agent }: PhoneServiceDeps): PhoneService {
  async function onCalls<T>(action: (calls: CallManager) => Promise<T> | T): Promise<Result<T>> {
    const calls = softphone.calls();
    if (!calls) return fail('INVALID_STATE', 'the phone is not registered');
    try {
      return ok(await action(calls));
    } catch (error) {
      if (error instanceof CallError) return fail(error.code, error.message);
      return fail('INTERNAL', error instanceof Error ? error.message : String(error));
    }
  }
  const asStored = (record: CallRecord, who: { id: string; name: string }): StoredCall => ({ ...record, agentId: who.id, agentName: who.name });

  return {
    state: async () => ok(softphone.state()),
    dial: ({ number }) => onCalls((calls) => calls.dial(number)),
    answer: ({ callId }) => onCalls((calls) => calls.answer(callId)),
    reject: ({ callId }) => onCalls(async (calls) => (await calls.reject(callId), null)),
    hangUp: ({ callId }) => onCalls(async (calls) => (await calls.hangUp(callId), null)),
    setMute: ({ callId, muted }) => onCalls((calls) => calls.setMute(callId, muted)),
    setHold: ({ callId, hold }) => onCalls((calls) => calls.setHold(callId, hold)),
    sendDtmf: ({ callId, tones }) => onCalls(async (calls) => (await calls.sendDtmf(callId, tones), null)),
    transferBlind: ({ callId, target }) => onCalls(async (calls) => (await calls.transfer(callId, { number: target }), null)),
    transferAttended: ({ callId, consultCallId }) => onCalls(async (calls) => (await calls.transfer(callId, { consultCallId }), null)),
    conference: ({ callId, otherCallId }) => onCalls(async (calls) => (await calls.conference(callId, otherCallId), null)),
    setAvailability: async ({ availability }) => ok(softphone.setAvailability(availability)),
    finishWrapUp: async ({ callId, wrapUpCodeId, note }) =>
      softphone.finishWrapUp(callId, wrapUpCodeId, note) ? ok(softphone.state()) : fail('NOT_FOUND', 'no finished call with this id'),
    wrapUpCodes: async () => remote(await rest.call('listWrapUpCodes')),
    async selectDevices({ inputDeviceId, outputDeviceId }) {
      try {
        await softphone.bridge.request({ op: 'selectDevices', inputDeviceId, outputDeviceId });
        return ok(null);
      } catch (error) {
        return fail('INTERNAL', error instanceof Error ? error.message : String(error));
      }
    },
    mediaRespond: async (response) => (softphone.bridge.respond(response), ok(null)),
    async mediaReport({ callId, connectionState }) {
      if (connectionState === 'failed' || connectionState === 'closed') softphone.calls()?.mediaLost(callId);
      return ok(null);
    },
    async mediaAttached() {
      // A (re)loaded media page has no peer connections: calls that had media cannot continue.
      softphone.bridge.failAll('the media page was reloaded');
      softphone.calls()?.mediaLost(null);
      return ok(null);
    },
    async callLog({ missed }) {
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
    async pendingCalls() {
      const who = agent();
      return who ? ok(unsyncedCalls(db, who.id)) : fail('UNAUTHENTICATED', 'log in first');
    },
  };
}
