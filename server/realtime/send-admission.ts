/**
 * Visitors' message.send frames pass the widget's message budget (a MessageLimiter, send-limiter.ts)
 * before they reach the group commit; staff frames go straight through. A refusal is a `nack`
 * with RATE_LIMITED for that clientId, which the widget's outbox keeps and sends again later.
 *
 * Order: the check may wait on its store (Redis, later), so each connection's frames queue
 * behind one another. And once a frame was refused, every later send on that connection is
 * refused too until the refused clientId comes again — otherwise a message sent after it could
 * be stored before it when the window turns over in between.
 */
import type { ClientFrame } from '../../shared/index.js';
import { type Client, send } from './client.js';
import { type FrameLog, logFrameFailure } from './frame-errors.js';
import type { MessageLimiter } from './send-limiter.js';

type SendFrame = Extract<ClientFrame, { type: 'message.send' }>;

interface Line {
  /** The previous frame's check; the next one starts after it. */
  tail: Promise<void>;
  /** clientId of the refused frame everything else waits behind, or null. */
  heldFor: string | null;
}

export class SendAdmission {
  private readonly lines = new WeakMap<Client, Line>();

  constructor(
    private readonly limiter: MessageLimiter,
    /** The group commit (MessageBatch.add). */
    private readonly admit: (client: Client, frame: SendFrame) => void,
    /** True once the hub is closing: nothing may reach the store any more (the widget resends). */
    private readonly closing: () => boolean,
    /** A check that failed (the limiter's store is down) is logged; the visitor only hears "later". */
    private readonly log: FrameLog,
  ) {}

  add(client: Client, frame: SendFrame): void {
    const principal = client.principal;
    if (principal?.kind !== 'visitor') return this.admit(client, frame);
    let line = this.lines.get(client);
    if (!line) this.lines.set(client, (line = { tail: Promise.resolve(), heldFor: null }));
    const current = line;
    current.tail = current.tail
      .then(() => this.check(client, current, frame, principal.visitor.id))
      .catch((err: unknown) => {
        logFrameFailure(this.log, client, 'message.send', err);
        this.refuse(client, frame, 'INTERNAL', 'The message could not be checked; it will be sent again');
      });
  }

  private async check(client: Client, line: Line, frame: SendFrame, visitorId: string): Promise<void> {
    const clientId = frame.message.clientId;
    if (line.heldFor !== null && line.heldFor !== clientId) {
      return this.refuse(client, frame, 'RATE_LIMITED', 'An earlier message is waiting to be sent again; this one goes after it');
    }
    const verdict = await this.limiter.hit('message', { visitorId, ip: client.ip });
    if (this.closing()) return;
    if (!verdict.allowed) {
      line.heldFor = clientId;
      return this.refuse(client, frame, 'RATE_LIMITED', verdict.message);
    }
    line.heldFor = null;
    this.admit(client, frame);
  }

  private refuse(client: Client, frame: SendFrame, code: 'RATE_LIMITED' | 'INTERNAL', message: string): void {
    send(client, { type: 'nack', clientId: frame.message.clientId, error: { code, message } });
  }
}
