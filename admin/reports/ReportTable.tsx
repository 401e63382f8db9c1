import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { HiddenCaption } from '../app/PageFrame.js';
import { DrillNumber, type DrillNarrow } from './drill.js';
import { formatFigure, type FigureKind } from './format.js';

/** One figure column: its value, format, and (when it can be opened) what it adds to the query. */
export interface Metric<R> {
  key: string;
  title: string;
  value: (row: R) => number | null;
  kind: FigureKind;
  drill?: (row: R) => DrillNarrow | null;
}

/** The row's name column ("2026-03-01", "售前", "小王"), sorted by its text unless told otherwise. */
export interface RowName<R> {
  title: string;
  text: (row: R) => string;
  sortValue?: (row: R) => number | string;
}

/** Nulls ("—") sort after every figure, whichever way. */
function compareFigures(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a - b;
}

/**
 * A report's table: the row name, then one sortable column per figure, each figure opening what is
 * behind it. Long tables page (20 rows) and wide ones scroll sideways at 1366 px.
 */
export function ReportTable<R extends object>({
  caption,
  rows,
  rowKey,
  name,
  metrics,
}: {
  caption: string;
  rows: R[];
  rowKey: (row: R) => string;
  name: RowName<R>;
  metrics: Metric<R>[];
}) {
  const { t } = useTranslation();
  const sortValue = name.sortValue ?? name.text;
  const columns: ColumnsType<R> = [
    {
      title: name.title,
      key: 'name',
      fixed: 'left',
      sorter: (a, b) => {
        const x = sortValue(a);
        const y = sortValue(b);
        return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      },
      render: (_, row) => name.text(row),
    },
    ...metrics.map((metric): ColumnsType<R>[number] => ({
      title: metric.title,
      key: metric.key,
      align: 'right',
      sorter: (a, b) => compareFigures(metric.value(a), metric.value(b)),
      render: (_, row) => {
        const value = metric.value(row);
        return (
          <DrillNumber
            text={formatFigure(value, metric.kind)}
            value={value}
            title={`${name.text(row)} ${metric.title}`}
            narrow={metric.drill ? metric.drill(row) : null}
          />
        );
      },
    })),
  ];
  return (
    <Table<R>
      size="small"
      rowKey={rowKey}
      columns={columns}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('reports.empty') }}
      caption={<HiddenCaption text={caption} />}
    />
  );
}
