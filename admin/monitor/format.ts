/** Durations as the wallboard shows them: 1:05, 12:30, 1:02:03. */
export function formatDuration(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms)) return null;
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export const formatPercent = (ratio: number | null): string | null => (ratio === null ? null : `${Math.round(ratio * 1000) / 10}%`);

/** The status colours of the charts and tags (antd's palette). */
export const STATUS_COLORS = { online: '#52c41a', busy: '#faad14', away: '#8c8c8c', offline: '#d9d9d9' } as const;
