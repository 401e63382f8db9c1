import { Button, Col, Row, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SatisfactionFigures, SatisfactionReport as Report } from '../../shared/protocol/rest-reports.js';
import { HiddenCaption } from '../app/PageFrame.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLanguage } from '../i18n/index.js';
import { BreakdownTabs, type Narrowing } from './BreakdownTabs.js';
import { ChartCard } from './ChartCard.js';
import { categoryChart, isEmptySeries } from './charts.js';
import { useDrill } from './drill.js';
import { formatFigure } from './format.js';
import { KpiCards, type Kpi } from './KpiCards.js';
import type { Metric } from './ReportTable.js';
import { shortDay } from './rows.js';
import { TranscriptDrawer } from './TranscriptDrawer.js';

const LEVELS = [1, 2, 3, 4, 5] as const;

function satisfactionMetrics<R extends SatisfactionFigures>(label: (key: string) => string, narrow: (row: R) => Narrowing): Metric<R>[] {
  return [
    { key: 'rated', title: label('rated'), kind: 'count', value: (r) => r.rated, drill: (r) => ({ measure: 'rated', ...narrow(r) }) },
    { key: 'average', title: label('average'), kind: 'decimal', value: (r) => r.average },
    { key: 'satisfiedRate', title: label('satisfiedRate'), kind: 'rate', value: (r) => r.satisfiedRate },
    ...LEVELS.map((rating): Metric<R> => ({
      key: `rating${rating}`,
      title: label(`level${rating}`),
      kind: 'count',
      value: (r) => r.distribution[rating - 1] ?? 0,
      drill: (r) => ({ measure: 'rated', rating, ...narrow(r) }),
    })),
  ];
}

/** 满意度: how the ratings spread, per day, group and agent, and what visitors wrote with them. */
export function SatisfactionReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const drill = useDrill();
  const language = currentLanguage();
  const [reading, setReading] = useState<string | null>(null);
  const label = (key: string) => t(`reports.satisfaction.${key}`);
  const { totals, previousTotals: previous } = report;
  const kpis: Kpi[] = [
    { key: 'rated', label: label('rated'), value: totals.rated, previous: previous?.rated, kind: 'count', better: 'up', drill: { measure: 'rated' } },
    { key: 'average', label: label('average'), value: totals.average, previous: previous ? previous.average : undefined, kind: 'decimal', better: 'up' },
    { key: 'satisfied', label: label('satisfied'), value: totals.satisfied, previous: previous?.satisfied, kind: 'count', better: 'up' },
    {
      key: 'satisfiedRate',
      label: label('satisfiedRate'),
      value: totals.satisfiedRate,
      previous: previous ? previous.satisfiedRate : undefined,
      kind: 'rate',
      better: 'up',
    },
  ];
  const levels = LEVELS.map((rating) => label(`level${rating}`));
  const levelSeries = [{ name: label('rated'), data: [...totals.distribution] }];
  const daySeries = [{ name: label('average'), data: report.byDay.map((d) => d.average) }];

  return (
    <>
      <KpiCards items={kpis} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={12}>
          <ChartCard
            title={label('distributionChart')}
            option={categoryChart({
              categories: levels,
              series: levelSeries,
              xName: t('reports.axis.rating'),
              yName: t('reports.axis.evaluations'),
              type: 'bar',
            })}
            summary={levels.map((name, i) => [name, formatFigure(totals.distribution[i] ?? 0, 'count')])}
            empty={isEmptySeries(levelSeries)}
            onClick={({ dataIndex }) => {
              const rating = LEVELS[dataIndex];
              if (rating) drill(label(`level${rating}`), { measure: 'rated', rating });
            }}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={label('dayChart')}
            option={categoryChart({
              categories: report.byDay.map((d) => shortDay(d.date)),
              series: daySeries,
              xName: t('reports.axis.date'),
              yName: t('reports.axis.rating'),
              kind: 'decimal',
            })}
            summary={report.byDay.map((d) => [d.date, formatFigure(d.average, 'decimal')])}
            empty={isEmptySeries(daySeries)}
            onClick={({ dataIndex }) => {
              const day = report.byDay[dataIndex];
              if (day) drill(`${day.date} ${label('rated')}`, { measure: 'rated', date: day.date });
            }}
          />
        </Col>
      </Row>
      <BreakdownTabs<SatisfactionFigures>
        report="satisfaction"
        rows={{ agent: report.byAgent, group: report.byGroup, day: report.byDay }}
        metrics={(narrow) => satisfactionMetrics(label, narrow)}
        extraTabs={[
          {
            key: 'comments',
            label: label('comments'),
            children: (
              <Table
                size="small"
                rowKey={(c) => `${c.conversationId}:${c.at}`}
                dataSource={report.comments}
                pagination={report.comments.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                locale={{ emptyText: t('reports.empty') }}
                caption={<HiddenCaption text={label('comments')} />}
                columns={[
                  { title: label('at'), key: 'at', width: 180, render: (_, c) => formatDateTime(c.at, language), sorter: (a, b) => a.at - b.at },
                  {
                    title: t('reports.drill.room'),
                    key: 'room',
                    width: 120,
                    render: (_, c) => (
                      <Button
                        type="link"
                        size="small"
                        aria-label={t('reports.drill.openConversation', { room: c.roomNo })}
                        onClick={() => setReading(c.conversationId)}
                      >
                        {c.roomNo}
                      </Button>
                    ),
                  },
                  { title: t('reports.axis.agent'), key: 'agent', width: 120, render: (_, c) => c.agentName ?? t('app.none') },
                  { title: label('rating'), key: 'rating', width: 110, render: (_, c) => label(`level${c.rating}`), sorter: (a, b) => a.rating - b.rating },
                  { title: label('comment'), key: 'comment', dataIndex: 'comment' },
                ]}
              />
            ),
          },
        ]}
      />
      {reading && <TranscriptDrawer conversationId={reading} onClose={() => setReading(null)} />}
    </>
  );
}
