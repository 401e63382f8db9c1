/**
 * The workstation's parts wired together: cache, REST, realtime, outbox and session. Handlers
 * (workstation-handlers.ts) and transports use this; nothing here knows about Electron.
 */
import type { Agent } from '../../shared/domain.js';
import type { Result } from '../../shared/errors.js';
import type { ConnectionState, WorkstationSettings } from '../../shared/ipc/contract.js';
import { LIMITS } from '../../shared/limits.js';
import { sessionEndReasonOf, type SessionEndReason } from '../../shared/session.js';
import { createRestClient, type RestClient } from './api/rest-client.js';
import { openDatabase, type Db } from './cache/database.js';
import { getConversation, upsertConversation, toLocalConversation } from './cache/conversations-repo.js';
import { contiguousMessageSeq, insertMessage } from './cache/messages-repo.js';
import { getSettings, saveSettings } from './cache/settings-repo.js';
import { getLastSeq } from './cache/sync-state-repo.js';
import { createLog, type Log } from './logger.js';
import type { SecretStore } from './session/secret-store.js';
import { createSession, type Session } from './session/session.js';
import { createEphemeralHandler } from './sync/ephemeral.js';
import { applyDurableEvent } from './sync/event-applier.js';
import { sentMessage } from './sync/local-messages.js';
import { createOutbox, type Outbox } from './sync/outbox.js';
import { rebuildFromServer } from './sync/resync.js';
import { createRealtimeClient, type RealtimeClient, type RealtimePhase } from './sync/realtime-client.js';
import { createWorkstationEvents, type WorkstationEvents } from './workstation-events.js';
import { createSoftphone, type Softphone } from './softphone/softphone.js';
import type { SoftphoneTiming } from './softphone/sip-config.js';
import { styleToCarry } from '../../shared/message-style.js';
import { getMessageStyle } from './phrases/phrase-cache.js';

export interface WorkstationOptions {
  dataDir: string;
  /** The server to use; stored as the serverUrl setting. Omit to keep the stored one. */
  serverUrl?: string;
  secretStore: SecretStore;
  clock?: () => number;
  /** Tuning for tests: reconnect and retry delays. */
  timing?: { reconnect?: { initialMs: number; maxMs: number }; pingIntervalMs?: number; ackTimeoutMs?: number; restTimeoutMs?: number };
  /** Softphone tuning (wrap-up seconds, SIP reconnect backoff, media timeout). */
  phone?: Partial<SoftphoneTiming>;
}

export interface WorkstationCore {
  db: Db;
  rest: RestClient;
  events: WorkstationEvents;
  session: Session;
  realtime: RealtimeClient;
  outbox: Outbox;
  softphone: Softphone;
  log: Log;
  settings(): WorkstationSettings;
  connectionState(): ConnectionState;
  agentChanged(agent: Agent): void;
  backfillMessages(conversationId: string): Promise<void>;
  /** Pass a REST result through; an UNAUTHENTICATED one ends the session. */
  watchAuth<T>(result: Result<T>): Result<T>;
  /** Resolves once the stored session is resumed or auto-login has been tried. */
  ready: Promise<void>;
  close(): void;
}

const DEFAULT_SERVER_URL = 'http://127.0.0.1:3000';
/** After a renewal that got no answer, how long before the realtime socket tries again. */
const RENEW_RETRY_MS = 5_000;

export function createWorkstationCore(options: WorkstationOptions): WorkstationCore {
  const log = createLog('workstation');
  const clock = options.clock ?? Date.now;
  const db = openDatabase(options.dataDir);
  if (options.serverUrl) saveSettings(db, { serverUrl: options.serverUrl });
  const settings = () => getSettings(db, options.serverUrl ?? DEFAULT_SERVER_URL);
  const events = createWorkstationEvents();
  let phase: RealtimePhase = 'offline';
  let progress: ConnectionState['progress'] = null;
  // `session` and `outbox` are declared below; the closures here run only after construction.

  const agentId = () => session.current()?.agent.id ?? null;
  const token = () => session.current()?.token ?? null;
  const rest = createRestClient({
    baseUrl: () => settings().serverUrl,
    token,
    timeoutMs: options.timing?.restTimeoutMs,
    renewToken: async () => (await session.renew()) === 'renewed',
  });
  const connectionState = (): ConnectionState => ({ state: phase, progress, outbox: outbox.count() });
  const emitConnection = () => events.emit('connection:changed', connectionState());
  const alertsEnabled = () => phase === 'online';

  function agentChanged(agent: Agent) {
    session.updateAgent(agent);
    events.emit('agent:updated', agent);
    if (agent.id === agentId()) events.emit('session:changed', session.snapshot());
  }

  /** The token the realtime socket last said hello with: a refusal of an older one is no news. */
  let socketToken: string | null = null;
  const realtime = createRealtimeClient({
    serverUrl: () => settings().serverUrl,
    token: () => (socketToken = token()),
    lastSeq: () => {
      const id = agentId();
      return id ? getLastSeq(db, id) : 0;
    },
    backoff: options.timing?.reconnect,
    pingIntervalMs: options.timing?.pingIntervalMs,
    ackTimeoutMs: options.timing?.ackTimeoutMs,
    handlers: {
      applyEvent: (seq, event) => applyDurableEvent({ db, events, agentId, alertsEnabled }, seq, event),
      ephemeral: createEphemeralHandler({ db, events, agentId, alertsEnabled, agentChanged }),
      phase(next, nextProgress) {
        phase = next;
        progress = nextProgress;
        emitConnection();
        if (next === 'online') outbox.kick();
      },
      unauthenticated: (reason) => void sessionRefused(reason),
      resync: (headSeq) => rebuildFromServer({ db, rest, events, agentId, backfillMessages }, headSeq),
      log,
    },
  });

  const softphone = createSoftphone({ db, rest, events, agentId, clock, log, timing: options.phone });

  const outbox: Outbox = createOutbox({ db, events, rest, realtime, agent: () => session.current()?.agent ?? null, clock, onCountChanged: emitConnection, log,
    // 字体设置 (kept with the phrases' local prefs) travels on each text message.
    messageStyle: () => styleToCarry(getMessageStyle(db)) ?? null });

  /** The agent's open conversations, fresh from the server (the replay brings what changed while away). */
  async function refreshConversations() {
    const result = await rest.call('listConversations', { query: { state: 'open' } });
    const id = agentId();
    if (!result.ok || !id) return;
    for (const conversation of result.value) {
      upsertConversation(db, conversation);
      events.emit('conversation:updated', toLocalConversation(db, conversation, id));
    }
  }

  const session: Session = createSession({
    db,
    rest,
    secretStore: options.secretStore,
    settings,
    saveSettings: (patch) => saveSettings(db, patch),
    onStarted() {
      events.emit('session:changed', session.snapshot());
      realtime.start();
      outbox.kick();
      void refreshConversations();
      void softphone.start();
    },
    onEnded() {
      realtime.stop();
      void softphone.stop();
      events.emit('session:changed', session.snapshot());
    },
    log,
  });

  /**
   * The realtime socket was refused (the server closed it, or refused the hello): an expired
   * token is renewed and the socket comes back with the new one; any other reason ends the
   * session. With no answer to the renewal, it tries again a little later.
   */
  async function sessionRefused(reason: SessionEndReason | null) {
    // Renewed by a REST call while this hello was on its way: just say hello with the new token.
    const current = token();
    if (current && socketToken !== current) return realtime.start();
    const outcome = await session.refused(reason);
    if (outcome === 'renewed') return realtime.start();
    if (outcome === 'unreachable') setTimeout(() => session.current() && realtime.start(), RENEW_RETRY_MS).unref();
  }

  async function backfillMessages(conversationId: string) {
    const conversation = getConversation(db, conversationId);
    let afterSeq = contiguousMessageSeq(db, conversationId);
    // Bounded: at most 20 pages; what is older stays on the server until asked again.
    for (let page = 0; page < 20 && (!conversation || afterSeq < conversation.lastMessageSeq); page++) {
      const result = await rest.call('listMessages', { params: { id: conversationId }, query: { afterSeq, limit: LIMITS.messagePageMax } });
      if (!result.ok || result.value.length === 0) return;
      for (const message of result.value) {
        if (insertMessage(db, message)) events.emit('message:upserted', sentMessage(message));
      }
      afterSeq = contiguousMessageSeq(db, conversationId);
      if (result.value.length < LIMITS.messagePageMax) return;
    }
  }

  return {
    db,
    rest,
    events,
    session,
    realtime,
    outbox,
    softphone,
    log,
    settings,
    connectionState,
    agentChanged,
    backfillMessages,
    watchAuth(result) {
      // The REST client already renewed an expired token if it could: this refusal is final.
      if (!result.ok && result.error.code === 'UNAUTHENTICATED') session.expire(sessionEndReasonOf(result.error.details?.reason) ?? 'expired');
      return result;
    },
    ready: session.resume().catch((error: unknown) => log('resume failed', error instanceof Error ? error.message : error)),
    close() {
      void softphone.close();
      outbox.stop();
      realtime.stop();
      db.close();
    },
  };
}
