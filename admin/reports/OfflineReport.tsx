import { Col, Row, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfflineFigures, OfflineReport as Report } from '../../shared/protocol/rest-reports.js';
import { ChartCard } from './ChartCard.js';
import { categoryChart, isEmptySeries } from './charts.js';
import { useDrill } from './drill.js';
import { formatFigure } from './format.js';
import { KpiCards, type Kpi } from './KpiCards.js';
import { ReportTable, type Metric } from './ReportTable.js';
import { shortDay } from './rows.js';

/**
 * 留言: received, replied, reply rate and time to reply. Received is only known unfiltered (a 留言
 * has no group until someone replies): filtered, those figures read "—".
 */
export function OfflineReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const drill = useDrill();
  const label = (key: string) => t(`reports.offline.${key}`);
  const { totals, previousTotals: previous } = report;
  const kpis: Kpi[] = [
    {
      key: 'received',
      label: label('received'),
      value: totals.received,
      previous: previous ? previous.received : undefined,
      kind: 'count',
      drill: { measure: 'offlineReceived' },
    },
    {
      key: 'replied',
      label: label('replied'),
      value: totals.replied,
      previous: previous?.replied,
      kind: 'count',
      better: 'up',
      drill: { measure: 'offlineReplied' },
    },
    { key: 'replyRate', label: label('replyRate'), value: totals.replyRate, previous: previous ? previous.replyRate : undefined, kind: 'rate', better: 'up' },
    {
      key: 'replyAvgMs',
      label: label('replyAvg'),
      value: totals.replyAvgMs,
      previous: previous ? previous.replyAvgMs : undefined,
      kind: 'duration',
      better: 'down',
    },
  ];
  const dayMetrics: Metric<OfflineFigures & { date: string }>[] = [
    { key: 'received', title: label('received'), kind: 'count', value: (r) => r.received, drill: (r) => ({ measure: 'offlineReceived', date: r.date }) },
    { key: 'replied', title: label('replied'), kind: 'count', value: (r) => r.replied, drill: (r) => ({ measure: 'offlineReplied', date: r.date }) },
    { key: 'replyRate', title: label('replyRate'), kind: 'rate', value: (r) => r.replyRate },
    { key: 'replyAvgMs', title: label('replyAvg'), kind: 'duration', value: (r) => r.replyAvgMs },
  ];
  const agentMetrics: Metric<Report['byAgent'][number]>[] = [
    { key: 'replied', title: label('replied'), kind: 'count', value: (r) => r.replied, drill: (r) => ({ measure: 'offlineReplied', agentId: r.agentId }) },
    { key: 'replyAvgMs', title: label('replyAvg'), kind: 'duration', value: (r) => r.replyAvgMs },
  ];
  const series = [
    { name: label('received'), data: report.byDay.map((d) => d.received) },
    { name: label('replied'), data: report.byDay.map((d) => d.replied) },
  ];
  return (
    <>
      <KpiCards items={kpis} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24}>
          <ChartCard
            title={label('dayChart')}
            option={categoryChart({
              categories: report.byDay.map((d) => shortDay(d.date)),
              series,
              xName: t('reports.axis.date'),
              yName: t('reports.axis.messages'),
            })}
            summary={report.byDay.map((d) => [d.date, formatFigure(d.replied, 'count')])}
            empty={isEmptySeries(series)}
            onClick={({ dataIndex, seriesIndex }) => {
              const day = report.byDay[dataIndex];
              const measure = seriesIndex === 0 ? 'offlineReceived' : 'offlineReplied';
              if (day) drill(`${day.date} ${label(seriesIndex === 0 ? 'received' : 'replied')}`, { measure, date: day.date });
            }}
          />
        </Col>
      </Row>
      <Tabs
        size="small"
        items={[
          {
            key: 'day',
            label: t('reports.by.day'),
            children: (
              <ReportTable
                caption={t('reports.tableOf', { report: t('reports.tabs.offline'), by: t('reports.by.day') })}
                rows={report.byDay}
                rowKey={(r) => r.date}
                name={{ title: t('reports.axis.date'), text: (r) => r.date }}
                metrics={dayMetrics}
              />
            ),
          },
          {
            key: 'agent',
            label: label('byReplier'),
            children: (
              <ReportTable
                caption={t('reports.tableOf', { report: t('reports.tabs.offline'), by: label('byReplier') })}
                rows={report.byAgent}
                rowKey={(r) => r.agentId}
                name={{ title: t('reports.axis.agent'), text: (r) => r.agentName }}
                metrics={agentMetrics}
              />
            ),
          },
        ]}
      />
    </>
  );
}
