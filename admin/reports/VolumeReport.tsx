import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DrillMeasure, VolumeFigures, VolumeReport as Report } from '../../shared/protocol/rest-reports.js';
import { BreakdownTabs, type Narrowing } from './BreakdownTabs.js';
import { ChartCard } from './ChartCard.js';
import { categoryChart, isEmptySeries, pieChart } from './charts.js';
import { useDrill } from './drill.js';
import { formatFigure } from './format.js';
import { KpiCards, type Kpi } from './KpiCards.js';
import type { Metric } from './ReportTable.js';
import { hourName, shortDay } from './rows.js';

/** Who ended the conversations, with the drill measure of each. */
const ENDED_BY = [
  { by: 'visitor', measure: 'endedByVisitor' },
  { by: 'agent', measure: 'endedByAgent' },
  { by: 'system', measure: 'endedBySystem' },
] as const;

/** The figures of a volume row; each count opens its conversations narrowed to the row. */
function volumeMetrics<R extends VolumeFigures>(label: (key: string) => string, narrow: (row: R) => Narrowing): Metric<R>[] {
  const count = (key: keyof VolumeFigures & DrillMeasure): Metric<R> => ({
    key,
    title: label(key),
    kind: 'count',
    value: (r) => r[key],
    drill: (r) => ({ measure: key, ...narrow(r) }),
  });
  return [
    count('offered'),
    count('answered'),
    { key: 'answerRate', title: label('answerRate'), kind: 'rate', value: (r) => r.answerRate },
    count('abandoned'),
    { key: 'waitAvgMs', title: label('waitAvg'), kind: 'duration', value: (r) => r.waitAvgMs },
    { key: 'waitP90Ms', title: label('waitP90'), kind: 'duration', value: (r) => r.waitP90Ms },
    { key: 'firstResponseAvgMs', title: label('firstResponse'), kind: 'duration', value: (r) => r.firstResponseAvgMs },
    count('handled'),
    { key: 'handlingAvgMs', title: label('handlingAvg'), kind: 'duration', value: (r) => r.handlingAvgMs },
    { key: 'messages', title: label('messages'), kind: 'count', value: (r) => r.messages },
    { key: 'messagesPerConversation', title: label('messagesPer'), kind: 'decimal', value: (r) => r.messagesPerConversation },
    count('valid'),
    count('invalid'),
    ...ENDED_BY.map(({ by, measure }): Metric<R> => ({
      key: measure,
      title: label(measure),
      kind: 'count',
      value: (r) => r.endedBy[by],
      drill: (r) => ({ measure, ...narrow(r) }),
    })),
  ];
}

/**
 * 对话量: offered, answered, 接通率, abandoned, waits, response and handling times, messages, valid
 * and who ended them — per day, hour of day, group and agent.
 */
export function VolumeReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const drill = useDrill();
  const label = (key: string) => t(`reports.volume.${key}`);

  const { totals, previousTotals: previous } = report;
  const kpi = (key: keyof VolumeFigures, name: string, kind: Kpi['kind'], better: Kpi['better'], measure?: DrillMeasure): Kpi => ({
    key,
    label: label(name),
    value: totals[key] as number | null,
    previous: previous ? (previous[key] as number | null) : undefined,
    kind,
    better,
    drill: measure ? { measure } : undefined,
  });
  const kpis: Kpi[] = [
    kpi('offered', 'offered', 'count', 'neutral', 'offered'),
    kpi('answered', 'answered', 'count', 'up', 'answered'),
    kpi('answerRate', 'answerRate', 'rate', 'up'),
    kpi('abandoned', 'abandoned', 'count', 'down', 'abandoned'),
    kpi('waitAvgMs', 'waitAvg', 'duration', 'down'),
    kpi('waitP90Ms', 'waitP90', 'duration', 'down'),
    kpi('firstResponseAvgMs', 'firstResponse', 'duration', 'down'),
    kpi('handlingAvgMs', 'handlingAvg', 'duration', 'neutral'),
    kpi('handled', 'handled', 'count', 'neutral', 'handled'),
    kpi('messagesPerConversation', 'messagesPer', 'decimal', 'neutral'),
    kpi('valid', 'valid', 'count', 'neutral', 'valid'),
    kpi('invalid', 'invalid', 'count', 'down', 'invalid'),
  ];

  const days = report.byDay.map((d) => shortDay(d.date));
  const daySeries = [
    { name: label('offered'), data: report.byDay.map((d) => d.offered) },
    { name: label('answered'), data: report.byDay.map((d) => d.answered) },
    { name: label('abandoned'), data: report.byDay.map((d) => d.abandoned) },
  ];
  const hours = report.byHour.map((h) => hourName(t, h.hour));
  const hourSeries = [{ name: label('offered'), data: report.byHour.map((h) => h.offered) }];
  const endedItems = ENDED_BY.map((e) => ({ name: label(e.measure), value: totals.endedBy[e.by] }));

  return (
    <>
      <KpiCards items={kpis} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={12}>
          <ChartCard
            title={label('dayChart')}
            option={categoryChart({ categories: days, series: daySeries, xName: t('reports.axis.date'), yName: t('reports.axis.conversations') })}
            summary={report.byDay.map((d) => [d.date, formatFigure(d.offered, 'count')])}
            empty={isEmptySeries(daySeries)}
            onClick={({ dataIndex, seriesIndex }) => {
              const day = report.byDay[dataIndex];
              const measure = (['offered', 'answered', 'abandoned'] as const)[seriesIndex];
              if (day && measure) drill(`${day.date} ${label(measure)}`, { measure, date: day.date });
            }}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={label('hourChart')}
            option={categoryChart({
              categories: hours,
              series: hourSeries,
              xName: t('reports.axis.hour'),
              yName: t('reports.axis.conversations'),
              type: 'bar',
            })}
            summary={report.byHour.map((h) => [hourName(t, h.hour), formatFigure(h.offered, 'count')])}
            empty={isEmptySeries(hourSeries)}
            onClick={({ dataIndex }) => {
              const hour = report.byHour[dataIndex];
              if (hour) drill(`${hourName(t, hour.hour)} ${label('offered')}`, { measure: 'offered', hour: hour.hour });
            }}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={label('endedChart')}
            option={pieChart(endedItems)}
            summary={endedItems.map((e) => [e.name, formatFigure(e.value, 'count')])}
            empty={endedItems.every((e) => e.value === 0)}
            onClick={({ dataIndex }) => {
              const e = ENDED_BY[dataIndex];
              if (e) drill(label(e.measure), { measure: e.measure });
            }}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={label('agentChart')}
            option={categoryChart({
              categories: report.byAgent.map((a) => a.agentName),
              series: [{ name: label('handled'), data: report.byAgent.map((a) => a.handled) }],
              xName: t('reports.axis.conversations'),
              yName: t('reports.axis.agent'),
              type: 'bar',
              horizontal: true,
            })}
            summary={report.byAgent.map((a) => [a.agentName, formatFigure(a.handled, 'count')])}
            empty={report.byAgent.every((a) => a.handled === 0)}
            height={Math.max(260, report.byAgent.length * 22 + 60)}
            onClick={({ dataIndex }) => {
              const a = report.byAgent[dataIndex];
              if (a) drill(`${a.agentName} ${label('handled')}`, { measure: 'handled', agentId: a.agentId });
            }}
          />
        </Col>
      </Row>
      <BreakdownTabs<VolumeFigures>
        report="volume"
        rows={{ day: report.byDay, hour: report.byHour, group: report.byGroup, agent: report.byAgent }}
        metrics={(narrow) => volumeMetrics(label, narrow)}
      />
    </>
  );
}
