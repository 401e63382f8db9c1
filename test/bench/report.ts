/** The bench's output: a side-by-side table (kefu | relay | ratio) and a JSON record. */
import { cpus } from 'node:os';
import type { BenchConfig } from './config.js';
import type { PhaseMeasure, TargetResult } from './chat-load.js';

interface Row {
  metric: string;
  pick: (result: TargetResult) => number;
  digits: number;
}

const rows: Row[] = [
  { metric: 'open loop: stored (acked) msg/s', pick: (r) => r.openLoop.ackedPerSecond, digits: 0 },
  { metric: 'open loop: delivered msg/s', pick: (r) => r.openLoop.deliveredPerSecond, digits: 0 },
  { metric: 'open loop: visitor→agent p50 ms', pick: (r) => r.openLoop.deliveryLatency.p50, digits: 2 },
  { metric: 'open loop: visitor→agent p99 ms', pick: (r) => r.openLoop.deliveryLatency.p99, digits: 2 },
  { metric: 'open loop: visitor→agent max ms', pick: (r) => r.openLoop.deliveryLatency.max, digits: 2 },
  { metric: 'open loop: send→ack p50 ms', pick: (r) => r.openLoop.ackLatency.p50, digits: 2 },
  { metric: 'open loop: send→ack p99 ms', pick: (r) => r.openLoop.ackLatency.p99, digits: 2 },
  { metric: 'open loop: target CPU (cores)', pick: (r) => r.openLoop.targetCores, digits: 2 },
  { metric: 'open loop: target event-loop busy', pick: (r) => r.openLoop.targetLoop, digits: 2 },
  { metric: 'max: stored (acked) msg/s', pick: (r) => r.maxThroughput.ackedPerSecond, digits: 0 },
  { metric: 'max: delivered msg/s', pick: (r) => r.maxThroughput.deliveredPerSecond, digits: 0 },
  // Messages per CPU-second of the target: less sensitive to other processes sharing the machine.
  { metric: 'max: stored msg per target CPU-s', pick: (r) => r.maxThroughput.ackedPerSecond / r.maxThroughput.targetCores, digits: 0 },
  { metric: 'max: visitor→agent p50 ms', pick: (r) => r.maxThroughput.deliveryLatency.p50, digits: 2 },
  { metric: 'max: visitor→agent p99 ms', pick: (r) => r.maxThroughput.deliveryLatency.p99, digits: 2 },
  { metric: 'max: target CPU (cores)', pick: (r) => r.maxThroughput.targetCores, digits: 2 },
  { metric: 'max: load generator CPU (cores)', pick: (r) => r.maxThroughput.loadGeneratorCores, digits: 2 },
  { metric: 'max: target event-loop busy', pick: (r) => r.maxThroughput.targetLoop, digits: 2 },
  { metric: 'max: generator event-loop busy', pick: (r) => r.maxThroughput.loadGeneratorLoop, digits: 2 },
  { metric: 'max: other processes CPU (cores)', pick: (r) => r.maxThroughput.otherCores, digits: 2 },
  { metric: 'target RSS after run MB', pick: (r) => r.maxThroughput.targetRssMb, digits: 0 },
  { metric: 'setup (agents+visitors) ms', pick: (r) => r.setupMs, digits: 0 },
];

function format(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

export function environmentLine(): string {
  const list = cpus();
  return `node ${process.version}, ${process.platform}/${process.arch}, ${list.length} × ${list[0]?.model.trim() ?? 'unknown CPU'}`;
}

export function comparisonTable(kefu: TargetResult, relay: TargetResult): string {
  const header = ['metric', 'kefu server', 'bare ws relay', 'ratio kefu/relay'];
  const body = rows.map((row) => {
    const a = row.pick(kefu);
    const b = row.pick(relay);
    return [row.metric, format(a, row.digits), format(b, row.digits), b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a'];
  });
  const widths = header.map((_, col) => Math.max(...[header, ...body].map((line) => line[col]!.length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, col) => (col === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...body.map(line)].join('\n');
}

function verdictLine(name: string, phase: PhaseMeasure): string {
  const v = phase.verdict;
  const nacks = Object.entries(phase.nackCodes)
    .map(([code, n]) => `${code}×${n}`)
    .join(', ');
  const flags = `missing ${v.missing}, duplicates ${v.duplicates}, wrong agent ${v.wrongAgent}, unknown ${v.unknown}, unanswered ${v.unanswered}, delivered-unacked ${v.deliveredUnacked}`;
  return `  ${name.padEnd(15)} sent ${v.sent}, acked ${v.acked}, nacked ${v.nacked}${nacks ? ` (${nacks})` : ''}, delivered ${v.delivered}; ${flags}; drain ${phase.drainMs.toFixed(0)} ms → ${v.complete ? 'exactly once ✓' : 'INCOMPLETE ✗'}`;
}

export function deliveryReport(result: TargetResult): string {
  const lines = [`${result.kind}:`, verdictLine('open loop', result.openLoop), verdictLine('max throughput', result.maxThroughput)];
  if (result.socketProblems.length > 0) lines.push(`  socket problems (${result.socketProblems.length}): ${result.socketProblems.slice(0, 5).join('; ')}`);
  return lines.join('\n');
}

/** Which side saturated in the max-throughput phase: the target process or the load generator. */
export function bottleneck(result: TargetResult): string {
  const busy = 0.9;
  const noise =
    result.maxThroughput.otherCores >= 0.3 ? ` [other processes took ${result.maxThroughput.otherCores.toFixed(2)} cores: figures are disturbed]` : '';
  return `${bottleneckCause(result, busy)}${noise}`;
}

function bottleneckCause(result: TargetResult, busy: number): string {
  // Event-loop utilization, not CPU, decides: on a shared machine a starved process shows little
  // CPU yet its loop never idles. CPU figures are given for context.
  const { targetLoop, loadGeneratorLoop, targetCores, loadGeneratorCores } = result.maxThroughput;
  const detail = `(event loop busy: target ${targetLoop.toFixed(2)}, generator ${loadGeneratorLoop.toFixed(2)}; CPU cores: target ${targetCores.toFixed(2)}, generator ${loadGeneratorCores.toFixed(2)})`;
  if (targetLoop >= busy && targetLoop >= loadGeneratorLoop) return `${result.kind}: the target is saturated ${detail} — the figure is the target's limit`;
  if (loadGeneratorLoop >= busy) return `${result.kind}: the load generator is saturated ${detail} — the target may do more; the figure is a lower bound`;
  return `${result.kind}: neither event loop saturated ${detail} — bound by the window and round-trip latency`;
}

export function isComplete(result: TargetResult): boolean {
  return result.openLoop.verdict.complete && result.maxThroughput.verdict.complete && result.socketProblems.length === 0;
}

export function resultRecord(config: BenchConfig, kefu: TargetResult | null, relay: TargetResult | null, errors: string[]): object {
  const ratio = (pick: (r: TargetResult) => number): number | null => (kefu && relay && pick(relay) > 0 ? pick(kefu) / pick(relay) : null);
  return {
    finishedAt: new Date().toISOString(),
    environment: environmentLine(),
    config,
    kefu,
    relay,
    ratios: {
      maxStoredPerSecond: ratio((r) => r.maxThroughput.ackedPerSecond),
      maxDeliveredPerSecond: ratio((r) => r.maxThroughput.deliveredPerSecond),
      storedPerTargetCpuSecond: ratio((r) => r.maxThroughput.ackedPerSecond / r.maxThroughput.targetCores),
      openLoopP50: ratio((r) => r.openLoop.deliveryLatency.p50),
      openLoopP99: ratio((r) => r.openLoop.deliveryLatency.p99),
    },
    errors,
  };
}
