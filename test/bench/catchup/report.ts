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

export function restartTable(results: RestartResult[]): string[] {
  const widths = [26, 15, 11, 30, 24, 16, 28];
  const lines = [
    pad(['server', 'services start', 'usable', 'floor: page load (DOMContentLoaded)', 'usable − page load', 'page CPU', 'cache complete (from start)'], widths),
  ];
  for (const r of results) {
    const server = r.server === 'hung' ? 'hung (SIGSTOP)' : r.server === 'down' ? 'down (refused)' : `up, ${r.backlog} events missed`;
    const ownPart = r.usableMs - r.pageLoadedMs;
    lines.push(
      pad(
        [
          server,
          ms(r.servicesStartMs),
          ms(r.usableMs) + mark(r.usableMs, TARGETS.usableMs),
          ms(r.pageLoadedMs),
          ms(ownPart) + mark(ownPart, TARGETS.usableMs),
          ms(r.pageCpuMs),
          ms(r.cacheCompleteMs),
        ],
        widths,
      ),
    );
  }
  return lines;
}
