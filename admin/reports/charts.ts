/**
 * ECharts options of the reports, in one look: the console's Chinese-capable fonts (ECharts draws
 * its own text and would otherwise pick a Latin-only default), named axes, a tooltip per axis, no
 * animation on a page people read. Values reach the tooltip formatted as the tables format them.
 */
import { formatFigure, type FigureKind } from './format.js';

/** The console's font stack (admin.css): CJK glyphs render the same inside charts. */
const FONT = "-apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export interface Series {
  name: string;
  data: (number | null)[];
  /** Drawn as bars (the default for hours) or a line (the default for days). */
  type?: 'line' | 'bar';
  stack?: string;
}

const base = (legend: boolean) => ({
  animation: false,
  textStyle: { fontFamily: FONT },
  legend: legend ? { top: 0, textStyle: { fontFamily: FONT } } : undefined,
  tooltip: { trigger: 'axis' },
});

/** Values per category (days, hours, agents) as lines or bars; `kind` formats the axis and tooltip. */
export function categoryChart({
  categories,
  series,
  xName,
  yName,
  kind = 'count',
  type = 'line',
  horizontal = false,
}: {
  categories: string[];
  series: Series[];
  xName: string;
  yName: string;
  kind?: FigureKind;
  type?: 'line' | 'bar';
  horizontal?: boolean;
}): Record<string, unknown> {
  const format = (value: number) => formatFigure(value, kind);
  const categoryAxis = {
    type: 'category',
    data: categories,
    name: xName,
    nameLocation: 'middle',
    nameGap: horizontal ? 90 : 28,
    axisLabel: { hideOverlap: true },
  };
  const valueAxis = {
    type: 'value',
    name: yName,
    minInterval: kind === 'count' ? 1 : undefined,
    axisLabel: { formatter: format },
  };
  return {
    ...base(series.length > 1),
    grid: { left: horizontal ? 110 : 64, right: 24, top: series.length > 1 ? 40 : 28, bottom: 40, containLabel: false },
    tooltip: { trigger: 'axis', valueFormatter: (value: number | null) => (value === null ? '—' : format(value)) },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true, nameLocation: 'end', nameGap: 8 } : valueAxis,
    series: series.map((s) => ({
      name: s.name,
      type: s.type ?? type,
      data: s.data,
      stack: s.stack,
      smooth: false,
      connectNulls: false,
      barMaxWidth: 32,
      emphasis: { focus: 'series' },
    })),
  };
}

/** Shares of a whole (who ended the conversations, ratings, topics). */
export function pieChart(items: { name: string; value: number }[], kind: FigureKind = 'count'): Record<string, unknown> {
  return {
    ...base(false),
    tooltip: { trigger: 'item', valueFormatter: (value: number) => formatFigure(value, kind) },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        data: items,
        label: { formatter: '{b}\n{d}%', fontFamily: FONT },
        avoidLabelOverlap: true,
      },
    ],
  };
}

/** Whether a chart would draw nothing but axes (then the page says 暂无数据 instead). */
export const isEmptySeries = (series: Series[]): boolean => series.every((s) => s.data.every((v) => v === null || v === 0));
