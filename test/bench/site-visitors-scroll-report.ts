/** The 访客监控 scrolling bench's figures: frame times summarised, and the side-by-side table. */
import { cpus } from 'node:os';
import type { FrameSamples } from './site-visitors-scroll-page.js';

/** 60 Hz: the rate the issue asks for and the one Chromium paces rAF at, headless too (the plain list shows it). */
export const FRAME_MS = 1000 / 60;
/** The "keeps 60 fps", read as: at least 95 % of 60 frames a second and at most 5 % of them dropped. */
export const TARGET = { fps: 57, droppedPercent: 5 } as const;

export interface ScrollFigures {
  name: string;
  seconds: number;
  frames: number;
  fps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Frames that should have been shown at 60 Hz but were not, as a share of those that should have. */
  droppedPercent: number;
  longTasks: number;
  longTaskMs: number;
  blankPercent: number;
  /** CPU all of Chromium's renderer processes used, ms per second of scrolling (Chrome's own count). */
  rendererCpuMsPerSecond: number;
  changesPerSecond: number;
  /** Every process on the machine (this run's and anyone else's), in cores busy: near the core count, the page waited for one. */
  machineBusyCores: number;
}

/** Nearest-rank percentile over an ascending array. */
const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? NaN;

export function figures(name: string, samples: FrameSamples, rendererCpuMs: number, machineBusyMs: number): ScrollFigures {
  const deltas = samples.deltas;
  const sorted = [...deltas].sort((a, b) => a - b);
  const totalMs = deltas.reduce((sum, d) => sum + d, 0);
  // A frame of 2.9 intervals stood where three should have been: two dropped.
  const slots = deltas.reduce((sum, d) => sum + Math.max(1, Math.round(d / FRAME_MS)), 0);
  const seconds = totalMs / 1000;
  return {
    name,
    seconds,
    frames: deltas.length,
    fps: deltas.length / seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? NaN,
    droppedPercent: slots > 0 ? ((slots - deltas.length) / slots) * 100 : NaN,
    longTasks: samples.longTasks,
    longTaskMs: samples.longTaskMs,
    blankPercent: samples.samples > 0 ? (samples.blankSamples / samples.samples) * 100 : 0,
    rendererCpuMsPerSecond: rendererCpuMs / seconds,
    changesPerSecond: samples.changes / seconds,
    machineBusyCores: machineBusyMs / totalMs,
  };
}

export const meetsTarget = (f: ScrollFigures) => f.fps >= TARGET.fps && f.droppedPercent <= TARGET.droppedPercent;

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `×${(a / b).toFixed(2)}` : '—');

/** One column per run, the first being the plain list; then each of ours against it. */
export function scrollTable(plain: ScrollFigures, ours: ScrollFigures[]): string[] {
  const all = [plain, ...ours];
  const rows: { label: string; value: (f: ScrollFigures) => number; digits: number; compare: boolean }[] = [
    { label: 'fps', value: (f) => f.fps, digits: 1, compare: true },
    { label: 'frame time p50 ms', value: (f) => f.p50, digits: 1, compare: true },
    { label: 'frame time p95 ms', value: (f) => f.p95, digits: 1, compare: true },
    { label: 'frame time p99 ms', value: (f) => f.p99, digits: 1, compare: true },
    { label: 'frame time max ms', value: (f) => f.max, digits: 1, compare: false },
    { label: 'dropped frames %', value: (f) => f.droppedPercent, digits: 2, compare: false },
    { label: 'long tasks (> 50 ms)', value: (f) => f.longTasks, digits: 0, compare: false },
    { label: 'long-task ms', value: (f) => f.longTaskMs, digits: 0, compare: false },
    { label: 'renderer CPU ms/s', value: (f) => f.rendererCpuMsPerSecond, digits: 0, compare: true },
    { label: `machine busy, cores (of ${cpus().length})`, value: (f) => f.machineBusyCores, digits: 2, compare: false },
    { label: 'blank frames % (sampled)', value: (f) => f.blankPercent, digits: 1, compare: false },
    { label: 'visitor changes/s received', value: (f) => f.changesPerSecond, digits: 1, compare: false },
    { label: 'frames measured', value: (f) => f.frames, digits: 0, compare: false },
  ];
  const header = ['', ...all.map((f) => f.name), ...ours.map((f) => `${f.name}/plain`)];
  const lines = rows.map((row) => [
    row.label,
    ...all.map((f) => fixed(row.value(f), row.digits)),
    ...ours.map((f) => (row.compare ? ratio(row.value(f), row.value(plain)) : '')),
  ]);
  lines.push(['60 fps (≥ 57 fps, ≤ 5 % dropped)', ...all.map((f) => (meetsTarget(f) ? '✓' : '✗')), ...ours.map(() => '')]);
  const table = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  return table.map((cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}
