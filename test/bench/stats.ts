import { cpus } from 'node:os';

/** Latency summaries over raw samples (milliseconds). Samples are kept whole: phases are bounded. */

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile over an ascending array. */
function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samples: number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
  };
}

/** CPU time a process used over an interval, as a share of one core (1.0 = one core busy). */
export function coreShare(before: NodeJS.CpuUsage, after: NodeJS.CpuUsage, wallMs: number): number {
  if (wallMs <= 0) return Number.NaN;
  const usedMicros = after.user - before.user + (after.system - before.system);
  return usedMicros / 1000 / wallMs;
}

/** Busy time summed over all cores of the machine (ms), to see what other processes took. */
export function machineBusyMs(): number {
  let busy = 0;
  for (const cpu of cpus()) busy += cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq;
  return busy;
}

/** Share of an interval the event loop was busy (1.0 = never idle: that process is the limit). */
export function loopUtilization(before: { idle: number; active: number }, after: { idle: number; active: number }): number {
  const active = after.active - before.active;
  const total = active + (after.idle - before.idle);
  return total > 0 ? active / total : Number.NaN;
}
