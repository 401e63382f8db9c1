/**
 * The realtime hub at /api/realtime: hello + resume, replay of durable events, live fan-out after
 * commit, and the ephemeral frames (draft, typing, queue, presence, agent).
 */
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { ClientFrameSchema, LIMITS, SESSION_ENDED_CLOSE_CODE, type ClientFrame, type SessionEndReason } from '../../shared/index.js';
import type { DomainContext } from '../domain/context.js';
import { type ClusterBus, singleNodeBus } from '../cluster/bus.js';
import { authenticateToken } from '../domain/accounts.js';
import { passwordChangePending } from '../domain/own-password.js';
import { onSessionsEnded, sessionRefusal, touchSession } from '../domain/sessions.js';
import { type GraceTimers, realGraceTimers } from './grace-timers.js';
import { type Client, readerOf, send } from './client.js';
import { Fanout } from './fanout.js';
import { frameError, type FrameLog } from './frame-errors.js';
import { handleDraft, handleTyping } from './frames.js';
import { MessageBatch } from './message-batch.js';
import { ConnectionPresence, presenceGraceMs } from './presence.js';
import { ClusterPresence } from './cluster-presence.js';
import { EventDelivery } from './event-delivery.js';
import { announceVisitorPresence } from './presence-frame.js';
import { SendAdmission } from './send-admission.js';
import type { MessageLimiter } from './send-limiter.js';
import { clientsOfSessions, mayAct, sweepSessionSockets } from './session-guard.js';
import { StaffState } from './staff-state.js';
import { WallboardPush } from './wallboard-push.js';
import { BLOCKED_FRAME, stopListedVisitors } from './blacklist-stop.js';
import { isVisitorBlocked } from '../domain/blacklist/enforcement.js';
import { onBlacklistAdded } from '../domain/blacklist/live-block.js';
import { VisitorStatePush } from './business-hours-push.js';
import { onSettingsChanged } from '../domain/settings-changed.js';
import type { Principal } from '../domain/context.js';
import { supervisorAudiences } from './supervisor-socket.js';
import { SiteVisitorsHub } from './site-visitors-hub.js';
import { NodeHeartbeat } from './node-heartbeat.js';
import { PhoneReports } from './phone-status-frame.js';
import { recordConnectedHere } from '../domain/monitoring/node-liveness.js';

const HELLO_TIMEOUT_MS = 10_000;
/** On shutdown, how long to wait for terminated sockets to report closed. */
const CLOSE_WAIT_MS = 2_000;

/** Close code after a `resync` frame (the hello's lastSeq was beyond the head of the log). */
const RESYNC_CLOSE_CODE = 4409;
/** Close code after a listed visitor's hello (黑名单). */
const BLOCKED_CLOSE_CODE = 4403;

export interface HubOptions {
  /** The server's logger: unexpected errors of frame handlers go there before the client's INTERNAL frame. */
  log: FrameLog;
  /** How long a dropped agent still counts as connected (default: KEFU_PRESENCE_GRACE_MS, else 30 s). */
  presenceGraceMs?: number;
  graceTimers?: GraceTimers;
  /** The other nodes (Redis); a single node by default. */
  bus?: ClusterBus;
  /** How often this node repeats its presence to the others (default 5 s). */
  presenceHeartbeatMs?: number;
  /** 访客监控: how long after a visitor's last page closed they still count as on the site (default 10 s). */
  navigationGraceMs?: number;
  /** 访客监控's timers (navigation grace, automatic invitation rules); tests fire them by hand. */
  siteVisitorTimers?: GraceTimers;
}

const DEFAULT_NAVIGATION_GRACE_MS = 10_000;

const DEFAULT_PRESENCE_HEARTBEAT_MS = 5_000;

export class RealtimeHub {
  readonly clients = new Set<Client>();
  /** Frames to the ready clients (by audience). */
  readonly fanout: Fanout;
  /** Who is connected on every node: the domain context's Presence, read by routing. */
  readonly presence: ClusterPresence;
  /** This node's own connections. */
  private readonly localPresence: ConnectionPresence;
  private readonly bus: ClusterBus;
  private delivery!: EventDelivery;
  private readonly log: FrameLog;
  private readonly staffState: StaffState;
  /** 实时监控 boards to this node's monitor sockets (wallboard-push.ts). */
  private readonly wallboard: WallboardPush;
  /** 工作时间 and the widget's settings to this node's visitor sockets (business-hours-push.ts). */
  private readonly visitorStates: VisitorStatePush;
  private ctx!: DomainContext;
  private batch!: MessageBatch;
  /** Visitors' message.send frames pass the widget's rate limit here first (when it is on). */
  private admission: SendAdmission | null = null;
  /** This node's beat in the database, and 离线 for the agents of nodes that died (node-heartbeat.ts). */
  private readonly heartbeat: NodeHeartbeat;
  /** The workstations' `phone.status` frames (phone-status-frame.ts). */
  private readonly phoneReports: PhoneReports;
  /** 访客监控 / 主动邀请: browse sockets, who is on the site, the watchers' deltas, invitations (site-visitors-hub.ts). */
  readonly siteVisitors: SiteVisitorsHub;
  /** Set by close(): from then on no frame is handled and no handler touches the store. */
  private closing = false;

  constructor(options: HubOptions) {
    this.log = options.log;
    this.bus = options.bus ?? singleNodeBus();
    const bus = this.bus;
    this.fanout = new Fanout(bus.shared ? (message) => bus.publish(message) : undefined);
    this.staffState = new StaffState(this.fanout);
    this.wallboard = new WallboardPush(bus.shared ? () => bus.publish({ kind: 'wallboard-changed' }) : null);
    this.visitorStates = new VisitorStatePush(this.fanout);
    this.siteVisitors = new SiteVisitorsHub({
      bus,
      fanout: this.fanout,
      log: this.log,
      heartbeatMs: options.presenceHeartbeatMs ?? DEFAULT_PRESENCE_HEARTBEAT_MS,
      ttlMs: (options.presenceGraceMs ?? presenceGraceMs()) + 2 * (options.presenceHeartbeatMs ?? DEFAULT_PRESENCE_HEARTBEAT_MS),
      navigationGraceMs: options.navigationGraceMs ?? DEFAULT_NAVIGATION_GRACE_MS,
      timers: options.siteVisitorTimers ?? realGraceTimers,
    });
    const graceMs = options.presenceGraceMs ?? presenceGraceMs();
    const heartbeatMs = options.presenceHeartbeatMs ?? DEFAULT_PRESENCE_HEARTBEAT_MS;
    this.localPresence = new ConnectionPresence({
      graceMs,
      timers: options.graceTimers ?? realGraceTimers,
      visitorChanged: (visitorId, online) => {
        this.presence.localChanged();
        announceVisitorPresence(this.ctx, this.fanout, visitorId, online);
      },
      agentChanged: (agentId) => {
        this.presence.localChanged();
        // Which node the agent is on (and their phone with it) first: going 离线 below reads it.
        recordConnectedHere(this.ctx, bus.nodeId, agentId, this.localPresence.isAgentConnected(agentId));
        this.staffState.agentConnectionChanged(agentId);
        this.wallboard.changed(true);
      },
    });
    this.presence = new ClusterPresence(this.localPresence, {
      bus,
      heartbeatMs,
      // A node gone silent keeps its agents for the grace period, as a dropped connection would.
      ttlMs: graceMs + 2 * heartbeatMs,
      clock: Date.now,
      agentChanged: (agentId) => {
        this.staffState.agentConnectionChanged(agentId);
        this.wallboard.changed(false);
      },
      // The visitor's own node tells the staff (its presence frame reaches every node).
      visitorChanged: () => undefined,
      // Before its agents count as gone: their 离线 is stamped at the dead node's last beat.
      nodeLost: (nodeId) => this.heartbeat.nodeLost(nodeId),
    });
    this.heartbeat = new NodeHeartbeat({ nodeId: bus.nodeId, intervalMs: heartbeatMs, ttlMs: graceMs + 2 * heartbeatMs, alone: !bus.shared, log: this.log });
    this.phoneReports = new PhoneReports(
      () => this.ctx,
      bus.nodeId,
      () => this.wallboard.changed(true),
      () => this.closing,
      this.log,
    );
  }

  /** Wires the hub to the domain: events after commit, ephemeral refresh on signal. */
  attach(ctx: DomainContext): void {
    this.ctx = ctx;
    this.batch = new MessageBatch(ctx, this.endClient, this.log);
    // Logout, password change, disabling, revocation: every socket of those sessions ends now.
    onSessionsEnded(ctx, (sessionIds, reason) => {
      for (const client of clientsOfSessions(this.clients, sessionIds)) this.endClient(client, reason);
    });
    // 黑名单: listed visitors who are connected are stopped now, not at their next send.
    onBlacklistAdded(ctx, (entry) => {
      stopListedVisitors(this.ctx, this.fanout, this.clients, entry);
      if (entry.kind === 'visitor') this.siteVisitors.blocked(entry.value);
    });
    this.staffState.attach(ctx);
    this.delivery = new EventDelivery(ctx.store.events, (events) => {
      this.fanout.events(events);
      // A new message moves neither the queue nor any agent's load; everything else may.
      if (events.some((e) => e.event.type !== 'message.created')) this.staffState.schedule();
    });
    this.wallboard.attach(ctx);
    ctx.store.onCommit((events) => {
      this.delivery.local(events);
      this.siteVisitors.committed(events);
      this.wallboard.changed(true);
      if (this.bus.shared && events.length > 0) this.bus.publish({ kind: 'committed', head: events[events.length - 1]!.seq, events });
    });
    this.bus.subscribe((message, from) => {
      if (this.closing) return;
      if (message.kind === 'site-visitors') return this.siteVisitors.fromCluster(message.message, from);
      if (message.kind === 'hello') this.siteVisitors.helloFrom();
      if (message.kind === 'committed') this.delivery.remote(message.head, message.events);
      else if (message.kind === 'presence' || message.kind === 'hello') this.presence.fromCluster(message, from);
      else if (message.kind === 'wallboard-changed') this.wallboard.changed(false);
      else if (message.kind === 'settings-changed') this.visitorStates.refresh();
      else this.fanout.fromCluster(message);
    });
    this.presence.start();
    this.siteVisitors.attach(ctx);
    this.heartbeat.start(ctx);
    ctx.signal = () => {
      this.staffState.schedule();
      this.wallboard.changed(true);
    };
    this.visitorStates.attach(ctx);
    onSettingsChanged(ctx, () => {
      this.visitorStates.refresh();
      if (this.bus.shared) this.bus.publish({ kind: 'settings-changed' });
    });
  }

  /** Called by app.ts once the widget's limiter exists (after attach). */
  limitVisitorSends(limiter: MessageLimiter): void {
    this.admission = new SendAdmission(
      limiter,
      (client, frame) => this.batch.add(client, frame),
      () => this.closing,
      this.log,
    );
  }

  handle(socket: WebSocket, stream?: Duplex, ip = 'unknown'): void {
    if (this.closing) return void socket.terminate();
    const client: Client = { socket, stream, ip, principal: null, ready: false, deliveredSeq: 0, drafts: new Map() };
    this.clients.add(client);
    const helloTimer = setTimeout(() => this.refuse(client, 'No hello frame in time'), HELLO_TIMEOUT_MS);
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      // A closing socket still delivers what the peer sent before it saw the close: drop it.
      if (this.closing || client.sessionEnded) return;
      if (isBinary || data.length > LIMITS.frameBytesMax) {
        send(client, {
          type: 'error',
          error: {
            code: isBinary ? 'VALIDATION_FAILED' : 'PAYLOAD_TOO_LARGE',
            message: isBinary ? 'Send JSON text frames' : `Frames may be at most ${LIMITS.frameBytesMax} bytes`,
          },
        });
        if (!client.principal) this.refuse(client, 'Say hello first');
        return;
      }
      let frame: ClientFrame;
      try {
        const parsed = ClientFrameSchema.safeParse(JSON.parse(data.toString('utf8')));
        if (!parsed.success) {
          if (!client.principal) return this.refuse(client, 'The first frame must be a valid hello');
          return send(client, {
            type: 'error',
            error: { code: 'VALIDATION_FAILED', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') },
          });
        }
        frame = parsed.data;
      } catch {
        if (!client.principal) return this.refuse(client, 'The first frame must be a valid hello');
        return send(client, { type: 'error', error: { code: 'VALIDATION_FAILED', message: 'Malformed JSON' } });
      }
      if (!client.principal) {
        clearTimeout(helloTimer);
        if (frame.type === 'monitor.hello') return this.welcomeMonitor(client, frame.token);
        if (frame.type === 'browse.hello') return this.siteVisitors.welcome(client, frame);
        if (frame.type !== 'hello') return this.refuse(client, 'The first frame must be hello');
        return this.welcome(client, frame.token, frame.lastSeq, frame.supervise === true);
      }
      // Re-checked on every frame: the session may have ended elsewhere or outlived its lifetime.
      if (!mayAct(this.ctx, client, this.endClient)) return;
      try {
        this.dispatch(client, frame);
      } catch (err) {
        const error = frameError(this.log, client, frame.type, err);
        send(client, { type: 'error', error: { code: error.code, message: error.message } });
      }
    });
    socket.on('close', (code: number) => {
      clearTimeout(helloTimer);
      this.clients.delete(client);
      this.fanout.ready.remove(client);
      this.wallboard.remove(client);
      this.siteVisitors.closed(client);
      this.phoneReports.forget(client);
      for (const draft of client.drafts.values()) if (draft.timer) clearTimeout(draft.timer);
      // While closing, the store may already be gone: presence and routing no longer matter.
      if (client.ready && !this.closing && !client.supervising) this.localPresence.disconnected(client.principal!, code);
    });
    socket.on('error', () => socket.terminate());
  }

  private refuse(client: Client, message: string): void {
    send(client, { type: 'error', error: { code: 'UNAUTHENTICATED', message } });
    client.socket.close(4401, 'unauthenticated');
  }

  /**
   * The staff session behind this socket ended: say why, close, and stop counting the socket at
   * once — no frame goes out to it and routing stops seeing the agent without waiting for the
   * closing handshake.
   */
  private readonly endClient = (client: Client, reason: SessionEndReason): void => {
    if (client.sessionEnded) return;
    client.sessionEnded = reason;
    send(client, { type: 'error', error: { code: 'UNAUTHENTICATED', message: sessionRefusal(reason).message, reason } });
    client.socket.close(SESSION_ENDED_CLOSE_CODE, reason);
    if (!client.ready) return;
    client.ready = false;
    this.fanout.ready.remove(client);
    if (!this.closing && !client.supervising) this.localPresence.disconnected(client.principal!, SESSION_ENDED_CLOSE_CODE);
  };

  /** Open sockets count as activity; those whose session ended or aged out are closed (app.ts runs this every 15 s). */
  sweepSessions(): void {
    if (!this.closing) sweepSessionSockets(this.ctx, this.clients, this.endClient);
  }

  private dispatch(client: Client, frame: ClientFrame): void {
    // A monitor socket only listens: it acts for no one, whatever its principal may do elsewhere.
    if (client.monitor && frame.type !== 'ping')
      return send(client, { type: 'error', error: { code: 'INVALID_STATE', message: 'A 实时监控 socket only receives' } });
    // A page's browse socket (访客监控) only receives too: it is not a chat connection.
    if (client.browse && frame.type !== 'ping')
      return send(client, { type: 'error', error: { code: 'INVALID_STATE', message: 'A browse socket only receives' } });
    switch (frame.type) {
      case 'hello':
      case 'monitor.hello':
      case 'browse.hello':
        return send(client, { type: 'error', error: { code: 'INVALID_STATE', message: 'Already said hello' } });
      case 'ping':
        return send(client, { type: 'pong' });
      case 'message.send':
        return this.admission ? this.admission.add(client, frame) : this.batch.add(client, frame);
      case 'draft':
        return handleDraft(this.ctx, this.fanout, client, frame);
      case 'typing':
        return handleTyping(this.ctx, this.fanout, client, frame);
      case 'site-visitors.watch':
        return this.siteVisitors.watch(client, frame.watch);
      case 'phone.status':
        return this.phoneReports.handle(client, frame);
    }
  }

  /** A 实时监控 socket: the staff token's login, then boards only (no replay, no presence, no events). */
  private welcomeMonitor(client: Client, token: string): void {
    const auth = authenticateToken(this.ctx, token);
    if (auth.principal === null) return auth.reason ? this.endClient(client, auth.reason) : this.refuse(client, 'The token is not valid; log in again');
    if (passwordChangePending(auth.principal)) {
      send(client, { type: 'error', error: { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Change your password first' } });
      return void client.socket.close(4403, 'password-change-required');
    }
    if (auth.principal.kind === 'staff') touchSession(this.ctx, auth.principal.session);
    this.wallboard.welcome(client, auth.principal);
  }

  /** Welcome, replay after lastSeq page by page, then go live — all in one tick, so nothing slips between. */
  private welcome(client: Client, token: string, lastSeq: number, supervise = false): void {
    const auth = authenticateToken(this.ctx, token);
    if (auth.principal === null) return auth.reason ? this.endClient(client, auth.reason) : this.refuse(client, 'The token is not valid; log in again');
    const principal = auth.principal;
    // A listed visitor's socket goes no further than the notice (its sends would be refused anyway).
    if (principal.kind === 'visitor' && isVisitorBlocked(this.ctx, { visitorId: principal.visitor.id, ip: client.ip })) {
      send(client, BLOCKED_FRAME);
      return void client.socket.close(BLOCKED_CLOSE_CODE, 'blocked');
    }
    // An account that must change its password first does no work until it has (own-password.ts).
    if (passwordChangePending(principal)) {
      send(client, { type: 'error', error: { code: 'PASSWORD_CHANGE_REQUIRED', message: 'Change your password first' } });
      return void client.socket.close(4403, 'password-change-required');
    }
    client.principal = principal;
    if (principal.kind === 'staff') touchSession(this.ctx, principal.session);
    if (supervise) return this.welcomeSupervisor(client, principal);
    const events = this.ctx.store.events;
    const headSeq = events.head();
    const role = principal.kind === 'visitor' ? 'visitor' : principal.agent.role;
    send(client, { type: 'welcome', role, headSeq });
    if (lastSeq > headSeq) return this.resync(client, headSeq);
    const reader = readerOf(principal);
    const total = events.countAfter(lastSeq, reader);
    let after = lastSeq;
    let done = 0;
    while (done < total) {
      const page = events.pageAfter(after, reader, LIMITS.replayPageSize);
      if (page.length === 0) break;
      for (const stored of page) send(client, { type: 'event', seq: stored.seq, event: stored.event });
      done += page.length;
      after = page[page.length - 1]!.seq;
      send(client, { type: 'replay.progress', done, total });
    }
    send(client, { type: 'replay.done', headSeq: Math.max(headSeq, after) });
    client.deliveredSeq = Math.max(headSeq, after);
    client.ready = true;
    this.fanout.ready.add(client);
    // On connect a visitor gets their queue place and 工作时间, staff the queue and every agent.
    this.localPresence.connected(principal, () => {
      if (principal.kind !== 'visitor') return this.staffState.sendSnapshot(client);
      this.staffState.sendVisitorQueue(client);
      this.visitorStates.sendTo(client);
    });
  }

  /** 对话监控 (supervisor-socket.ts): live from the head — no replay, no presence — reading the supervised agents' events too. */
  private welcomeSupervisor(client: Client, principal: Principal): void {
    const allowed = supervisorAudiences(this.ctx, principal);
    if (!allowed.ok) {
      send(client, { type: 'error', error: { code: 'FORBIDDEN', message: allowed.message } });
      return void client.socket.close(4403, 'forbidden');
    }
    client.supervising = allowed.audiences;
    const headSeq = this.ctx.store.events.head();
    send(client, { type: 'welcome', role: principal.kind === 'staff' ? principal.agent.role : 'visitor', headSeq });
    send(client, { type: 'replay.done', headSeq });
    client.deliveredSeq = headSeq;
    client.ready = true;
    this.fanout.ready.add(client);
    this.staffState.sendSnapshot(client);
  }

  /**
   * The client claims events this log never had: replaying from its seq would skip every event up
   * to it, and echoing it back would make that permanent. It must rebuild from REST and come back
   * from the head; the connection ends here (never ready, so presence and routing never saw it).
   */
  private resync(client: Client, headSeq: number): void {
    send(client, { type: 'resync', headSeq });
    client.socket.close(RESYNC_CLOSE_CODE, 'resync');
  }

  /**
   * Shutdown, before the store closes: store what was already received (acks go out while the
   * sockets are still open), stop every timer, then terminate the sockets and wait for their
   * close handlers, which are no-ops from here on.
   */
  async close(): Promise<void> {
    if (this.closing) return;
    this.batch.flush();
    this.closing = true;
    // While the store is still open: this node's agents go 离线 in the log (not connected elsewhere).
    this.heartbeat.stop();
    this.staffState.stop();
    this.wallboard.stop();
    this.siteVisitors.stop();
    this.visitorStates.stop();
    this.localPresence.stop();
    this.presence.stop();
    const closed: Promise<void>[] = [];
    for (const client of this.clients) {
      for (const draft of client.drafts.values()) if (draft.timer) clearTimeout(draft.timer);
      const socket = client.socket;
      if (socket.readyState !== socket.CLOSED) closed.push(new Promise((resolve) => socket.once('close', () => resolve())));
      socket.terminate();
    }
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)));
    await Promise.race([Promise.all(closed), giveUp]);
    clearTimeout(timer);
  }
}
