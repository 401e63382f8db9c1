import { Tabs, type TabsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportName } from '../../shared/protocol/rest-reports.js';
import type { DrillNarrow } from './drill.js';
import { ReportTable, type Metric, type RowName } from './ReportTable.js';
import { groupName, groupNarrow, hourName } from './rows.js';

/** What a breakdown row adds to a drill-down query: its day, hour, group or agent. */
export type Narrowing = Omit<DrillNarrow, 'measure'>;

export type Dimension = 'day' | 'hour' | 'group' | 'agent';

/** A report's rows per dimension (figures F plus what names the row); the tabs stand in the order of its keys. */
export interface Breakdown<F> {
  day?: (F & { date: string })[];
  hour?: (F & { hour: number })[];
  group?: (F & { groupId: string | null; groupName: string | null })[];
  agent?: (F & { agentId: string; agentName: string })[];
}

/** The figure columns of a row of any dimension, each count opening what is behind it narrowed to the row. */
export type MetricsOf<F> = <R extends F>(narrow: (row: R) => Narrowing, dimension: Dimension) => Metric<R>[];

/**
 * A report's tables, one tab per dimension (by day, hour of day, group, agent): each names its rows
 * the same way in every report and takes its figures from the report's metrics. Tabs that are not a
 * breakdown (满意度's comments) follow as `extraTabs`.
 */
export function BreakdownTabs<F extends object>({
  report,
  rows,
  metrics,
  labels = {},
  extraTabs = [],
}: {
  report: ReportName;
  rows: Breakdown<F>;
  metrics: MetricsOf<F>;
  /** A tab's own label instead of "by …" (留言 by replier). */
  labels?: Partial<Record<Dimension, string>>;
  extraTabs?: NonNullable<TabsProps['items']>;
}) {
  const { t } = useTranslation();

  function tab<R extends F>(dimension: Dimension, data: R[], rowKey: (row: R) => string, name: RowName<R>, narrow: (row: R) => Narrowing) {
    const by = labels[dimension] ?? t(`reports.by.${dimension}`);
    return {
      key: dimension,
      label: by,
      children: (
        <ReportTable
          caption={t('reports.tableOf', { report: t(`reports.tabs.${report}`), by })}
          rows={data}
          rowKey={rowKey}
          name={name}
          metrics={metrics(narrow, dimension)}
        />
      ),
    };
  }

  function tabOf(dimension: Dimension) {
    switch (dimension) {
      case 'day':
        return (
          rows.day &&
          tab(
            dimension,
            rows.day,
            (r) => r.date,
            { title: t('reports.axis.date'), text: (r) => r.date },
            (r) => ({ date: r.date }),
          )
        );
      case 'hour':
        return (
          rows.hour &&
          tab(
            dimension,
            rows.hour,
            (r) => String(r.hour),
            { title: t('reports.axis.hour'), text: (r) => hourName(t, r.hour), sortValue: (r) => r.hour },
            (r) => ({ hour: r.hour }),
          )
        );
      case 'group':
        return rows.group && tab(dimension, rows.group, (r) => r.groupId ?? '', { title: t('reports.axis.group'), text: (r) => groupName(t, r) }, groupNarrow);
      case 'agent':
        return (
          rows.agent &&
          tab(
            dimension,
            rows.agent,
            (r) => r.agentId,
            { title: t('reports.axis.agent'), text: (r) => r.agentName },
            (r) => ({ agentId: r.agentId }),
          )
        );
    }
  }

  const dimensions = Object.keys(rows) as Dimension[];
  const items = dimensions.flatMap((dimension) => tabOf(dimension) ?? []);
  return <Tabs size="small" items={[...items, ...extraTabs]} />;
}
