import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfflineFigures, OfflineReport as Report } from '../../shared/protocol/rest-reports.js';
import { BreakdownTabs, type Dimension, type Narrowing } from './BreakdownTabs.js';
import { ChartCard } from './ChartCard.js';
import { categoryChart, isEmptySeries } from './charts.js';
import { useDrill } from './drill.js';
import { formatFigure } from './format.js';
import { KpiCards, type Kpi } from './KpiCards.js';
import type { Metric } from './ReportTable.js';
import { shortDay } from './rows.js';

/**
 * The figures of a 留言 row. A replier's row has only what they did: received and the reply rate
 * belong to the day the 留言 was left.
 */
function offlineMetrics<R extends OfflineFigures>(label: (key: string) => string, narrow: (row: R) => Narrowing, dimension: Dimension): Metric<R>[] {
  const replied: Metric<R> = {
    key: 'replied',
    title: label('replied'),
    kind: 'count',
    value: (r) => r.replied,
    drill: (r) => ({ measure: 'offlineReplied', ...narrow(r) }),
  };
  const replyAvg: Metric<R> = { key: 'replyAvgMs', title: label('replyAvg'), kind: 'duration', value: (r) => r.replyAvgMs };
  if (dimension === 'agent') return [replied, replyAvg];
  return [
    { key: 'received', title: label('received'), kind: 'count', value: (r) => r.received, drill: (r) => ({ measure: 'offlineReceived', ...narrow(r) }) },
    replied,
    { key: 'replyRate', title: label('replyRate'), kind: 'rate', value: (r) => r.replyRate },
    replyAvg,
  ];
}

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
      <BreakdownTabs<OfflineFigures>
        report="offline"
        rows={{ day: report.byDay, agent: report.byAgent }}
        metrics={(narrow, dimension) => offlineMetrics(label, narrow, dimension)}
        labels={{ agent: label('byReplier') }}
      />
    </>
  );
}
