/** The catch-up bench's table: each figure beside its target and the floor measured in the same run. */
import { summarize } from '../stats.js';
import type { Floor } from './floor.js';
import type { PageOpenResult } from './page-open.js';
import type { RestartResult } from './restart.js';

export const TARGETS = { cacheCompleteMs: 2_000, lastOnScreenMs: 3_000, callP99Ms: 100, usableMs: 500 } as const;

const ms = (value: number | null) => (value === null || Number.isNaN(value) ? '—' : `${Math.round(value)} ms`);
const mark = (value: number | null, target: number) => (value === null ? '' : value <= target ? ' ✓' : ' ✗');
const pad = (cells: string[], widths: number[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');

export function pageOpenTable(results: { result: PageOpenResult; floor: Floor }[]): string[] {
  const widths = [8, 15, 18, 20, 28, 24, 12, 22, 20, 22];
  const lines = [
    pad(
      [
        'events',
        'reconnect wait',
        'cache complete',
        'last msg on screen',
        'page call p50 / p99 (n)',
        'idle page call p50/p99',
        'µs / event',
        'CPU: services / page',
        'floor: 1 transaction',
        'floor: commit per row',
      ],
      widths,
    ),
  ];
  for (const { result, floor } of results) {
    const calls = summarize(result.callSamples);
    const idle = summarize(result.idleCallSamples);
    lines.push(
      pad(
        [
          String(result.events),
          ms(result.reconnectWaitMs),
          ms(result.cacheCompleteMs) + mark(result.cacheCompleteMs, TARGETS.cacheCompleteMs),
          ms(result.lastOnScreenMs) + mark(result.lastOnScreenMs, TARGETS.lastOnScreenMs),
          `${ms(calls.p50)} / ${ms(calls.p99)}${mark(calls.p99, TARGETS.callP99Ms)} (${calls.count})`,
          `${ms(idle.p50)} / ${ms(idle.p99)}`,
          ((result.cacheCompleteMs * 1000) / result.events).toFixed(0),
          `${ms(result.servicesCpuMs)} / ${ms(result.pageCpuMs)}`,
          ms(floor.oneTransactionMs),
          ms(floor.commitPerRowMs),
        ],
        widths,
      ),
    );
  }
  return lines;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const range = (values: number[]) => (values.length > 1 ? `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}` : '');

/** One line per server condition: medians of its runs, and the range of usable. */
export function restartTable(results: RestartResult[]): string[] {
  const widths = [26, 15, 11, 12, 30, 24, 16, 28];
  const lines = [
    pad(
      [
        'server',
        'services start',
        'usable',
        'usable range',
        'floor: page load (DOMContentLoaded)',
        'usable − page load',
        'page CPU',
        'cache complete (from start)',
      ],
      widths,
    ),
  ];
  const conditions = [...new Set(results.map((r) => r.server))];
  for (const condition of conditions) {
    const runs = results.filter((r) => r.server === condition);
    const of = (pick: (r: RestartResult) => number | null) => {
      const values = runs.map(pick).filter((v): v is number => v !== null);
      return values.length ? median(values) : null;
    };
    const backlog = runs[0]!.backlog;
    const server = condition === 'hung' ? 'hung (SIGSTOP)' : condition === 'down' ? 'down (refused)' : `up, ${backlog} events missed`;
    const usable = of((r) => r.usableMs)!;
    const ownPart = of((r) => r.usableMs - r.pageLoadedMs)!;
    lines.push(
      pad(
        [
          server,
          ms(of((r) => r.servicesStartMs)),
          ms(usable) + mark(usable, TARGETS.usableMs),
          range(runs.map((r) => r.usableMs)),
          ms(of((r) => r.pageLoadedMs)),
          ms(ownPart) + mark(ownPart, TARGETS.usableMs),
          ms(of((r) => r.pageCpuMs)),
          ms(of((r) => r.cacheCompleteMs)),
        ],
        widths,
      ),
    );
  }
  return lines;
}
