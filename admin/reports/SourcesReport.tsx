import { Col, Row, Tabs } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SourceDimensionSchema, type SourceDimension, type SourceRow, type SourcesReport as Report } from '../../shared/protocol/rest-reports.js';
import { ChartCard } from './ChartCard.js';
import { categoryChart } from './charts.js';
import { useDrill } from './drill.js';
import { formatFigure } from './format.js';
import { KpiCards, type Kpi } from './KpiCards.js';
import { ReportTable, type Metric } from './ReportTable.js';

/** Bars in one chart at most: the table lists every row. */
const CHART_ROWS = 10;

/** A source value in words: '' is "none" in its dimension's terms, null the summed "other" row. */
function keyText(t: TFunction, dimension: SourceDimension, key: string | null): string {
  if (key === null) return t('reports.sources.other');
  if (key === '') return t(`reports.sources.empty.${dimension}`);
  return key;
}

/** 来源: where the visitors who started conversations came from — source, keyword, region, landing page. */
export function SourcesReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const drill = useDrill();
  const label = (key: string) => t(`reports.sources.${key}`);
  const { totals, previousTotals: previous } = report;
  const kpis: Kpi[] = [
    { key: 'conversations', label: label('conversations'), value: totals.conversations, previous: previous?.conversations, kind: 'count', better: 'up' },
    { key: 'visitors', label: label('visitors'), value: totals.visitors, previous: previous?.visitors, kind: 'count', better: 'up' },
  ];
  const tab = (dimension: SourceDimension) => {
    const rows = report[dimension];
    const name = (r: SourceRow) => keyText(t, dimension, r.key);
    const metrics: Metric<SourceRow>[] = [
      {
        key: 'conversations',
        title: label('conversations'),
        kind: 'count',
        value: (r) => r.conversations,
        // The summed "other" row stands for many values: nothing single to open.
        drill: (r) => (r.key === null ? null : { measure: 'source', dimension, key: r.key }),
      },
      { key: 'visitors', title: label('visitors'), kind: 'count', value: (r) => r.visitors },
      { key: 'share', title: label('share'), kind: 'rate', value: (r) => (totals.conversations === 0 ? null : r.conversations / totals.conversations) },
    ];
    const top = rows.slice(0, CHART_ROWS);
    return {
      key: dimension,
      label: label(`dimension.${dimension}`),
      children: (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={10}>
            <ChartCard
              title={t('reports.sources.chart', { dimension: label(`dimension.${dimension}`) })}
              option={categoryChart({
                categories: top.map(name),
                series: [{ name: label('conversations'), data: top.map((r) => r.conversations) }],
                xName: t('reports.axis.conversations'),
                yName: label(`dimension.${dimension}`),
                type: 'bar',
                horizontal: true,
              })}
              summary={top.map((r) => [name(r), formatFigure(r.conversations, 'count')])}
              empty={top.length === 0}
              height={Math.max(260, top.length * 28 + 60)}
              onClick={({ dataIndex }) => {
                const row = top[dataIndex];
                if (row && row.key !== null) drill(`${name(row)} ${label('conversations')}`, { measure: 'source', dimension, key: row.key });
              }}
            />
          </Col>
          <Col xs={24} xl={14}>
            <ReportTable
              caption={t('reports.tableOf', { report: t('reports.tabs.sources'), by: label(`dimension.${dimension}`) })}
              rows={rows}
              rowKey={(r) => r.key ?? '\u0000other'}
              name={{ title: label(`dimension.${dimension}`), text: name }}
              metrics={metrics}
            />
          </Col>
        </Row>
      ),
    };
  };
  return (
    <>
      <KpiCards items={kpis} />
      <Tabs size="small" items={SourceDimensionSchema.options.map(tab)} />
    </>
  );
}
