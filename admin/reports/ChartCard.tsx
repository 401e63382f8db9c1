import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartPoint } from '../monitor/EChart.js';

/**
 * One chart in a card, or 暂无数据 when it would draw nothing. `summary` is what it shows in words,
 * its accessible name (at most a dozen items, the tables below have all of it).
 */
export function ChartCard({
  title,
  option,
  summary,
  empty,
  onClick,
  height = 260,
}: {
  title: string;
  option: Record<string, unknown>;
  summary: [string, string][];
  empty: boolean;
  onClick?: (point: ChartPoint) => void;
  height?: number;
}) {
  const { t } = useTranslation();
  const shown = summary.slice(0, 12).map(([name, value]) => t('reports.chart.item', { name, value }));
  const label = t('reports.chart.label', { title, items: shown.join(t('reports.chart.separator')) + (summary.length > shown.length ? '…' : '') });
  return (
    <Card size="small" title={title} className="admin-report-chart">
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.empty')} style={{ height: height - 40 }} />
      ) : (
        <EChart option={option} label={label} height={height} onClick={onClick} />
      )}
    </Card>
  );
}
