/**
 * 实时监控 to the supervisors' monitor sockets (`monitor.hello`): `wallboard` frames, one per board
 * (a skill group's, or the company total), on connect and when the board changed.
 *
 * No polling and no per-event work: anything that may move a figure (a commit, a status change,
 * an agent connecting or dropping) only marks the boards stale; they are recomputed from the
 * database at most once per REFRESH_MS, and only the boards that changed go out, each to the
 * supervisors allowed to see it. With several nodes the node where the change happened tells the
 * others on the bus (at most once per REFRESH_MS too); each recomputes for its own supervisors.
 */
import type { ServerFrame } from '../../shared/index.js';
import type { Wallboard } from '../../shared/protocol/rest-monitor.js';
import type { DomainContext, Principal } from '../domain/context.js';
import { computeWallboards, mayWatch } from '../domain/monitoring/wallboard.js';
import { type Client, send, sendEncoded } from './client.js';

/** The most often a board is recomputed and pushed (and a node tells the others). */
export const WALLBOARD_REFRESH_MS = 250;
/** Close code when a staff member who is not an admin or group leader opens a monitor socket. */
export const MONITOR_FORBIDDEN_CLOSE_CODE = 4403;

/** Runs `run` soon after trigger(), then not again for `intervalMs`: bursts become one run. */
class Throttle {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastAt = -Infinity;

  constructor(
    private readonly intervalMs: number,
    private readonly run: () => void,
  ) {}

  trigger(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastAt + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastAt = Date.now();
      this.run();
    }, wait);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

const boardKey = (board: Wallboard): string => board.groupId ?? '*';
// computedAt changes every time: a board is "changed" when anything else in it is.
const boardFacts = (board: Wallboard): string => JSON.stringify({ ...board, computedAt: 0 });

export class WallboardPush {
  private ctx!: DomainContext;
  private readonly supervisors = new Set<Client>();
  private readonly lastFacts = new Map<string, string>();
  private readonly refresher: Throttle;
  private readonly teller: Throttle | null;
  private stopped = false;

  /** `tellOthers`: note the other nodes on the bus (absent with a single node). */
  constructor(tellOthers: (() => void) | null, intervalMs = WALLBOARD_REFRESH_MS) {
    this.refresher = new Throttle(intervalMs, () => this.refresh());
    this.teller = tellOthers ? new Throttle(intervalMs, tellOthers) : null;
  }

  attach(ctx: DomainContext): void {
    this.ctx = ctx;
  }

  /**
   * A monitor socket said hello with this (authenticated) principal: an admin watches every board,
   * a group leader their group's; anyone else is refused and the socket closed.
   */
  welcome(client: Client, principal: Principal): void {
    const actor = principal.kind === 'staff' ? principal.agent : null;
    if (!actor || !(actor.role === 'admin' || (actor.role === 'leader' && actor.groupId !== null))) {
      send(client, { type: 'error', error: { code: 'FORBIDDEN', message: 'Only admins and group leaders open 实时监控' } });
      return void client.socket.close(MONITOR_FORBIDDEN_CLOSE_CODE, 'forbidden');
    }
    client.principal = principal;
    client.monitor = true;
    this.supervisors.add(client);
    for (const board of computeWallboards(this.ctx)) if (mayWatch(actor, board.groupId)) send(client, { type: 'wallboard', board });
  }

  remove(client: Client): void {
    this.supervisors.delete(client);
  }

  /** Something a board shows may have changed — here (`local`: tell the other nodes too) or on another node. */
  changed(local: boolean): void {
    if (this.stopped) return;
    if (local) this.teller?.trigger();
    if (this.supervisors.size > 0) this.refresher.trigger();
  }

  stop(): void {
    this.stopped = true;
    this.refresher.stop();
    this.teller?.stop();
  }

  private refresh(): void {
    if (this.stopped || this.supervisors.size === 0) return;
    for (const board of computeWallboards(this.ctx)) {
      const key = boardKey(board);
      const facts = boardFacts(board);
      if (this.lastFacts.get(key) === facts) continue;
      this.lastFacts.set(key, facts);
      const data = JSON.stringify({ type: 'wallboard', board } satisfies ServerFrame);
      for (const client of this.supervisors) {
        if (client.principal?.kind === 'staff' && mayWatch(client.principal.agent, board.groupId)) sendEncoded(client, data);
      }
    }
  }
}
