/**
 * `phone.status` frames: the agent's workstation reports its phone (话务状态). At most one write per
 * socket every PHONE_REPORT_MIN_MS — reports closer together are coalesced and the newest is written
 * when the interval is up — so a misbehaving client costs the database a few writes a second at most.
 */
import type { ClientFrame } from '../../shared/index.js';
import type { PhoneStatus } from '../../shared/protocol/rest-monitor.js';
import type { DomainContext } from '../domain/context.js';
import { DomainError, refuse } from '../domain/errors.js';
import { reportPhoneStatus } from '../domain/monitoring/phone-status.js';
import type { Client } from './client.js';
import type { FrameLog } from './frame-errors.js';

export const PHONE_REPORT_MIN_MS = 200;

interface Pending {
  lastAt: number;
  status: PhoneStatus | null;
  timer: NodeJS.Timeout | null;
}

export class PhoneReports {
  private readonly pending = new WeakMap<Client, Pending>();

  constructor(
    private readonly ctx: () => DomainContext,
    private readonly nodeId: string,
    /** A phone status changed: the boards may have. */
    private readonly changed: () => void,
    private readonly closing: () => boolean,
    private readonly log: FrameLog,
  ) {}

  handle(client: Client, frame: Extract<ClientFrame, { type: 'phone.status' }>): void {
    const principal = client.principal;
    if (principal?.kind !== 'staff') return refuse('FORBIDDEN', 'Only a workstation reports its phone');
    const agentId = principal.agent.id;
    // A 对话监控 socket is the console watching, not the agent's workstation: it holds no connection to report for.
    if (client.supervising) refuse('INVALID_STATE', 'A supervising socket has no phone');
    const state = this.pending.get(client) ?? { lastAt: -Infinity, status: null, timer: null };
    this.pending.set(client, state);
    const now = Date.now();
    if (!state.timer && now - state.lastAt >= PHONE_REPORT_MIN_MS) {
      state.lastAt = now;
      return this.write(agentId, frame.status);
    }
    state.status = frame.status;
    state.timer ??= setTimeout(
      () => {
        state.timer = null;
        state.lastAt = Date.now();
        const status = state.status;
        state.status = null;
        // Gone meanwhile: the connection's status went with it.
        if (status === null || this.closing() || client.sessionEnded || client.socket.readyState !== client.socket.OPEN) return;
        try {
          this.write(agentId, status);
        } catch (err) {
          // Not connected here any more (the last socket closed in between): nothing to keep.
          if (!(err instanceof DomainError && err.code === 'INVALID_STATE')) this.log.error({ err, agentId }, 'phone status failed');
        }
      },
      Math.max(0, state.lastAt + PHONE_REPORT_MIN_MS - now),
    );
    state.timer.unref();
  }

  /** The socket closed: a coalesced report still waiting is dropped. */
  forget(client: Client): void {
    const state = this.pending.get(client);
    if (state?.timer) clearTimeout(state.timer);
    this.pending.delete(client);
  }

  private write(agentId: string, status: PhoneStatus): void {
    if (reportPhoneStatus(this.ctx(), this.nodeId, agentId, status)) this.changed();
  }
}
