/**
 * How report figures read: counts with thousands separators, rates as percentages, short
 * durations as 分:秒 (the wallboard's format), long ones (online time, total talk time) as 时:分,
 * ratings with two decimals. A figure with nothing behind it (null) reads "—", never 0.
 */
import { formatDuration, formatPercent } from '../monitor/format.js';
import { currentLanguage } from '../i18n/index.js';

export type FigureKind = 'count' | 'rate' | 'duration' | 'hours' | 'decimal';

export const NONE = '—';

export function formatCount(value: number): string {
  return new Intl.NumberFormat(currentLanguage()).format(value);
}

/** Time as 时:分 (12:05 = twelve hours five minutes), for totals that run into hours. */
export function formatHoursMinutes(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return `${new Intl.NumberFormat(currentLanguage()).format(Math.floor(minutes / 60))}:${String(minutes % 60).padStart(2, '0')}`;
}

export function formatFigure(value: number | null | undefined, kind: FigureKind): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  switch (kind) {
    case 'count':
      return formatCount(value);
    case 'rate':
      return formatPercent(value) ?? NONE;
    case 'duration':
      return formatDuration(value) ?? NONE;
    case 'hours':
      return formatHoursMinutes(value);
    case 'decimal':
      return value.toFixed(2);
  }
}

/** Bytes for the export's progress (1.2 MB). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
