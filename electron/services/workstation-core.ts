/**
 * The workstation's parts wired together: cache, REST, realtime, outbox and session. Handlers
 * (workstation-handlers.ts) and transports use this; nothing here knows about Electron.
 */
import type { Agent } from '../../shared/domain.js';
import type { Result } from '../../shared/errors.js';
import type { ConnectionState, WorkstationSettings } from '../../shared/ipc/contract.js';
import { sessionEndReasonOf, type SessionEndReason } from '../../shared/session.js';
import { createRestClient, type RestClient } from './api/rest-client.js';
import { openDatabase, type Db } from './cache/database.js';
import { getSettings, saveSettings } from './cache/settings-repo.js';
import { getLastSeq } from './cache/sync-state-repo.js';
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

export interface WorkstationCore {
  db: Db;
  rest: RestClient;
  events: WorkstationEvents;
  session: Session;
  /** 服务器地址: the server in use, and the cache bound to it. */
  address: ServerAddress;
  /** Drops the stored session, the remembered password and 自动登录: they belong to the server left behind. */
  forgetServerCredentials(): void;
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

/** After a renewal that got no answer, how long before the realtime socket tries again. */
const RENEW_RETRY_MS = 5_000;

export function createWorkstationCore(options: WorkstationOptions): WorkstationCore {
  const log = createLog('workstation');
  const clock = options.clock ?? Date.now;
  const db = openDatabase(options.dataDir);
  // Before the session is restored: a session of another server is dropped, not resumed here.
  const forgetCredentials = () => forgetServerCredentials(db, options.secretStore);
  const address = openServerAddress(db, deploymentAddress(options), forgetCredentials, log);
  const settings = () => getSettings(db, address.url());
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
    connectTimeoutMs: options.timing?.connectTimeoutMs,
    handlers: {
      applyBatch: createBatchApplier({ db, events, agentId }),
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
      realtime.start();
      outbox.kick();
      void refreshOpenConversations({ db, rest, events, agentId });
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

  const backfillMessages = createBackfill({ db, rest, events });

  return {
    db,
    rest,
    events,
    session,
    address,
    forgetServerCredentials: forgetCredentials,
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
