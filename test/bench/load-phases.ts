/**
 * The two measured phases, identical for every target:
 *  - open loop: a fixed offered rate spread round-robin over all visitors; latency is measured
 *    from the visitor's send (timestamp embedded in the text) to the agent's `message.created`;
 *  - max throughput: each visitor keeps `window` messages in flight and sends the next on each ack.
 * Both end by time (and by a message cap), then drain until the ledger settles or time runs out.
 */
import { performance } from 'node:perf_hooks';
import { uuidv7 } from '../../shared/ids.js';
import type { ServerFrame } from '../../shared/protocol/realtime.js';
import { DeliveryLedger, type DeliveryVerdict } from './delivery-ledger.js';
import type { RealtimeConnection } from './realtime-client.js';
import { summarize, type LatencySummary } from './stats.js';

export interface BenchAgent {
  id: string;
  connection: RealtimeConnection;
}

export interface BenchVisitor {
  conversationId: string;
  agentId: string;
  /** The kefu visitor's id (absent on the relay): which node its socket sits on is looked up by it. */
  visitorId?: string;
  connection: RealtimeConnection;
}

export interface Population {
  agents: BenchAgent[];
  visitors: BenchVisitor[];
}

export interface PhaseOptions {
  seconds: number;
  drainSeconds: number;
  maxMessages: number;
  messageChars: number;
}

export interface PhaseResult {
  /** Wall time of the sending part of the phase. */
  seconds: number;
  /** Acks (stored messages) per second while sending. */
  ackedPerSecond: number;
  /** Agent receipts per second while sending. */
  deliveredPerSecond: number;
  /** Visitor send → visitor ack. */
  ackLatency: LatencySummary;
  /** Visitor send → agent receives `message.created`. */
  deliveryLatency: LatencySummary;
  drainMs: number;
  verdict: DeliveryVerdict;
  nackCodes: Record<string, number>;
}

/** Text starting with the send time (performance.now(), ms) so the receiver can compute latency. */
function makeText(padding: string): string {
  return `${performance.now().toFixed(3)} ${padding}`;
}

function sendTimeOf(text: string): number {
  return Number.parseFloat(text);
}

interface PhaseRun {
  ledger: DeliveryLedger;
  ackLatencies: number[];
  deliveryLatencies: number[];
  send(visitor: BenchVisitor): void;
}

/** Installs the phase's frame handlers; `onAnswer` runs after each ack/nack of a visitor. */
function startPhase(population: Population, options: PhaseOptions, onAnswer: (visitor: BenchVisitor) => void): PhaseRun {
  const agentByConversation = new Map(population.visitors.map((v) => [v.conversationId, v.agentId]));
  const ledger = new DeliveryLedger(agentByConversation);
  const ackLatencies: number[] = [];
  const deliveryLatencies: number[] = [];
  const padding = 'x'.repeat(Math.max(1, options.messageChars - 16));

  for (const agent of population.agents) {
    agent.connection.onFrame = (frame: ServerFrame) => {
      if (frame.type !== 'event' || frame.event.type !== 'message.created') return;
      const message = frame.event.message;
      if (message.sender !== 'visitor') return;
      if (ledger.delivered(message.clientId, message.conversationId, agent.id)) deliveryLatencies.push(performance.now() - sendTimeOf(message.text));
    };
  }
  for (const visitor of population.visitors) {
    visitor.connection.onFrame = (frame: ServerFrame) => {
      if (frame.type === 'ack') {
        if (ledger.acked(frame.clientId)) ackLatencies.push(performance.now() - sendTimeOf(frame.message.text));
        onAnswer(visitor);
      } else if (frame.type === 'nack') {
        ledger.nacked(frame.clientId, frame.error.code);
        onAnswer(visitor);
      }
    };
  }
  return {
    ledger,
    ackLatencies,
    deliveryLatencies,
    send(visitor) {
      const clientId = uuidv7();
      ledger.sent(clientId);
      visitor.connection.send({ type: 'message.send', conversationId: visitor.conversationId, message: { clientId, kind: 'text', text: makeText(padding) } });
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for outstanding acks and deliveries. An overloaded target may still be working through a
 * backlog, which is slowness, not loss: keep waiting while counts move, give up after
 * `idleSeconds` without progress or DRAIN_CAP_MS in all.
 */
const DRAIN_CAP_MS = 30_000;
async function drain(ledger: DeliveryLedger, idleSeconds: number): Promise<number> {
  const start = performance.now();
  let lastProgress = start;
  let lastCount = -1;
  while (!ledger.settled()) {
    const now = performance.now();
    const count = ledger.ackCount + ledger.nackCount + ledger.deliveryCount;
    if (count !== lastCount) {
      lastCount = count;
      lastProgress = now;
    }
    if (now - lastProgress > idleSeconds * 1000 || now - start > DRAIN_CAP_MS) break;
    await sleep(10);
  }
  return performance.now() - start;
}

function finish(population: Population, run: PhaseRun, seconds: number, acked: number, delivered: number, drainMs: number): PhaseResult {
  for (const agent of population.agents) agent.connection.onFrame = () => undefined;
  for (const visitor of population.visitors) visitor.connection.onFrame = () => undefined;
  return {
    seconds,
    ackedPerSecond: acked / seconds,
    deliveredPerSecond: delivered / seconds,
    ackLatency: summarize(run.ackLatencies),
    deliveryLatency: summarize(run.deliveryLatencies),
    drainMs,
    verdict: run.ledger.verdict(),
    nackCodes: Object.fromEntries(run.ledger.nackCodes),
  };
}

export async function runOpenLoop(population: Population, options: PhaseOptions, ratePerSecond: number): Promise<PhaseResult> {
  const run = startPhase(population, options, () => undefined);
  const visitors = population.visitors;
  const durationMs = options.seconds * 1000;
  const start = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    // A 1 ms timer tick sends whatever the schedule says is due; the actual send time is what
    // goes into the text, so a late tick shows up as latency of neither target.
    const tick = (): void => {
      const elapsed = performance.now() - start;
      const due = Math.min(options.maxMessages, Math.floor((Math.min(elapsed, durationMs) * ratePerSecond) / 1000));
      while (sent < due) {
        run.send(visitors[sent % visitors.length]!);
        sent += 1;
      }
      if (elapsed >= durationMs || sent >= options.maxMessages) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  const seconds = (performance.now() - start) / 1000;
  const acked = run.ledger.ackCount;
  const delivered = run.ledger.deliveryCount;
  const drainMs = await drain(run.ledger, options.drainSeconds);
  return finish(population, run, seconds, acked, delivered, drainMs);
}

export async function runMaxThroughput(population: Population, options: PhaseOptions, window: number): Promise<PhaseResult> {
  const inFlight = new Map<BenchVisitor, number>();
  let stopped = false;
  const pump = (visitor: BenchVisitor): void => {
    let count = inFlight.get(visitor) ?? 0;
    while (!stopped && count < window && run.ledger.sentCount < options.maxMessages) {
      run.send(visitor);
      count += 1;
    }
    inFlight.set(visitor, count);
  };
  const run = startPhase(population, options, (visitor) => {
    inFlight.set(visitor, (inFlight.get(visitor) ?? 1) - 1);
    pump(visitor);
  });
  const start = performance.now();
  for (const visitor of population.visitors) pump(visitor);
  await sleep(options.seconds * 1000);
  stopped = true;
  const seconds = (performance.now() - start) / 1000;
  const acked = run.ledger.ackCount;
  const delivered = run.ledger.deliveryCount;
  const drainMs = await drain(run.ledger, options.drainSeconds);
  return finish(population, run, seconds, acked, delivered, drainMs);
}
