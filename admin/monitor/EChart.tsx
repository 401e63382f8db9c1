import { useEffect, useRef } from 'react';

/** What ECharts says of a clicked item: which series and which item of its data. */
export interface ChartPoint {
  seriesIndex: number;
  dataIndex: number;
}

/**
 * One ECharts chart, loaded on first use (the console's other pages do not carry it). The chart is
 * a picture for sighted users: `label` says the same in words for assistive technology.
 */
export function EChart({
  option,
  label,
  height = 220,
  onClick,
}: {
  option: Record<string, unknown>;
  label: string;
  height?: number;
  /** A bar, point or slice was clicked (报表 drill-down); the same is reachable from the page's tables. */
  onClick?: (point: ChartPoint) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<{ setOption(o: unknown, notMerge?: boolean): void; resize(): void; dispose(): void } | null>(null);
  const latest = useRef(option);
  latest.current = option;
  const clicked = useRef(onClick);
  clicked.current = onClick;

  useEffect(() => {
    let disposed = false;
    const resize = () => chart.current?.resize();
    void import('echarts')
      .then((echarts) => {
        if (disposed || !element.current) return;
        const instance = echarts.init(element.current, null, { renderer: 'svg' });
        instance.setOption(latest.current, true);
        instance.on('click', (point) => clicked.current?.({ seriesIndex: point.seriesIndex ?? 0, dataIndex: point.dataIndex }));
        chart.current = instance;
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
