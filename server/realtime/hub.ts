/**
 * The realtime hub at /api/realtime: hello + resume, replay of durable events, live fan-out after
 * commit, and the ephemeral frames (draft, typing, queue, presence, agent).
 */
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { ClientFrameSchema, LIMITS, SESSION_ENDED_CLOSE_CODE, type ClientFrame, type ServerFrame, type SessionEndReason } from '../../shared/index.js';
import type { DomainContext, Presence } from '../domain/context.js';
import { authenticateToken } from '../domain/accounts.js';
import { onSessionsEnded, sessionRefusal, touchSession } from '../domain/sessions.js';
import { toAppError } from '../http/errors.js';
import type { StoredEvent } from '../store/types.js';
import { audience } from '../store/types.js';
import { type GraceTimer, type GraceTimers, realGraceTimers } from './grace-timers.js';
import { AudienceIndex } from './audience-index.js';
import { type Client, isAdmin, readerOf, send, sendEncoded } from './client.js';
import { handleDraft, handleTyping } from './frames.js';
import { MessageBatch } from './message-batch.js';
import { SendAdmission } from './send-admission.js';
import type { WidgetLimiter } from '../http/widget-rate-limits.js';
import { clientsOfSessions, mayAct, sweepSessionSockets } from './session-guard.js';
import { StaffState } from './staff-state.js';

const HELLO_TIMEOUT_MS = 10_000;
/** On shutdown, how long to wait for terminated sockets to report closed. */
const CLOSE_WAIT_MS = 2_000;

/** Close code after a `resync` frame (the hello's lastSeq was beyond the head of the log). */
const RESYNC_CLOSE_CODE = 4409;

/** WebSocket close code when the connection died without a close frame (network drop, killed process). */
const ABNORMAL_CLOSURE = 1006;

/**
 * How long an agent whose connection dropped still counts as connected (keeps status and
 * routability) before routing goes around them: a flaky Wi-Fi or a laptop lid must not bounce
 * every new visitor to a colleague. KEFU_PRESENCE_GRACE_MS overrides; 0 switches it off.
 */
export function presenceGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KEFU_PRESENCE_GRACE_MS;
  const parsed = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isInteger(parsed) && parsed >= 0 && parsed <= 600_000 ? parsed : 30_000;
}

export class RealtimeHub implements Presence {
  readonly clients = new Set<Client>();
  /** Ready clients by audience: fan-out and targeted frames look up recipients here. */
  readonly ready = new AudienceIndex();
  private readonly agentConnections = new Map<string, number>();
  private readonly visitorConnections = new Map<string, number>();
  /** Agents whose last connection dropped abnormally, still counted as connected until the timer fires. */
  private readonly graceTimers = new Map<string, GraceTimer>();
  private readonly graceMs: number;
  private readonly timers: GraceTimers;
  private readonly staffState: StaffState;
  private ctx!: DomainContext;
  private batch!: MessageBatch;
  /** Visitors' message.send frames pass the widget's rate limit here first (when it is on). */
  private admission: SendAdmission | null = null;
  /** Set by close(): from then on no frame is handled and no handler touches the store. */
  private closing = false;

  constructor(options: { presenceGraceMs?: number; graceTimers?: GraceTimers } = {}) {
    this.graceMs = options.presenceGraceMs ?? presenceGraceMs();
    this.timers = options.graceTimers ?? realGraceTimers;
    this.staffState = new StaffState(this);
  }

  /** Wires the hub to the domain: events after commit, ephemeral refresh on signal. */
  attach(ctx: DomainContext): void {
    this.ctx = ctx;
    this.batch = new MessageBatch(ctx, this.endClient);
    // Logout, password change, disabling, revocation: every socket of those sessions ends now.
    onSessionsEnded(ctx, (sessionIds, reason) => {
      for (const client of clientsOfSessions(this.clients, sessionIds)) this.endClient(client, reason);
    });
    this.staffState.attach(ctx);
    ctx.store.onCommit((events) => {
      this.broadcast(events);
      // A new message moves neither the queue nor any agent's load; everything else may.
      if (events.some((e) => e.event.type !== 'message.created')) this.staffState.schedule();
    });
    ctx.signal = () => this.staffState.schedule();
  }

  isAgentConnected(agentId: string): boolean {
    return (this.agentConnections.get(agentId) ?? 0) > 0 || this.graceTimers.has(agentId);
  }

  /** Called by app.ts once the widget's limiter exists (after attach). */
  limitVisitorSends(limiter: WidgetLimiter): void {
    this.admission = new SendAdmission(
      limiter,
      (client, frame) => this.batch.add(client, frame),
      () => this.closing,
    );
  }

  isVisitorOnline(visitorId: string): boolean {
    return (this.visitorConnections.get(visitorId) ?? 0) > 0;
  }

  handle(socket: WebSocket, stream?: Duplex, ip = 'unknown'): void {
    if (this.closing) return void socket.terminate();
    const client: Client = { socket, stream, ip, principal: null, ready: false, drafts: new Map() };
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
        if (frame.type !== 'hello') return this.refuse(client, 'The first frame must be hello');
        return this.welcome(client, frame.token, frame.lastSeq);
      }
      // Re-checked on every frame: the session may have ended elsewhere or outlived its lifetime.
      if (!mayAct(this.ctx, client, this.endClient)) return;
      try {
        this.dispatch(client, frame);
      } catch (err) {
        const error = toAppError(err);
        send(client, { type: 'error', error: { code: error.code, message: error.message } });
      }
    });
    socket.on('close', (code: number) => {
      clearTimeout(helloTimer);
      this.clients.delete(client);
      this.ready.remove(client);
      for (const draft of client.drafts.values()) if (draft.timer) clearTimeout(draft.timer);
      // While closing, the store may already be gone: presence and routing no longer matter.
      if (client.ready && !this.closing) this.disconnected(client, code);
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
    this.ready.remove(client);
    if (!this.closing) this.disconnected(client, SESSION_ENDED_CLOSE_CODE);
  };

  /** Open sockets count as activity; those whose session ended or aged out are closed (app.ts runs this every 15 s). */
  sweepSessions(): void {
    if (!this.closing) sweepSessionSockets(this.ctx, this.clients, this.endClient);
  }

  private dispatch(client: Client, frame: ClientFrame): void {
    switch (frame.type) {
      case 'hello':
        return send(client, { type: 'error', error: { code: 'INVALID_STATE', message: 'Already said hello' } });
      case 'ping':
        return send(client, { type: 'pong' });
      case 'message.send':
        return this.admission ? this.admission.add(client, frame) : this.batch.add(client, frame);
      case 'draft':
        return handleDraft(this.ctx, this, client, frame);
      case 'typing':
        return handleTyping(this.ctx, this, client, frame);
    }
  }

  /** Welcome, replay after lastSeq page by page, then go live — all in one tick, so nothing slips between. */
  private welcome(client: Client, token: string, lastSeq: number): void {
    const auth = authenticateToken(this.ctx, token);
    if (auth.principal === null) return auth.reason ? this.endClient(client, auth.reason) : this.refuse(client, 'The token is not valid; log in again');
    const principal = auth.principal;
    client.principal = principal;
    if (principal.kind === 'staff') touchSession(this.ctx, principal.session);
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
    client.ready = true;
    this.ready.add(client);
    this.connected(client);
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

  private connected(client: Client): void {
    const principal = client.principal!;
    if (principal.kind === 'visitor') {
      const n = (this.visitorConnections.get(principal.visitor.id) ?? 0) + 1;
      this.visitorConnections.set(principal.visitor.id, n);
      if (n === 1) this.presence(principal.visitor.id, true);
      this.staffState.sendVisitorQueue(client);
      return;
    }
    const n = (this.agentConnections.get(principal.agent.id) ?? 0) + 1;
    this.agentConnections.set(principal.agent.id, n);
    this.staffState.sendSnapshot(client);
    const grace = this.graceTimers.get(principal.agent.id);
    if (grace) {
      // Back within the grace period: as if the connection had never dropped.
      grace.cancel();
      this.graceTimers.delete(principal.agent.id);
      return;
    }
    if (n === 1) this.staffState.agentConnectionChanged(principal.agent.id);
  }

  private disconnected(client: Client, code: number): void {
    const principal = client.principal!;
    if (principal.kind === 'visitor') {
      const n = (this.visitorConnections.get(principal.visitor.id) ?? 1) - 1;
      if (n <= 0) this.visitorConnections.delete(principal.visitor.id);
      else this.visitorConnections.set(principal.visitor.id, n);
      if (n <= 0) this.presence(principal.visitor.id, false);
      return;
    }
    const n = (this.agentConnections.get(principal.agent.id) ?? 1) - 1;
    if (n <= 0) this.agentConnections.delete(principal.agent.id);
    else this.agentConnections.set(principal.agent.id, n);
    if (n > 0) return;
    const agentId = principal.agent.id;
    // A clean close (logout, app quit) ends presence now; only a drop gets the grace period.
    if (code === ABNORMAL_CLOSURE && this.graceMs > 0 && !this.graceTimers.has(agentId)) {
      const timer = this.timers.start(this.graceMs, () => {
        this.graceTimers.delete(agentId);
        if (!this.closing && !this.isAgentConnected(agentId)) this.staffState.agentConnectionChanged(agentId);
      });
      this.graceTimers.set(agentId, timer);
      return;
    }
    this.staffState.agentConnectionChanged(agentId);
  }

  /** presence → the agent of each open conversation of this visitor, and admins. */
  private presence(visitorId: string, visitorOnline: boolean): void {
    const open = this.ctx.store.conversations.openForVisitor(visitorId);
    if (!open) return;
    this.toStaff(
      { type: 'presence', conversationId: open.id, visitorOnline },
      (c) => isAdmin(c) || (c.principal?.kind === 'staff' && c.principal.agent.id === open.agentId),
    );
  }

  toStaff(frame: ServerFrame, filter: (client: Client) => boolean = () => true): void {
    const data = JSON.stringify(frame);
    for (const client of this.ready.of(audience.staff)) if (filter(client)) sendEncoded(client, data);
  }

  toVisitor(visitorId: string, frame: ServerFrame): void {
    const data = JSON.stringify(frame);
    for (const client of this.ready.of(audience.visitor(visitorId))) sendEncoded(client, data);
  }

  /** Each event to its readers only, encoded once; per client the events keep seq order. */
  private broadcast(events: StoredEvent[]): void {
    for (const stored of events) {
      const readers = this.ready.readersOf(stored);
      if (readers.size === 0) continue;
      const data = JSON.stringify({ type: 'event', seq: stored.seq, event: stored.event } satisfies ServerFrame);
      for (const client of readers) sendEncoded(client, data);
    }
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
    this.staffState.stop();
    for (const timer of this.graceTimers.values()) timer.cancel();
    this.graceTimers.clear();
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
