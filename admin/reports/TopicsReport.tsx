import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TopicsReport as Report } from '../../shared/protocol/rest-reports.js';
import { ChartCard } from './ChartCard.js';
import { pieChart } from './charts.js';
import { useDrill } from './drill.js';
import { formatFigure } from './format.js';
import { KpiCards, type Kpi } from './KpiCards.js';
import { ReportTable } from './ReportTable.js';

type TopicRow = Report['topics'][number];
type WrapUpRow = Report['wrapUpCodes'][number];

/** 对话主题 of the conversations ended in the range, and 话后处理 codes of the calls. */
export function TopicsReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const drill = useDrill();
  const label = (key: string) => t(`reports.topics.${key}`);
  const { totals, previousTotals: previous } = report;
  const kpis: Kpi[] = [
    { key: 'conversations', label: label('conversations'), value: totals.conversations, previous: previous?.conversations, kind: 'count' },
    { key: 'calls', label: label('calls'), value: totals.calls, previous: previous?.calls, kind: 'count' },
  ];
  const topicName = (r: TopicRow) => r.topicName ?? label('noTopic');
  const codeName = (r: WrapUpRow) => r.name ?? label('noWrapUp');
  const topicDrill = (r: TopicRow) => ({ measure: 'topic' as const, ...(r.topicId === null ? { noTopic: true } : { topicId: r.topicId }) });
  const codeDrill = (r: WrapUpRow) => ({
    measure: 'wrapUpCode' as const,
    ...(r.wrapUpCodeId === null ? { noWrapUpCode: true } : { wrapUpCodeId: r.wrapUpCodeId }),
  });
  const topicItems = report.topics.map((r) => ({ name: topicName(r), value: r.conversations }));
  const codeItems = report.wrapUpCodes.map((r) => ({ name: codeName(r), value: r.calls }));
  return (
    <>
      <KpiCards items={kpis} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <ChartCard
            title={label('topicChart')}
            option={pieChart(topicItems)}
            summary={report.topics.map((r) => [topicName(r), formatFigure(r.share, 'rate')])}
            empty={topicItems.length === 0}
            onClick={({ dataIndex }) => {
              const row = report.topics[dataIndex];
              if (row) drill(topicName(row), topicDrill(row));
            }}
          />
          <ReportTable
            caption={label('topicTable')}
            rows={report.topics}
            rowKey={(r) => r.topicId ?? ''}
            name={{ title: label('topic'), text: topicName }}
            metrics={[
              { key: 'conversations', title: label('conversations'), kind: 'count', value: (r) => r.conversations, drill: topicDrill },
              { key: 'share', title: label('share'), kind: 'rate', value: (r) => r.share },
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={label('wrapUpChart')}
            option={pieChart(codeItems)}
            summary={report.wrapUpCodes.map((r) => [codeName(r), formatFigure(r.share, 'rate')])}
            empty={codeItems.length === 0}
            onClick={({ dataIndex }) => {
              const row = report.wrapUpCodes[dataIndex];
              if (row) drill(codeName(row), codeDrill(row));
            }}
          />
          <ReportTable
            caption={label('wrapUpTable')}
            rows={report.wrapUpCodes}
            rowKey={(r) => r.wrapUpCodeId ?? ''}
            name={{ title: label('wrapUp'), text: codeName }}
            metrics={[
              { key: 'calls', title: label('calls'), kind: 'count', value: (r) => r.calls, drill: codeDrill },
              { key: 'share', title: label('share'), kind: 'rate', value: (r) => r.share },
            ]}
          />
        </Col>
      </Row>
    </>
  );
}
