import { useEffect, useRef } from 'react';

/**
 * One ECharts chart, loaded on first use (the console's other pages do not carry it). The chart is
 * a picture for sighted users: `label` says the same in words for assistive technology.
 */
export function EChart({ option, label, height = 220 }: { option: Record<string, unknown>; label: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<{ setOption(o: unknown, notMerge?: boolean): void; resize(): void; dispose(): void } | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    const resize = () => chart.current?.resize();
    void import('echarts')
      .then((echarts) => {
        if (disposed || !element.current) return;
        chart.current = echarts.init(element.current, null, { renderer: 'svg' });
        chart.current.setOption(latest.current, true);
        window.addEventListener('resize', resize);
      })
      // No chart (an old browser, a test DOM): the label still says everything.
      .catch(() => undefined);
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    try {
      chart.current?.setOption(option, true);
    } catch {
      // As above: the label stands in for a chart that cannot draw.
    }
  }, [option]);

  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
