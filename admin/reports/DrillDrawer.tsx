import { useState } from 'react';
import { Button, Drawer, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../shared/domain.js';
import type { StoredCall } from '../../shared/phone.js';
import type { DrillPage } from '../../shared/protocol/rest-reports.js';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption, LoadError } from '../app/PageFrame.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLanguage } from '../i18n/index.js';
import { formatDuration } from '../monitor/format.js';
import type { DrillTarget } from './drill.js';
import { formatCount, NONE } from './format.js';
import { TranscriptDrawer } from './TranscriptDrawer.js';

const PAGE_SIZE = 20;
type OfflineItem = Extract<DrillPage, { kind: 'offlineMessages' }>['items'][number];

/**
 * The records behind a clicked number, a page at a time (newest first); the total is the number
 * clicked. A conversation opens its transcript (as in 对话监控); calls and 留言 are listed whole.
 */
export function DrillDrawer({ target, onClose }: { target: DrillTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const language = currentLanguage();
  const [page, setPage] = useState(1);
  const [reading, setReading] = useState<string | null>(null);
  const query = { ...target.query, page, pageSize: PAGE_SIZE };
  const remote = useRemote(() => api.call('drillReport', { query }), JSON.stringify(query));
  const data = remote.data;
  const time = (at: number | null) => (at === null ? NONE : formatDateTime(at, language));
  const label = (key: string) => t(`reports.drill.${key}`);

  const conversationColumns: ColumnsType<Conversation> = [
    {
      title: label('room'),
      key: 'room',
      render: (_, c) => (
        <Button type="link" size="small" aria-label={t('reports.drill.openConversation', { room: c.roomNo })} onClick={() => setReading(c.id)}>
          {c.roomNo}
        </Button>
      ),
    },
    { title: label('visitor'), dataIndex: 'visitorName', key: 'visitor' },
    { title: label('agent'), key: 'agent', render: (_, c) => c.agentName ?? NONE },
    { title: label('createdAt'), key: 'createdAt', render: (_, c) => time(c.createdAt) },
    { title: label('endedAt'), key: 'endedAt', render: (_, c) => time(c.endedAt) },
    { title: label('rating'), key: 'rating', render: (_, c) => (c.evaluation ? t(`reports.satisfaction.level${c.evaluation.rating}`) : NONE) },
  ];
  const callColumns: ColumnsType<StoredCall> = [
    { title: label('startedAt'), key: 'startedAt', render: (_, c) => time(c.startedAt) },
    { title: label('direction'), key: 'direction', render: (_, c) => label(`directions.${c.direction}`) },
    { title: label('number'), dataIndex: 'remoteNumber', key: 'number' },
    { title: label('agent'), dataIndex: 'agentName', key: 'agent' },
    { title: label('result'), key: 'result', render: (_, c) => label(`results.${c.result}`) },
    { title: label('talk'), key: 'talk', align: 'right', render: (_, c) => formatDuration(c.durationSeconds * 1000) ?? NONE },
  ];
  const offlineColumns: ColumnsType<OfflineItem> = [
    { title: label('visitor'), dataIndex: 'name', key: 'name' },
    { title: label('leftAt'), key: 'createdAt', render: (_, m) => time(m.createdAt) },
    { title: label('repliedAt'), key: 'repliedAt', render: (_, m) => time(m.repliedAt) },
    { title: label('repliedBy'), key: 'repliedBy', render: (_, m) => m.repliedBy ?? NONE },
  ];
  const shared = {
    size: 'small' as const,
    rowKey: 'id' as const,
    loading: remote.loading,
    scroll: { x: 'max-content' },
    locale: { emptyText: t('reports.empty') },
    caption: <HiddenCaption text={t('reports.drill.tableLabel', { name: target.title })} />,
    pagination: { current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage },
  };

  return (
    <Drawer open width={760} onClose={onClose} title={t('reports.drill.title', { name: target.title })} destroyOnHidden>
      <LoadError error={remote.error} onRetry={remote.reload} />
      {data && <Typography.Paragraph>{t('reports.drill.total', { total: formatCount(data.total) })}</Typography.Paragraph>}
      {data?.kind === 'calls' ? (
        <Table<StoredCall> {...shared} columns={callColumns} dataSource={data.items} />
      ) : data?.kind === 'offlineMessages' ? (
        <Table<OfflineItem> {...shared} columns={offlineColumns} dataSource={data.items} />
      ) : (
        <Table<Conversation> {...shared} columns={conversationColumns} dataSource={data?.kind === 'conversations' ? data.items : []} />
      )}
      {reading && <TranscriptDrawer conversationId={reading} onClose={() => setReading(null)} />}
    </Drawer>
  );
}
