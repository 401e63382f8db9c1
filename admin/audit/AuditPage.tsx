import { useMemo, useState } from 'react';
import { Button, DatePicker, Empty, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption, PageFrame } from '../app/PageFrame.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLanguage } from '../i18n/index.js';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../shared/protocol/rest-admin.js';
import { describeChanges, targetText, type DescribeContext } from './audit-changes.js';
import { downloadText, toCsv } from './audit-csv.js';
import { useAuditLog, type AuditFilters } from './useAuditLog.js';

const DAY_MS = 24 * 3600 * 1000;

/** 操作日志: every console change, newest first, filtered by action, actor and dates; 加载更多 and 导出 CSV. */
export function AuditPage() {
  const { t } = useTranslation();
  const api = useApi();
  const language = currentLanguage();
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(api, filters);
  // Names for ids: every account (deleted ones keep their account in the entry), groups, topics.
  const agents = useRemote(() => api.call('adminListAgents', { query: { state: 'all' } }), 'agents');
  const groups = useRemote(() => api.call('adminListGroups'), 'groups');
  const topics = useRemote(() => api.call('listTopics'), 'topics');

  const context = useMemo(() => {
    const groupNames = new Map((groups.data ?? []).map((g) => [g.id, g.name]));
    const names: Record<AuditEntry['targetType'], Map<string, string>> = {
      agent: new Map((agents.data ?? []).map((a) => [a.id, a.account])),
      group: groupNames,
      topic: new Map((topics.data ?? []).map((topic) => [topic.id, topic.name])),
      settings: new Map(),
      // Blacklist entries and notices are named by their own snapshot in the entry (targetText).
      blacklist: new Map(),
      notice: new Map(),
      // Content (内容管理) is named by the name or title in its snapshot.
      phrase: new Map(),
      phraseCategory: new Map(),
      filePhrase: new Map(),
      wrapUpCode: new Map(),
      tagCategory: new Map(),
      // Knowledge entries by the question in their snapshot, categories by their name.
      knowledge: new Map(),
      knowledgeCategory: new Map(),
      // A supervised conversation is named by the room number in the entry's snapshot.
      conversation: new Map(),
      // 自动邀请 rules by the name in their snapshot.
      invitationRule: new Map(),
    };
    const base: DescribeContext = { t, language, groupName: (id) => groupNames.get(id) };
    return { ...base, targetName: (entry: AuditEntry) => (entry.targetId ? names[entry.targetType].get(entry.targetId) : undefined) };
  }, [agents.data, groups.data, topics.data, t, language]);

  const columns: ColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'at', key: 'at', width: 180, render: (at: number) => formatDateTime(at, language) },
    { title: t('audit.actor'), dataIndex: 'actorAccount', key: 'actor', width: 120 },
    { title: t('audit.action'), dataIndex: 'action', key: 'action', width: 140, render: (action: AuditAction) => t(`audit.actions.${action}`) },
    { title: t('audit.target'), key: 'target', width: 180, render: (_, entry) => targetText(entry, context) },
    {
      title: t('audit.changes'),
      key: 'changes',
      render: (_, entry) => {
        const lines = describeChanges(entry, context);
        return lines.length === 0 ? t('app.none') : lines.map((line) => <div key={line}>{line}</div>);
      },
    },
  ];

  function exportCsv() {
    const header = [t('audit.time'), t('audit.actor'), t('audit.action'), t('audit.target'), t('audit.changes')];
    const rows = log.entries.map((entry) => [
      formatDateTime(entry.at, language),
      entry.actorAccount,
      t(`audit.actions.${entry.action}`),
      targetText(entry, context),
      describeChanges(entry, context).join('; '),
    ]);
    const day = new Date().toISOString().slice(0, 10);
    downloadText(`${t('audit.exportName')}-${day}.csv`, toCsv(header, rows));
  }

  return (
    <PageFrame title={t('audit.title')} error={log.error} onRetry={log.reload}>
      <div className="admin-toolbar">
        <Select<AuditAction>
          aria-label={t('audit.filterAction')}
          placeholder={t('audit.allActions')}
          allowClear
          style={{ width: 170 }}
          value={filters.action}
          onChange={(action) => setFilters((f) => ({ ...f, action }))}
          options={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))}
        />
        <Select<string>
          aria-label={t('audit.filterActor')}
          placeholder={t('audit.allActors')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 170 }}
          value={filters.actorId}
          onChange={(actorId) => setFilters((f) => ({ ...f, actorId }))}
          options={(agents.data ?? []).filter((a) => a.role === 'admin').map((a) => ({ value: a.id, label: a.account }))}
        />
        <DatePicker.RangePicker
          aria-label={t('audit.filterDates')}
          placeholder={[t('audit.startDate'), t('audit.endDate')]}
          onChange={(range) => {
            const from = range?.[0]?.startOf('day').valueOf();
            const last = range?.[1]?.startOf('day').valueOf();
            setFilters((f) => ({ ...f, from, to: last === undefined ? undefined : last + DAY_MS }));
          }}
        />
        <Button className="admin-toolbar-end" disabled={log.entries.length === 0} onClick={exportCsv}>
          {t('audit.export')}
        </Button>
      </div>
      <Table<AuditEntry>
        caption={<HiddenCaption text={t('audit.tableLabel')} />}
        rowKey="id"
        size="middle"
        loading={log.loading && log.entries.length === 0}
        dataSource={log.entries}
        columns={columns}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
      />
      <div className="admin-load-more">
        <Typography.Text type="secondary">{t('audit.loaded', { count: log.entries.length })}</Typography.Text>
        {log.hasMore ? (
          <Button onClick={log.loadMore} loading={log.loading && log.entries.length > 0}>
            {t('audit.loadMore')}
          </Button>
        ) : (
          log.entries.length > 0 && <Typography.Text type="secondary">{t('audit.noMore')}</Typography.Text>
        )}
      </div>
    </PageFrame>
  );
}
