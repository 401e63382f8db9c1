import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgentFigures, AgentsReport as Report } from '../../shared/protocol/rest-reports.js';
import { ChartCard } from './ChartCard.js';
import { categoryChart, isEmptySeries } from './charts.js';
import { useDrill } from './drill.js';
import { formatFigure } from './format.js';
import { KpiCards, type Kpi } from './KpiCards.js';
import { ReportTable, type Metric } from './ReportTable.js';

type AgentRow = Report['rows'][number];
const HOUR_MS = 3_600_000;
const STATUSES = ['online', 'busy', 'away'] as const;

/** 人员考核: per agent, time per status, conversations, concurrency, response, satisfaction, 未响应 and calls. */
export function AgentsReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const drill = useDrill();
  const label = (key: string) => t(`reports.agents.${key}`);
  const { totals, previousTotals: previous } = report;
  const kpi = (key: keyof AgentFigures, kind: Kpi['kind'], better: Kpi['better'] = 'neutral'): Kpi => ({
    key,
    label: label(key),
    value: totals[key] as number | null,
    previous: previous ? (previous[key] as number | null) : undefined,
    kind,
    better,
  });
  const kpis: Kpi[] = [
    kpi('onlineMs', 'hours', 'up'),
    { ...kpi('handled', 'count', 'up'), drill: { measure: 'handled' } },
    kpi('concurrencyAvg', 'decimal'),
    kpi('firstResponseAvgMs', 'duration', 'down'),
    kpi('handlingAvgMs', 'duration'),
    kpi('ratingAverage', 'decimal', 'up'),
    kpi('notResponding', 'count', 'down'),
    { ...kpi('calls', 'count'), drill: { measure: 'calls' } },
    kpi('talkMs', 'hours'),
  ];
  const metrics: Metric<AgentRow>[] = [
    { key: 'onlineMs', title: label('onlineMs'), kind: 'hours', value: (r) => r.onlineMs },
    ...STATUSES.map((s): Metric<AgentRow> => ({ key: s, title: label(`status.${s}`), kind: 'hours', value: (r) => r.statusMs[s] })),
    { key: 'answered', title: label('answered'), kind: 'count', value: (r) => r.answered, drill: (r) => ({ measure: 'answered', agentId: r.agentId }) },
    { key: 'handled', title: label('handled'), kind: 'count', value: (r) => r.handled, drill: (r) => ({ measure: 'handled', agentId: r.agentId }) },
    { key: 'concurrencyAvg', title: label('concurrencyAvg'), kind: 'decimal', value: (r) => r.concurrencyAvg },
    { key: 'firstResponseAvgMs', title: label('firstResponseAvgMs'), kind: 'duration', value: (r) => r.firstResponseAvgMs },
    { key: 'handlingAvgMs', title: label('handlingAvgMs'), kind: 'duration', value: (r) => r.handlingAvgMs },
    { key: 'rated', title: label('rated'), kind: 'count', value: (r) => r.rated, drill: (r) => ({ measure: 'rated', agentId: r.agentId }) },
    { key: 'ratingAverage', title: label('ratingAverage'), kind: 'decimal', value: (r) => r.ratingAverage },
    { key: 'notResponding', title: label('notResponding'), kind: 'count', value: (r) => r.notResponding },
    { key: 'calls', title: label('calls'), kind: 'count', value: (r) => r.calls, drill: (r) => ({ measure: 'calls', agentId: r.agentId }) },
    {
      key: 'callsAnswered',
      title: label('callsAnswered'),
      kind: 'count',
      value: (r) => r.callsAnswered,
      drill: (r) => ({ measure: 'callsAnswered', agentId: r.agentId }),
    },
    { key: 'talkMs', title: label('talkMs'), kind: 'hours', value: (r) => r.talkMs },
    { key: 'holdMs', title: label('holdMs'), kind: 'hours', value: (r) => r.holdMs },
    { key: 'afterCallMs', title: label('afterCallMs'), kind: 'hours', value: (r) => r.afterCallMs },
  ];
  // Hours with one decimal on the chart: the stacked bars compare agents, the table has the minutes.
  const series = STATUSES.map((s) => ({
    name: label(`status.${s}`),
    data: report.rows.map((r) => Math.round((r.statusMs[s] / HOUR_MS) * 10) / 10),
    stack: 'status',
  }));
  return (
    <>
      <KpiCards items={kpis} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24}>
          <ChartCard
            title={label('statusChart')}
            option={categoryChart({
              categories: report.rows.map((r) => r.agentName),
              series,
              xName: t('reports.axis.hours'),
              yName: t('reports.axis.agent'),
              kind: 'decimal',
              type: 'bar',
              horizontal: true,
            })}
            summary={report.rows.map((r) => [r.agentName, formatFigure(r.onlineMs, 'hours')])}
            empty={isEmptySeries(series)}
            height={Math.max(260, report.rows.length * 24 + 80)}
            onClick={({ dataIndex }) => {
              const row = report.rows[dataIndex];
              if (row && row.handled > 0) drill(`${row.agentName} ${label('handled')}`, { measure: 'handled', agentId: row.agentId });
            }}
          />
        </Col>
      </Row>
      <ReportTable
        caption={t('reports.tableOf', { report: t('reports.tabs.agents'), by: t('reports.by.agent') })}
        rows={report.rows}
        rowKey={(r) => r.agentId}
        name={{ title: t('reports.axis.agent'), text: (r) => r.agentName }}
        metrics={metrics}
      />
    </>
  );
}
