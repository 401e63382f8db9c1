import { useState } from 'react';
import { App, Badge, Button, Drawer, Empty, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption } from '../app/PageFrame.js';
import { AgentAvatar } from '../agents/AgentAvatar.js';
import { useSessionStore } from '../session/sessionStore.js';
import type { AdminAgent, AdminGroup } from '../../shared/protocol/rest-admin.js';
import type { AgentStatus } from '../../shared/domain.js';
import { useMemberChange } from './useMemberChange.js';

const STATUS_BADGE: Record<AgentStatus, 'success' | 'warning' | 'default'> = { online: 'success', busy: 'warning', away: 'default' };

/**
 * 技能组成员: who is in the group and how they are now (状态, 接线量 of 最大接线量), 添加 and 移出.
 * An admin adds anyone (an agent is in one group: it leaves its former one) and takes anyone out;
 * a group leader adds agents of no group and takes agents out of their own group — the server
 * decides, the page only leaves out what it would refuse.
 */
export function GroupMembersDrawer({
  group,
  groups,
  onClose,
  onChanged,
}: {
  group: AdminGroup;
  groups: readonly AdminGroup[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { modal } = App.useApp();
  const isAdmin = useSessionStore((s) => s.admin?.role === 'admin');
  const members = useRemote(() => api.call('listGroupMembers', { params: { id: group.id } }), `members-${group.id}`);
  const candidates = useRemote(() => api.call('listGroupCandidates', { params: { id: group.id } }), `candidates-${group.id}`);
  const [chosen, setChosen] = useState<string | undefined>();
  const groupName = (id: string | null) => (id ? (groups.find((g) => g.id === id)?.name ?? id) : t('groupMembers.noGroup'));
  const { busy, change } = useMemberChange(group, groupName, () => {
    members.reload();
    candidates.reload();
    onChanged();
  });

  function remove(agent: AdminAgent) {
    modal.confirm({
      title: t('groupMembers.removeTitle', { name: agent.nickname, group: group.name }),
      content: t('groupMembers.removeBody', { group: group.name }),
      okText: t('groupMembers.remove'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: () => {
        void change('remove', agent);
      },
    });
  }

  async function add() {
    const agent = candidates.data?.find((a) => a.id === chosen);
    if (!agent) return;
    if (await change('add', agent)) setChosen(undefined);
  }

  const columns: ColumnsType<AdminAgent> = [
    {
      title: t('groupMembers.agent'),
      key: 'agent',
      render: (_, agent) => (
        <Space>
          <AgentAvatar agent={agent} size={28} />
          {agent.nickname}
        </Space>
      ),
    },
    { title: t('groupMembers.account'), dataIndex: 'account', key: 'account' },
    { title: t('groupMembers.role'), dataIndex: 'role', key: 'role', render: (role: AdminAgent['role']) => t(`role.${role}`) },
    {
      title: t('groupMembers.status'),
      key: 'status',
      render: (_, agent) =>
        agent.disabledAt ? (
          <Tag>{t('groupMembers.disabled')}</Tag>
        ) : agent.connected ? (
          <Badge status={STATUS_BADGE[agent.status]} text={t(`status.${agent.status}`)} />
        ) : (
          <Badge status="default" text={t('groupMembers.notConnected')} />
        ),
    },
    { title: t('groupMembers.load'), key: 'load', align: 'right', render: (_, agent) => t('agents.loadValue', { load: agent.load, max: agent.maxConcurrent }) },
    { title: t('groupMembers.maxConcurrent'), dataIndex: 'maxConcurrent', key: 'maxConcurrent', align: 'right' },
    {
      title: t('groupMembers.actions'),
      key: 'actions',
      render: (_, agent) =>
        (isAdmin || agent.role === 'agent') && (
          <Button
            type="link"
            size="small"
            danger
            disabled={busy}
            aria-label={t('groupMembers.removeAria', { name: agent.nickname, group: group.name })}
            onClick={() => remove(agent)}
          >
            {t('groupMembers.remove')}
          </Button>
        ),
    },
  ];

  const options = (candidates.data ?? []).map((agent) => ({
    value: agent.id,
    label: isAdmin
      ? `${agent.nickname}（${agent.account}）· ${t('groupMembers.inGroup', { group: groupName(agent.groupId) })}`
      : `${agent.nickname}（${agent.account}）`,
  }));

  return (
    <Drawer open width={820} title={t('groupMembers.title', { name: group.name })} onClose={onClose}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <div role="group" aria-label={t('groupMembers.addLabel')}>
          <Space wrap>
            <Select
              aria-label={t('groupMembers.addLabel')}
              placeholder={t('groupMembers.addPlaceholder')}
              style={{ width: 360 }}
              showSearch={{ optionFilterProp: 'label' }}
              loading={candidates.loading}
              value={chosen}
              onChange={setChosen}
              options={options}
              notFoundContent={t('groupMembers.noCandidates')}
            />
            <Button type="primary" disabled={!chosen || busy} loading={busy} onClick={() => void add()}>
              {t('groupMembers.add')}
            </Button>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {isAdmin ? t('groupMembers.moveHint') : t('groupMembers.leaderHint')}
          </Typography.Paragraph>
        </div>
        <Table<AdminAgent>
          caption={<HiddenCaption text={t('groupMembers.tableLabel', { name: group.name })} />}
          rowKey="id"
          size="middle"
          loading={members.loading}
          dataSource={members.data ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: <Empty description={t('groupMembers.empty')} /> }}
        />
      </Space>
    </Drawer>
  );
}
