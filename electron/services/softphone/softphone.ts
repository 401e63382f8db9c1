/**
 * The softphone of the logged-in agent: fetches the agent's SIP account from the server, runs the
 * registration (sip-agent) and the calls (call-manager) with the bridged description handler,
 * keeps availability (示闲/示忙/DND/话后处理) and writes every call to the cache before syncing it.
 */
import { Inviter } from 'sip.js';
import type { CallRecord, CustomerCard, SipSettings } from '../../../shared/phone.js';
import type { PhoneState } from '../../../shared/ipc/phone.js';
import type { RestClient } from '../api/rest-client.js';
import type { Db } from '../cache/database.js';
import type { Log } from '../logger.js';
import type { WorkstationEvents } from '../workstation-events.js';
import { BridgedSessionDescriptionHandler } from './bridged-sdh.js';
import { CallManager } from './call-manager.js';
import { createCallSyncer, type CallSyncer } from './call-sync.js';
import { getCall, recoverInterruptedCalls, saveCall } from './calls-repo.js';
import { createMediaBridge, type MediaBridge } from './media-bridge.js';
import { DEFAULT_SOFTPHONE_TIMING, redactSipSettings, type SoftphoneTiming } from './sip-config.js';
import { createSipAgent, type SipAgent } from './sip-agent.js';

export type ManualAvailability = 'idle' | 'busy' | 'dnd';

export interface SoftphoneDeps {
  db: Db;
  rest: RestClient;
  events: WorkstationEvents;
  agentId: () => string | null;
  clock: () => number;
  log: Log;
  timing?: Partial<SoftphoneTiming>;
}

export interface Softphone {
  readonly bridge: MediaBridge;
  readonly syncer: CallSyncer;
  /** After login: load the SIP account and register (no account or disabled: stays 未注册). */
  start(): Promise<void>;
  /** Logout / quit: end calls, unregister, close the socket. */
  stop(): Promise<void>;
  state(): PhoneState;
  calls(): CallManager | null;
  setAvailability(availability: ManualAvailability): PhoneState;
  finishWrapUp(callId: string, wrapUpCodeId: string | null, note: string): boolean;
  /** For tests and the bench: the UA's open sessions. */
  sessionCount(): number;
  close(): Promise<void>;
}

export function createSoftphone(deps: SoftphoneDeps): Softphone {
  const timing: SoftphoneTiming = { ...DEFAULT_SOFTPHONE_TIMING, ...deps.timing };
  const { db, events, log } = deps;
  const bridge = createMediaBridge((requestId, request) => events.emit('media:request', { requestId, request }), timing.mediaTimeoutMs);
  const syncer = createCallSyncer({ db, rest: deps.rest, events, agentId: deps.agentId, log, backoff: timing.reconnect });
  let agent: SipAgent | null = null;
  let manager: CallManager | null = null;
  let manual: ManualAvailability = 'idle';
  let wrapUp: { callId: string; until: number; timer: NodeJS.Timeout } | null = null;
  let generation = 0;

  function state(): PhoneState {
    const registration = agent?.registration() ?? { state: 'unregistered' as const, reason: null };
    const calls = manager?.calls() ?? [];
    const availability = manual === 'dnd' ? 'dnd' : calls.length > 0 ? 'busy' : wrapUp ? 'wrap-up' : manual;
    return { registration: registration.state, reason: registration.reason, availability, wrapUpUntil: wrapUp?.until ?? null, calls };
  }
  const changed = () => events.emit('phone:state-changed', state());

  async function lookupCustomer(number: string): Promise<CustomerCard | null> {
    const result = await deps.rest.call('lookupCustomer', { query: { number }, timeoutMs: 3000 });
    if (!result.ok) log('phone: screen pop lookup failed', result.error.code, 'info');
    return result.ok ? result.value : null;
  }

  /** 黑名单: asked before a call rings; no answer in time (or an error) lets the call ring. */
  async function isBlocked(number: string): Promise<boolean> {
    const result = await deps.rest.call('checkBlockedNumber', { query: { number }, timeoutMs: 2000 });
    if (!result.ok) log('phone: blacklist check failed', result.error.code, 'info');
    return result.ok && result.value.blocked;
  }

  function callEnded(record: CallRecord) {
    const agentId = deps.agentId();
    if (!agentId) return;
    if (record.answeredAt !== null && timing.wrapUpSeconds > 0) {
      saveCall(db, agentId, record, 'wrap-up');
      if (wrapUp) finishWrapUp(wrapUp.callId, null, '');
      const timer = setTimeout(() => finishWrapUp(record.id, null, ''), timing.wrapUpSeconds * 1000);
      timer.unref();
      wrapUp = { callId: record.id, until: deps.clock() + timing.wrapUpSeconds * 1000, timer };
    } else {
      saveCall(db, agentId, record, 'pending');
      syncer.kick();
    }
  }

  function finishWrapUp(callId: string, wrapUpCodeId: string | null, note: string): boolean {
    const agentId = deps.agentId();
    const row = getCall(db, callId);
    if (!agentId || !row || row.agentId !== agentId || row.state === 'live') return false;
    const record = wrapUpCodeId !== null || note ? { ...row.record, wrapUpCodeId, note } : row.record;
    // Synced already (wrap-up timed out): send again with the code; the server keeps the latest by id.
    saveCall(db, agentId, record, 'pending');
    if (wrapUp?.callId === callId) {
      clearTimeout(wrapUp.timer);
      wrapUp = null;
    }
    syncer.kick();
    changed();
    return true;
  }

  function startAgent(settings: SipSettings, agentId: string) {
    const calls: CallManager = new CallManager({
      localUri: settings.uri,
      clock: deps.clock,
      doNotDisturb: () => manual === 'dnd',
      lookupCustomer,
      isBlocked,
      target: (number) => sip.target(number),
      transferTimeoutMs: timing.transferTimeoutMs,
      makeInviter: (target) => new Inviter(sip.userAgent, target),
      saveLive: (record) => saveCall(db, agentId, record, 'live'),
      ended: callEnded,
      changed,
      incoming: (call, card) => events.emit('phone:incoming', { call, card }),
      log,
    });
    const sip: SipAgent = createSipAgent({
      settings,
      timing,
      sessionDescriptionHandlerFactory: (session) =>
        new BridgedSessionDescriptionHandler({
          callId: calls.callIdOf(session),
          bridge,
          iceServers: settings.iceServers,
          onDtmfFailed: (error) => log('phone: DTMF failed', error instanceof Error ? error.message : error, 'warn'),
        }),
      onInvite: (invitation) => calls.receive(invitation),
      onRegistration: changed,
      log,
    });
    manager = calls;
    agent = sip;
    sip.start();
  }

  async function stop() {
    generation++;
    const [sip, calls] = [agent, manager];
    if (calls) await calls.endAll();
    if (sip) await sip.stop();
    agent = null;
    manager = null;
    if (wrapUp) clearTimeout(wrapUp.timer);
    wrapUp = null;
    changed();
  }

  return {
    bridge,
    syncer,
    async start() {
      await stop();
      const mine = generation;
      const agentId = deps.agentId();
      if (!agentId) return;
      if (recoverInterruptedCalls(db, agentId, deps.clock()) > 0) log('phone: finished calls interrupted by a restart', undefined, 'info');
      syncer.kick();
      const result = await deps.rest.call('mySipSettings');
      if (mine !== generation) return;
      if (!result.ok) {
        log('phone: cannot load the SIP account', result.error.code, 'warn');
        return;
      }
      if (!result.value?.enabled) return;
      log('phone: registering', redactSipSettings(result.value), 'info');
      startAgent(result.value, agentId);
    },
    stop,
    state,
    calls: () => manager,
    setAvailability(next) {
      manual = next;
      changed();
      return state();
    },
    finishWrapUp,
    sessionCount: () => Object.keys(agent?.userAgent._sessions ?? {}).length + (manager?.sessionCount() ?? 0),
    async close() {
      syncer.stop();
      await stop();
      bridge.failAll('the workstation is closing');
    },
  };
}
