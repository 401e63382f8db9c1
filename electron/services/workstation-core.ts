/**
 * The workstation's infrastructure wired together: cache, REST, realtime, outbox, session and
 * softphone, plus the closing gate and the internal bus. The feature services
 * (workstation-services.ts) take from here only the ports each one uses; nothing here knows about
 * Electron.
 */
import type { Agent } from '../../shared/domain.js';
import { ok, type Result } from '../../shared/errors.js';
import type { ConnectionState, WorkstationSettings } from '../../shared/ipc/contract.js';
import { sessionEndReasonOf, type SessionEndReason } from '../../shared/session.js';
import { createRestClient, type RestClient } from './api/rest-client.js';
import { createClosingGate, type ClosingGate } from './base/closing-gate.js';
import { createInternalBus, type InternalBus } from './base/internal-bus.js';
import { DisposableStore, disposableTimeout } from './base/lifecycle.js';
import { openDatabase, type Db } from './cache/database.js';
import { getSettings, saveSettings } from './cache/settings-repo.js';
import { getLastSeq } from './cache/sync-state-repo.js';
import type { DesktopHost } from './desktop/desktop-handlers.js';
import { createLog, type Log } from './logger.js';
import { deploymentAddress } from './server-address/deployment-address.js';
import { forgetServerCredentials } from './server-address/forget-credentials.js';
import { openServerAddress, type ServerAddress } from './server-address/server-address.js';
import type { SecretStore } from './session/secret-store.js';
import { createSession, type Session } from './session/session.js';
import { createEphemeralHandler } from './sync/ephemeral.js';
import { createBatchApplier } from './sync/apply-batch.js';
import { createBackfill } from './sync/backfill.js';
import { refreshOpenConversations } from './sync/refresh-conversations.js';
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
  /**
   * The deployment's server: KEFU_SERVER_URL or kefu-desk.json (Electron), the backend the browser
   * shell started. The agent's own choice on the login page wins over it; omitted, the built-in
   * address is the default (server-address/).
   */
  serverUrl?: string;
  /** Why the deployment's config file was not used, shown on the login page. */
  deploymentProblem?: string | null;
  secretStore: SecretStore;
  /**
   * The desktop (tray, auto-start, screenshots, quit) when there is one: the Electron shell passes
   * its host here; without it the desktop channels say that this shell has no desktop.
   */
  desktop?: DesktopHost;
  clock?: () => number;
  /** Tuning for tests: reconnect and retry delays. */
  timing?: {
    reconnect?: { initialMs: number; maxMs: number };
    pingIntervalMs?: number;
    ackTimeoutMs?: number;
    restTimeoutMs?: number;
    connectTimeoutMs?: number;
  };
  /** Softphone tuning (wrap-up seconds, SIP reconnect backoff, media timeout). */
  phone?: Partial<SoftphoneTiming>;
}

/** Pass a REST result through; an UNAUTHENTICATED one ends the session. */
export type Remote = <T>(result: Result<T>) => Result<T>;

export interface WorkstationCore {
  db: Db;
  rest: RestClient;
  /** The renderer's event channels (the contract's eventChannels). */
  events: WorkstationEvents;
  /** The services' own signals; never forwarded to a page. */
  internal: InternalBus;
  /** Every piece of work that may touch the cache passes it; closing waits for it. */
  gate: ClosingGate;
  session: Session;
  /** 服务器地址: the server in use, and the cache bound to it. */
  address: ServerAddress;
  /** Drops the stored session, the remembered password and 自动登录: they belong to the server left behind. */
  forgetServerCredentials(): void;
  realtime: RealtimeClient;
  outbox: Outbox;
  softphone: Softphone;
  log: Log;
  clock: () => number;
  settings(): WorkstationSettings;
  connectionState(): ConnectionState;
  agentChanged(agent: Agent): void;
  backfillMessages(conversationId: string): Promise<void>;
  remote: Remote;
  /** Resolves once the stored session is resumed or auto-login has been tried. */
  ready: Promise<void>;
  /** Closing has started: no socket, timer or sender starts anything new from here on. */
  halt(): void;
  /** After halt and the gate: ends the phone and lets the senders finish; the cache stays open. */
  stop(): Promise<void>;
}

/** After a renewal that got no answer, how long before the realtime socket tries again. */
const RENEW_RETRY_MS = 5_000;

export function createWorkstationCore(options: WorkstationOptions): WorkstationCore {
  const log = createLog('workstation');
  const clock = options.clock ?? Date.now;
  const store = new DisposableStore();
  const gate = createClosingGate({ onDrainLimit: (stillRunning) => log('closing without waiting longer for work in flight', { stillRunning }, 'error') });
  const db = openDatabase(options.dataDir);
  // Before the session is restored: a session of another server is dropped, not resumed here.
  const forgetCredentials = () => forgetServerCredentials(db, options.secretStore);
  const address = openServerAddress(db, deploymentAddress(options), forgetCredentials, log);
  const settings = () => getSettings(db, address.url());
  const events = createWorkstationEvents();
  const internal = createInternalBus();
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
  // Once closing has started nothing reconnects: a login or renewal still in flight must not open a socket.
  const startRealtime = () => {
    if (!gate.closing) realtime.start();
  };
  const logFailure = (what: string) => (error: unknown) => log(`${what} failed`, error instanceof Error ? error.message : error);

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
    connectTimeoutMs: options.timing?.connectTimeoutMs,
    handlers: {
      applyBatch: createBatchApplier({ db, events, internal, agentId }),
      ephemeral: createEphemeralHandler({ db, events, agentId, alertsEnabled, agentChanged }),
      phase(next, nextProgress) {
        const wasOnline = phase === 'online';
        phase = next;
        progress = nextProgress;
        emitConnection();
        if (next !== 'online') return;
        outbox.kick();
        // Login and every reconnect: what is read only on connect (phrases, canned files) re-syncs.
        if (!wasOnline) internal.emit('connection:online', {});
      },
      unauthenticated: (reason) => void sessionRefused(reason),
      resync: (headSeq) => rebuildFromServer({ db, rest, events, internal, agentId, backfillMessages }, headSeq),
      log,
    },
  });

  const softphone = createSoftphone({ db, rest, events, agentId, clock, log, timing: options.phone });

  const outbox: Outbox = createOutbox({
    db,
    events,
    rest,
    realtime,
    agent: () => session.current()?.agent ?? null,
    clock,
    onCountChanged: emitConnection,
    log,
    // 字体设置 (kept with the phrases' local prefs) travels on each text message.
    messageStyle: () => styleToCarry(getMessageStyle(db)) ?? null,
  });

  const session: Session = createSession({
    db,
    rest,
    secretStore: options.secretStore,
    settings,
    saveSettings: (patch) => saveSettings(db, patch),
    onStarted() {
      events.emit('session:changed', session.snapshot());
      startRealtime();
      outbox.kick();
      // Both write the cache after a server round trip: under the gate, so closing waits for them.
      gate.runInBackground(() => refreshOpenConversations({ db, rest, events, agentId }), logFailure('refreshing open conversations'));
      gate.runInBackground(() => softphone.start(), logFailure('starting the phone'));
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
    if (current && socketToken !== current) return startRealtime();
    const outcome = await session.refused(reason);
    if (outcome === 'renewed') return startRealtime();
    if (outcome === 'unreachable') disposableTimeout(store, RENEW_RETRY_MS, () => session.current() && startRealtime());
  }

  const backfillMessages = createBackfill({ db, rest, events });

  const remote: Remote = (result) => {
    // The REST client already renewed an expired token if it could: this refusal is final.
    if (!result.ok && result.error.code === 'UNAUTHENTICATED') session.expire(sessionEndReasonOf(result.error.details?.reason) ?? 'expired');
    return result;
  };

  return {
    db,
    rest,
    events,
    internal,
    gate,
    session,
    address,
    forgetServerCredentials: forgetCredentials,
    realtime,
    outbox,
    softphone,
    log,
    clock,
    settings,
    connectionState,
    agentChanged,
    backfillMessages,
    remote,
    // Under the gate: a resume still talking to the server when closing starts is awaited.
    ready: gate
      .run(async () => ok(await session.resume()))
      .then(() => undefined)
      .catch((error: unknown) => log('resume failed', error instanceof Error ? error.message : error)),
    halt() {
      store.dispose();
      realtime.stop();
      outbox.stop();
    },
    async stop() {
      await softphone.close();
      await softphone.syncer.idle();
      await outbox.idle();
    },
  };
}
