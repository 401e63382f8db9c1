import { useCallback, useEffect, useState } from 'react';
import { App, Button, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Agent, Conversation, Topic } from '../../shared/domain.js';
import type { RecordExportFormat, RecordSort } from '../../shared/protocol/rest-records.js';
import { invoke } from '../app/kefu.js';
import { useSessionStore } from '../login/sessionStore.js';
import { downloadFile } from './download.js';
import { RecordFilterForm } from './RecordFilterForm.js';
import { EMPTY_FILTERS, FIRST_PAGE, toExportQuery, toRecordQuery, type RecordFilters, type RecordTableState } from './recordQuery.js';
import { TranscriptDrawer } from './TranscriptDrawer.js';
import { useTimeFormat } from '../i18n/format-time.js';

const SORTABLE = new Set<string>(['createdAt', 'endedAt', 'rating', 'roomNo']);

/** 对话记录: query, server-side sort and pages, transcript, export. */
export function RecordsView() {
  const { t } = useTranslation();
  const { dateTime } = useTimeFormat();
  const time = (ms: number | null): string => (ms === null ? '' : dateTime(ms));
  const { message } = App.useApp();
  const isAdmin = useSessionStore((s) => s.snapshot?.agent?.role === 'admin');
  const [filters, setFilters] = useState<RecordFilters>(EMPTY_FILTERS);
  const [advanced, setAdvanced] = useState(false);
  const [table, setTable] = useState<RecordTableState>(FIRST_PAGE);
  // The filters that were searched: editing the form does not change the table until 查询.
  const [applied, setApplied] = useState<{ filters: RecordFilters; advanced: boolean }>({ filters: EMPTY_FILTERS, advanced: false });
  const [data, setData] = useState<{ total: number; items: Conversation[] }>({ total: 0, items: [] });
  const [loading, setLoading] = useState(false);
  const [agents, setAgents] = useState<Agent[] | null>(null);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [viewing, setViewing] = useState<Conversation | null>(null);

  useEffect(() => {
    void invoke('topics:list', undefined).then((r) => r.ok && setTopics(r.value));
    if (isAdmin) void invoke('agents:list', undefined).then((r) => r.ok && setAgents(r.value));
  }, [isAdmin]);

  useEffect(() => {
    let current = true;
    setLoading(true);
    void invoke('records:query', toRecordQuery(applied.filters, applied.advanced, table)).then((result) => {
      if (!current) return;
      setLoading(false);
      if (result.ok) setData(result.value);
      else void message.error(t('records.loadFailed', { message: result.error.message }));
    });
    return () => {
      current = false;
    };
  }, [applied, table, message, t]);

  const search = useCallback(() => {
    setApplied({ filters, advanced });
    setTable((s) => ({ ...s, page: 1 }));
  }, [filters, advanced]);

  const exportAs = async (format: RecordExportFormat) => {
    const result = await invoke('records:export', toExportQuery(applied.filters, applied.advanced, table, format));
    if (!result.ok) return void message.error(t('records.loadFailed', { message: result.error.message }));
    downloadFile(result.value);
    void message.success(t('records.exported', { name: result.value.name }));
  };

  const sortOrder = (key: RecordSort) => (table.sort === key ? (table.order === 'asc' ? 'ascend' : 'descend') : null);
  const endedBy = { visitor: t('records.endedByVisitor'), agent: t('records.endedByAgent'), system: t('records.endedBySystem') };
  const columns: TableColumnsType<Conversation> = [
    { key: 'roomNo', title: t('records.roomNo'), dataIndex: 'roomNo', sorter: true, sortOrder: sortOrder('roomNo') },
    { key: 'visitor', title: t('records.visitor'), render: (_, r) => r.visitorName },
    { key: 'agent', title: t('records.agent'), render: (_, r) => r.agentName ?? '' },
    { key: 'createdAt', title: t('records.createdAt'), sorter: true, sortOrder: sortOrder('createdAt'), render: (_, r) => time(r.createdAt) },
    { key: 'endedAt', title: t('records.endedAt'), sorter: true, sortOrder: sortOrder('endedAt'), render: (_, r) => time(r.endedAt) },
    { key: 'endedBy', title: t('records.endedBy'), render: (_, r) => (r.endedBy ? endedBy[r.endedBy] : '') },
    { key: 'valid', title: t('records.valid'), render: (_, r) => (r.valid === null ? '' : r.valid ? t('records.validYes') : t('records.validNo')) },
    { key: 'topic', title: t('records.topic'), render: (_, r) => r.summary?.topicName ?? '' },
    {
      key: 'rating',
      title: t('records.rating'),
      sorter: true,
      sortOrder: sortOrder('rating'),
      render: (_, r) => (r.evaluation ? t('records.ratingValue', { rating: r.evaluation.rating }) : ''),
    },
    {
      key: 'actions',
      title: t('records.actions'),
      render: (_, r) => (
        <Button size="small" type="link" aria-label={t('records.viewRecord', { roomNo: r.roomNo })} onClick={() => setViewing(r)}>
          {t('records.view')}
        </Button>
      ),
    },
  ];

  return (
    <section aria-label={t('records.title')} style={{ flex: 1, padding: 16, overflow: 'auto' }}>
      {/* h2 under the header's h1 (no skipped level), at the size of the h4 it was. */}
      <Typography.Title level={2} className="kefu-view-title">
        {t('records.title')}
      </Typography.Title>
      <RecordFilterForm
        filters={filters}
        onChange={setFilters}
        advanced={advanced}
        onAdvancedChange={setAdvanced}
        onSearch={search}
        onReset={() => {
          setFilters(EMPTY_FILTERS);
          setApplied({ filters: EMPTY_FILTERS, advanced });
          setTable(FIRST_PAGE);
        }}
        agents={isAdmin ? (agents ?? []) : null}
        topics={topics}
      />
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => void exportAs('csv')}>{t('records.exportCsv')}</Button>
        <Button onClick={() => void exportAs('xlsx')}>{t('records.exportXlsx')}</Button>
      </Space>
      <Table<Conversation>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        pagination={{
          current: table.page,
          pageSize: table.pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('records.total', { total }),
        }}
        onChange={(pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = typeof one?.columnKey === 'string' && SORTABLE.has(one.columnKey) && one.order ? (one.columnKey as RecordSort) : null;
          setTable({
            page: pagination.current ?? 1,
            pageSize: pagination.pageSize ?? table.pageSize,
            sort: key ?? FIRST_PAGE.sort,
            order: key ? (one?.order === 'ascend' ? 'asc' : 'desc') : FIRST_PAGE.order,
          });
        }}
      />
      <TranscriptDrawer record={viewing} onClose={() => setViewing(null)} />
    </section>
  );
}
