/**
 * Group commit for realtime message.send. Frames that arrive in the same event-loop turn are
 * stored in ONE SQLite transaction (a commit per message was ~20% of the server's CPU), each in
 * its own savepoint so a refused or failing message is nacked without touching the others.
 *
 * The delivery rules still hold: listeners broadcast the batch's events only after its commit,
 * and acks go out after that, so nothing is acked or broadcast before it is stored. Idempotency
 * on clientId needs nothing special: units run in order inside the transaction, so a repeat of
 * a clientId sees the row its earlier copy wrote and gets the same message back.
 */
import type { ClientFrame } from '../../shared/index.js';
import type { DomainContext } from '../domain/context.js';
import { sendMessage } from '../domain/messages.js';
import { toAppError } from '../domain/errors.js';
import type { UnitResult } from '../store/types.js';
import type { Message } from '../../shared/index.js';
import { BatchReads } from './batch-reads.js';
import { blockedAmong, blockedRefusal } from '../domain/blacklist/enforcement.js';
import { type Client, send, withCorkedWrites } from './client.js';
import { type FrameLog, logFrameFailure } from './frame-errors.js';
import { type EndClient, sessionCheckForBatch } from './session-guard.js';
import { sessionEndReasonOf, type SessionEndReason } from '../../shared/index.js';

type SendFrame = Extract<ClientFrame, { type: 'message.send' }>;

/** Bounds one transaction's size (and so the latency of its first message). */
export const MAX_BATCH = 128;

export class MessageBatch {
  private queue: { client: Client; frame: SendFrame }[] = [];
  private scheduled = false;

  constructor(
    private readonly ctx: DomainContext,
    /** A queued message whose session ended before its commit: the socket is ended too. */
    private readonly endClient: EndClient,
    /** Where a message that failed unexpectedly (not a refusal) is logged before its nack. */
    private readonly log: FrameLog,
  ) {}

  add(client: Client, frame: SendFrame): void {
    this.queue.push({ client, frame });
    if (this.queue.length >= MAX_BATCH) return this.flush();
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after the poll phase, i.e. after every socket read of this turn: the
    // batch is whatever arrived together, and a lone message waits no timer.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Stores everything queued now; also called on shutdown before the store closes. */
  flush(): void {
    withCorkedWrites(() => {
      while (this.queue.length > 0) this.commit(this.queue.splice(0, MAX_BATCH));
    });
  }

  private commit(items: { client: Client; frame: SendFrame }[]): void {
    let results: UnitResult<Message>[];
    // A message queued while its session was live is still refused if the session ended since.
    const sessionLive = sessionCheckForBatch(this.ctx);
    // Listed visitors (黑名单) are refused before anything is stored: two reads for the whole batch.
    const blocked = blockedAmong(
      this.ctx,
      items.map(({ client }) => (client.principal?.kind === 'visitor' ? { visitorId: client.principal.visitor.id, ip: client.ip } : {})),
    );
    const reads = new BatchReads(
      this.ctx,
      items.map(({ frame }) => ({ conversationId: frame.conversationId, clientId: frame.message.clientId })),
    );
    try {
      results = this.ctx.store.transactionEach(
        items.map(({ client, frame }, index) => (grouped) => {
          sessionLive(client);
          if (blocked[index]) throw blockedRefusal();
          // Run again alone (the batch failed as a whole), a send reads for itself.
          const found = grouped ? reads.for(index) : undefined;
          const sent = sendMessage(this.ctx, client.principal!, frame.conversationId, frame.message, found);
          if (grouped) reads.stored(sent.conversation);
          return sent.message;
        }),
        { recheckUnderLock: () => reads.recheck() },
      );
    } catch (err) {
      // transactionEach answers per unit even when the batch fails as a whole (it reruns them);
      // a throw here is unexpected, and nothing of the batch is stored: every message is nacked.
      results = items.map(() => ({ ok: false, error: err }));
    }
    const endedSessions = new Map<Client, SessionEndReason>();
    // A failed commit fails every message with the same error: logged once, not once per message.
    const logged = new Set<unknown>();
    items.forEach(({ client, frame }, i) => {
      const result = results[i]!;
      const clientId = frame.message.clientId;
      if (result.ok) return send(client, { type: 'ack', clientId, message: result.value });
      const error = toAppError(result.error);
      if (error.code === 'INTERNAL' && !logged.has(result.error)) {
        logged.add(result.error);
        logFrameFailure(this.log, client, 'message.send', result.error);
      }
      send(client, { type: 'nack', clientId, error: { code: error.code, message: error.message } });
      const ended = error.code === 'UNAUTHENTICATED' ? sessionEndReasonOf(error.details?.reason) : null;
      if (ended) endedSessions.set(client, ended);
    });
    // After every nack of the batch went out: closing first would swallow the later ones.
    for (const [client, reason] of endedSessions) this.endClient(client, reason);
  }
}
