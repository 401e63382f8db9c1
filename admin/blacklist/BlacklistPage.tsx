import { useState } from 'react';
import { App, Button, Empty, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { BlacklistEntry, BlacklistKind, BlacklistQuery } from '../../shared/protocol/rest-blacklist.js';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption, PageFrame } from '../app/PageFrame.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLanguage } from '../i18n/index.js';
import { BlacklistAddModal } from './BlacklistAddModal.js';

type State = 'active' | 'expired' | 'all';
interface Filters {
  q: string;
  kind?: BlacklistKind;
  state: State;
}

const KIND_COLOR: Record<BlacklistKind, string> = { visitor: 'blue', ip: 'purple', phone: 'gold' };

/** 黑名单: listed visitors, addresses and numbers, filtered on the server; 加入黑名单 and 移出 (with a confirm). */
export function BlacklistPage() {
  const { t } = useTranslation();
  const api = useApi();
  const language = currentLanguage();
  const { message, modal } = App.useApp();
  const [filters, setFilters] = useState<Filters>({ q: '', state: 'active' });
  const [adding, setAdding] = useState(false);
  const query: BlacklistQuery = { q: filters.q.trim() || undefined, kind: filters.kind, state: filters.state };
  const entries = useRemote(() => api.call('listBlacklist', { query }), JSON.stringify(query));

  const shown = (entry: BlacklistEntry) => (entry.kind === 'visitor' && entry.label ? `${entry.label}（${entry.value}）` : entry.value);

  function remove(entry: BlacklistEntry) {
    modal.confirm({
      title: t('blacklist.removeTitle', { value: shown(entry) }),
      content: t('blacklist.removeBody'),
      okText: t('blacklist.remove'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: async () => {
        const result = await api.call('removeBlacklist', { params: { id: entry.id } });
        if (result.ok) void message.success(t('blacklist.removed', { value: shown(entry) }));
        else modal.error({ title: t('app.actionFailed', { message: result.error.message }), okText: t('app.ok') });
        entries.reload();
      },
    });
  }

  const columns: ColumnsType<BlacklistEntry> = [
    {
      title: t('blacklist.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 100,
      render: (kind: BlacklistKind) => <Tag color={KIND_COLOR[kind]}>{t(`blacklist.kinds.${kind}`)}</Tag>,
    },
    {
      title: t('blacklist.value'),
      key: 'value',
      render: (_, entry) =>
        entry.kind === 'visitor' ? (
          <span>
            {entry.label ?? t('app.none')}{' '}
            <Typography.Text type="secondary" copyable={{ text: entry.value }} style={{ fontSize: 12 }}>
              {entry.value}
            </Typography.Text>
          </span>
        ) : (
          <Typography.Text code>{entry.value}</Typography.Text>
        ),
    },
    { title: t('blacklist.reason'), dataIndex: 'reason', key: 'reason', ellipsis: true },
    {
      title: t('blacklist.expiry'),
      key: 'expiresAt',
      width: 190,
      render: (_, entry) =>
        entry.expiresAt === null ? (
          t('blacklist.never')
        ) : (
          <span>
            {formatDateTime(entry.expiresAt, language)} {!entry.active && <Tag>{t('blacklist.expired')}</Tag>}
          </span>
        ),
    },
    { title: t('blacklist.addedBy'), dataIndex: 'createdByAccount', key: 'createdByAccount', width: 120 },
    { title: t('blacklist.addedAt'), dataIndex: 'createdAt', key: 'createdAt', width: 180, render: (at: number) => formatDateTime(at, language) },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 90,
      render: (_, entry) => (
        <Button type="link" size="small" danger aria-label={t('blacklist.removeAria', { value: shown(entry) })} onClick={() => remove(entry)}>
          {t('blacklist.remove')}
        </Button>
      ),
    },
  ];

  return (
    <PageFrame title={t('blacklist.title')} error={entries.error} onRetry={entries.reload}>
      <div className="admin-toolbar">
        <Input.Search
          aria-label={t('blacklist.search')}
          placeholder={t('blacklist.search')}
          allowClear
          style={{ width: 240 }}
          onSearch={(q) => setFilters((f) => ({ ...f, q }))}
        />
        <Select<BlacklistKind>
          aria-label={t('blacklist.filterKind')}
          placeholder={t('blacklist.allKinds')}
          allowClear
          style={{ width: 140 }}
          value={filters.kind}
          onChange={(kind) => setFilters((f) => ({ ...f, kind }))}
          options={(['visitor', 'ip', 'phone'] as const).map((kind) => ({ value: kind, label: t(`blacklist.kinds.${kind}`) }))}
        />
        <Select<State>
          aria-label={t('blacklist.filterState')}
          style={{ width: 140 }}
          value={filters.state}
          onChange={(state) => setFilters((f) => ({ ...f, state }))}
          options={(['active', 'expired', 'all'] as const).map((state) => ({ value: state, label: t(`blacklist.states.${state}`) }))}
        />
        <Button type="primary" className="admin-toolbar-end" onClick={() => setAdding(true)}>
          {t('blacklist.add')}
        </Button>
      </div>
      <Table<BlacklistEntry>
        caption={<HiddenCaption text={t('blacklist.tableLabel')} />}
        rowKey="id"
        size="middle"
        loading={entries.loading}
        dataSource={entries.data ?? []}
        columns={columns}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t('blacklist.empty')} /> }}
      />
      {adding && (
        <BlacklistAddModal
          onAdded={(entry) => {
            void message.success(t('blacklist.added', { value: shown(entry) }));
            entries.reload();
          }}
          onClose={() => setAdding(false)}
        />
      )}
    </PageFrame>
  );
}
