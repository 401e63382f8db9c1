import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { deltaOf, type Better, type Delta } from './delta.js';
import { DrillNumber, type DrillNarrow } from './drill.js';
import { formatFigure, type FigureKind } from './format.js';

export interface Kpi {
  key: string;
  label: string;
  value: number | null;
  /** The previous period's figure; undefined when 对比上期 is off. */
  previous?: number | null;
  kind: FigureKind;
  better?: Better;
  drill?: DrillNarrow;
}

const TONE = { good: 'success', bad: 'danger', neutral: 'secondary' } as const;

function DeltaLine({ delta, previous, kind }: { delta: Delta | null; previous: number | null; kind: FigureKind }) {
  const { t } = useTranslation();
  const amount = delta
    ? delta.unit === 'points'
      ? t('reports.kpi.points', { value: (delta.amount * 100).toFixed(1) })
      : `${(delta.amount * 100).toFixed(1)}%`
    : null;
  const change = !delta
    ? t('reports.kpi.noChange')
    : delta.direction === 'flat'
      ? t('reports.kpi.flat')
      : t(`reports.kpi.${delta.direction}`, { value: amount });
  return (
    <Typography.Text type={delta ? TONE[delta.tone] : 'secondary'} className="admin-report-delta">
      {t('reports.kpi.vsPrevious', { change, previous: formatFigure(previous, kind) })}
    </Typography.Text>
  );
}

/** The report's headline figures, each with its change against the previous period when 对比上期 is on. */
export function KpiCards({ items }: { items: Kpi[] }) {
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {items.map((kpi) => (
        <Col key={kpi.key} xs={12} md={8} xl={6} xxl={4}>
          <Card size="small" className="admin-report-kpi">
            <Statistic
              title={kpi.label}
              valueRender={() => <DrillNumber text={formatFigure(kpi.value, kpi.kind)} value={kpi.value} title={kpi.label} narrow={kpi.drill ?? null} />}
            />
            {kpi.previous !== undefined && <DeltaLine delta={deltaOf(kpi.value, kpi.previous, kpi.kind, kpi.better)} previous={kpi.previous} kind={kpi.kind} />}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
