import { useMemo, useState } from 'react';
import { Button, Empty, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption, PageFrame } from '../app/PageFrame.js';
import { formatDate, formatDateTime } from '../i18n/format.js';
import { currentLanguage } from '../i18n/index.js';
import type { AdminAgent, AdminAgentsQuery, AdminGroup } from '../../shared/protocol/rest-admin.js';
import type { Lockout } from '../../shared/protocol/rest-login-guard.js';
import type { AgentStatus, Role } from '../../shared/domain.js';
import { AgentFormModal } from './AgentFormModal.js';
import { useAgentActions } from './useAgentActions.js';
import { AgentAvatar } from './AgentAvatar.js';
import { ImportAgentsModal } from './ImportAgentsModal.js';
import { WidgetEntryModal } from '../widget-entry/WidgetEntryModal.js';

type AgentState = 'enabled' | 'disabled' | 'all';
interface Filters {
  q: string;
  groupId?: string;
  role?: Role;
  status?: AgentStatus;
  state: AgentState;
}

const STATUS_COLOR: Record<AgentStatus, string> = { online: 'green', busy: 'orange', away: 'default' };

/** 客服管理: the accounts, searched and filtered on the server, with create, edit, 停用/启用, 删除 and 解锁. */
export function AgentsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const language = currentLanguage();
  const [filters, setFilters] = useState<Filters>({ q: '', state: 'enabled' });
  const [editing, setEditing] = useState<AdminAgent | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  /** 接入代码 of one agent (指定客服): the link that sends visitors to this agent. */
  const [entryFor, setEntryFor] = useState<AdminAgent | null>(null);

  const query: AdminAgentsQuery = {
    q: filters.q.trim() || undefined,
    groupId: filters.groupId,
    role: filters.role,
    status: filters.status,
    state: filters.state,
  };
  const agents = useRemote(() => api.call('adminListAgents', { query }), JSON.stringify(query));
  const groups = useRemote(() => api.call('adminListGroups'), 'groups');
  const lockouts = useRemote(() => api.call('listLockouts'), 'lockouts');
  const reload = () => {
    agents.reload();
    lockouts.reload();
    groups.reload();
  };
  const actions = useAgentActions(reload);

  const groupName = useMemo(() => new Map((groups.data ?? []).map((g: AdminGroup) => [g.id, g.name])), [groups.data]);
  const lockOf = useMemo(() => new Map((lockouts.data ?? []).map((l: Lockout) => [l.agentId, l])), [lockouts.data]);

  const columns: ColumnsType<AdminAgent> = [
    { title: t('agentProfile.avatar.column'), key: 'avatar', fixed: 'left', width: 64, render: (_, agent) => <AgentAvatar agent={agent} /> },
    { title: t('agents.account'), dataIndex: 'account', key: 'account', fixed: 'left', width: 110, ellipsis: true },
    { title: t('agents.nickname'), dataIndex: 'nickname', key: 'nickname', width: 110, ellipsis: true },
    { title: t('agents.role'), dataIndex: 'role', key: 'role', width: 70, render: (role: Role) => t(`role.${role}`) },
    {
      title: t('agents.group'),
      dataIndex: 'groupId',
      key: 'groupId',
      width: 120,
      ellipsis: true,
      render: (id: string | null) => (id ? (groupName.get(id) ?? id) : t('agents.noGroup')),
    },
    {
      title: t('agents.status'),
      dataIndex: 'status',
      key: 'status',
      width: 70,
      render: (status: AgentStatus) => <Tag color={STATUS_COLOR[status]}>{t(`status.${status}`)}</Tag>,
    },
    {
      title: t('agents.connected'),
      dataIndex: 'connected',
      key: 'connected',
      width: 110,
      render: (connected: boolean) => (connected ? <Tag color="blue">{t('agents.isConnected')}</Tag> : t('agents.notConnected')),
    },
    {
      title: t('agents.loadTitle'),
      key: 'load',
      width: 100,
      render: (_, agent) => t('agents.loadValue', { load: agent.load, max: agent.maxConcurrent }),
    },
    {
      title: t('agents.state'),
      key: 'state',
      width: 170,
      render: (_, agent) => {
        const lock = lockOf.get(agent.id);
        return (
          <Space size={4} wrap>
            {agent.disabledAt === null ? <Tag color="green">{t('agents.enabled')}</Tag> : <Tag color="red">{t('agents.disabled')}</Tag>}
            {lock && <Tag color="volcano">{t('agents.locked')}</Tag>}
            {lock && (
              // The lock's details ride on the 解锁 button: a tooltip on a focusable control reaches keyboard users.
              <Tooltip title={t('agents.lockedUntil', { failures: lock.failures, time: formatDateTime(lock.lockedUntil, language) })}>
                <Button type="link" size="small" aria-label={t('agents.unlockAria', { account: agent.account })} onClick={() => void actions.unlock(agent)}>
                  {t('agents.unlock')}
                </Button>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    { title: t('agents.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 110, render: (at: number) => formatDate(at, language) },
    {
      title: t('accounts.sip.column'),
      dataIndex: 'sipUri',
      key: 'sipUri',
      width: 150,
      ellipsis: true,
      render: (uri: string | null | undefined) => uri ?? t('accounts.sip.none'),
    },
    {
      title: t('app.actions'),
      key: 'actions',
      fixed: 'right',
      width: 240,
      render: (_, agent) => (
        <Space size={0}>
          <Button type="link" size="small" aria-label={t('agents.editAria', { account: agent.account })} onClick={() => setEditing(agent)}>
            {t('agents.edit')}
          </Button>
          <Button type="link" size="small" aria-label={t('accounts.entry.aria', { account: agent.account })} onClick={() => setEntryFor(agent)}>
            {t('accounts.entry.action')}
          </Button>
          {agent.disabledAt === null ? (
            <Button type="link" size="small" danger aria-label={t('agents.disableAria', { account: agent.account })} onClick={() => actions.disable(agent)}>
              {t('agents.disable')}
            </Button>
          ) : (
            <Button type="link" size="small" aria-label={t('agents.enableAria', { account: agent.account })} onClick={() => void actions.enable(agent)}>
              {t('agents.enable')}
            </Button>
          )}
          <Button type="link" size="small" danger aria-label={t('agents.deleteAria', { account: agent.account })} onClick={() => actions.remove(agent)}>
            {t('agents.delete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <PageFrame title={t('agents.title')} error={agents.error ?? groups.error} onRetry={reload}>
      <div className="admin-toolbar">
        <Input.Search
          aria-label={t('agents.search')}
          placeholder={t('agents.search')}
          allowClear
          style={{ width: 220 }}
          onSearch={(q) => setFilters((f) => ({ ...f, q }))}
        />
        <Select<string>
          aria-label={t('agents.filterGroup')}
          placeholder={t('agents.allGroups')}
          allowClear
          style={{ width: 150 }}
          value={filters.groupId}
          onChange={(groupId) => setFilters((f) => ({ ...f, groupId }))}
          options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        />
        <Select<Role>
          aria-label={t('agents.filterRole')}
          placeholder={t('agents.allRoles')}
          allowClear
          style={{ width: 120 }}
          value={filters.role}
          onChange={(role) => setFilters((f) => ({ ...f, role }))}
          options={(['agent', 'leader', 'admin'] as const).map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
        <Select<AgentStatus>
          aria-label={t('agents.filterStatus')}
          placeholder={t('agents.allStatuses')}
          allowClear
          style={{ width: 120 }}
          value={filters.status}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
          options={(['online', 'busy', 'away'] as const).map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
        <Select<AgentState>
          aria-label={t('agents.filterState')}
          style={{ width: 120 }}
          value={filters.state}
          onChange={(state) => setFilters((f) => ({ ...f, state }))}
          options={[
            { value: 'enabled', label: t('agents.stateEnabled') },
            { value: 'disabled', label: t('agents.stateDisabled') },
            { value: 'all', label: t('agents.stateAll') },
          ]}
        />
        <Button type="primary" className="admin-toolbar-end" onClick={() => setEditing('new')}>
          {t('agents.create')}
        </Button>
        <Button onClick={() => setImporting(true)}>{t('agentProfile.import.open')}</Button>
      </div>
      <Table<AdminAgent>
        caption={<HiddenCaption text={t('agents.tableLabel')} />}
        rowKey="id"
        size="middle"
        loading={agents.loading}
        dataSource={agents.data ?? []}
        columns={columns}
        scroll={{ x: 1380 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={t('agents.empty')} /> }}
      />
      {editing && (
        <AgentFormModal
          agent={editing === 'new' ? undefined : editing}
          groups={groups.data ?? []}
          onAvatarChanged={agents.reload}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {entryFor && <WidgetEntryModal target={{ kind: 'agent', id: entryFor.id }} name={entryFor.nickname} onClose={() => setEntryFor(null)} />}
      {importing && <ImportAgentsModal onImported={reload} onClose={() => setImporting(false)} />}
    </PageFrame>
  );
}
