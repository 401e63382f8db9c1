import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallFigures, CallsReport as Report, DrillMeasure } from '../../shared/protocol/rest-reports.js';
import { BreakdownTabs, type Narrowing } from './BreakdownTabs.js';
import { ChartCard } from './ChartCard.js';
import { categoryChart, isEmptySeries } from './charts.js';
import { useDrill } from './drill.js';
import { formatFigure } from './format.js';
import { KpiCards, type Kpi } from './KpiCards.js';
import type { Metric } from './ReportTable.js';
import { hourName, shortDay } from './rows.js';

/** The counted figures of calls and the drill measure of each. */
const COUNTS = [
  ['offered', 'callsOffered'],
  ['answered', 'callsAnswered'],
  ['missed', 'callsMissed'],
  ['abandoned', 'callsAbandoned'],
  ['failed', null],
  ['outbound', 'callsOutbound'],
  ['outboundAnswered', null],
] as const satisfies readonly (readonly [keyof CallFigures, DrillMeasure | null])[];

function callMetrics<R extends CallFigures>(label: (key: string) => string, narrow: (row: R) => Narrowing): Metric<R>[] {
  return [
    ...COUNTS.map(([key, measure]): Metric<R> => ({
      key,
      title: label(key),
      kind: 'count',
      value: (r) => r[key],
      drill: measure === null ? undefined : (r) => ({ measure, ...narrow(r) }),
    })),
    { key: 'answerRate', title: label('answerRate'), kind: 'rate', value: (r) => r.answerRate },
    { key: 'talkMs', title: label('talkMs'), kind: 'hours', value: (r) => r.talkMs },
    { key: 'talkAvgMs', title: label('talkAvgMs'), kind: 'duration', value: (r) => r.talkAvgMs },
  ];
}

/** 通话: offered, answered, missed, abandoned and talk time from the call log, per day, hour and agent. */
export function CallsReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const drill = useDrill();
  const label = (key: string) => t(`reports.calls.${key}`);
  const { totals, previousTotals: previous } = report;
  const kpi = (key: keyof CallFigures, kind: Kpi['kind'], better: Kpi['better'], measure?: DrillMeasure): Kpi => ({
    key,
    label: label(key),
    value: totals[key],
    previous: previous ? previous[key] : undefined,
    kind,
    better,
    drill: measure ? { measure } : undefined,
  });
  const kpis: Kpi[] = [
    kpi('offered', 'count', 'neutral', 'callsOffered'),
    kpi('answered', 'count', 'up', 'callsAnswered'),
    kpi('answerRate', 'rate', 'up'),
    kpi('missed', 'count', 'down', 'callsMissed'),
    kpi('abandoned', 'count', 'down', 'callsAbandoned'),
    kpi('outbound', 'count', 'neutral', 'callsOutbound'),
    kpi('talkMs', 'hours', 'neutral'),
    kpi('talkAvgMs', 'duration', 'neutral'),
  ];
  const DAY_MEASURES = ['callsOffered', 'callsAnswered', 'callsMissed'] as const;
  const daySeries = (['offered', 'answered', 'missed'] as const).map((key) => ({ name: label(key), data: report.byDay.map((d) => d[key]) }));
  const hourSeries = [{ name: label('offered'), data: report.byHour.map((h) => h.offered) }];
  return (
    <>
      <KpiCards items={kpis} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={12}>
          <ChartCard
            title={label('dayChart')}
            option={categoryChart({
              categories: report.byDay.map((d) => shortDay(d.date)),
              series: daySeries,
              xName: t('reports.axis.date'),
              yName: t('reports.axis.calls'),
            })}
            summary={report.byDay.map((d) => [d.date, formatFigure(d.offered, 'count')])}
            empty={isEmptySeries(daySeries)}
            onClick={({ dataIndex, seriesIndex }) => {
              const day = report.byDay[dataIndex];
              const measure = DAY_MEASURES[seriesIndex];
              if (day && measure) drill(`${day.date} ${daySeries[seriesIndex]?.name ?? ''}`, { measure, date: day.date });
            }}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={label('hourChart')}
            option={categoryChart({
              categories: report.byHour.map((h) => hourName(t, h.hour)),
              series: hourSeries,
              xName: t('reports.axis.hour'),
              yName: t('reports.axis.calls'),
              type: 'bar',
            })}
            summary={report.byHour.map((h) => [hourName(t, h.hour), formatFigure(h.offered, 'count')])}
            empty={isEmptySeries(hourSeries)}
            onClick={({ dataIndex }) => {
              const hour = report.byHour[dataIndex];
              if (hour) drill(`${hourName(t, hour.hour)} ${label('offered')}`, { measure: 'callsOffered', hour: hour.hour });
            }}
          />
        </Col>
      </Row>
      <BreakdownTabs<CallFigures>
        report="calls"
        rows={{ day: report.byDay, hour: report.byHour, agent: report.byAgent }}
        metrics={(narrow) => callMetrics(label, narrow)}
      />
    </>
  );
}
