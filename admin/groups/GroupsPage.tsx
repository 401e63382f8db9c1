import { useState } from 'react';
import { App, Button, Empty, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption, PageFrame } from '../app/PageFrame.js';
import { NameModal } from '../forms/NameModal.js';
import { WidgetEntryModal } from '../widget-entry/WidgetEntryModal.js';
import { GroupMembersDrawer } from './GroupMembersDrawer.js';
import { useSessionStore } from '../session/sessionStore.js';
import type { AdminGroup } from '../../shared/protocol/rest-admin.js';

/** 技能组: the groups with their members (成员: the list, 添加, 移出) and open conversations; 新建, 重命名, 删除 (the server refuses one in use). */
export function GroupsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message, modal } = App.useApp();
  const groups = useRemote(() => api.call('adminListGroups'), 'groups');
  const [naming, setNaming] = useState<AdminGroup | 'new' | null>(null);
  // A group leader sees their own group; making, renaming and deleting groups is an admin's.
  const isAdmin = useSessionStore((s) => s.admin?.role === 'admin');
  const [entryFor, setEntryFor] = useState<AdminGroup | null>(null);
  const [membersOf, setMembersOf] = useState<AdminGroup | null>(null);

  function remove(group: AdminGroup) {
    modal.confirm({
      title: t('groups.deleteTitle', { name: group.name }),
      content: t('groups.deleteBody'),
      okText: t('groups.delete'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: async () => {
        const result = await api.call('deleteGroup', { params: { id: group.id } });
        if (result.ok) {
          void message.success(t('groups.deleted', { name: group.name }));
          groups.reload();
        } else {
          modal.error({ title: t('groups.deleteRefused', { message: result.error.message }), okText: t('app.ok') });
        }
      },
    });
  }

  const columns: ColumnsType<AdminGroup> = [
    { title: t('groups.name'), dataIndex: 'name', key: 'name' },
    { title: t('groups.members'), dataIndex: 'members', key: 'members', width: 120, align: 'right' },
    { title: t('groups.openConversations'), dataIndex: 'openConversations', key: 'openConversations', width: 160, align: 'right' },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 320,
      render: (_, group) => (
        <Space size={0}>
          <Button type="link" size="small" aria-label={t('groupMembers.openAria', { name: group.name })} onClick={() => setMembersOf(group)}>
            {t('groupMembers.open')}
          </Button>
          {/* 接入代码 for leaders too: they hand their group's link to the pages that need it. */}
          <Button type="link" size="small" aria-label={t('groups.entryAria', { name: group.name })} onClick={() => setEntryFor(group)}>
            {t('groups.entry')}
          </Button>
          {isAdmin && (
            <Button type="link" size="small" aria-label={t('groups.renameAria', { name: group.name })} onClick={() => setNaming(group)}>
              {t('groups.rename')}
            </Button>
          )}
          {isAdmin && (
            <Button type="link" size="small" danger aria-label={t('groups.deleteAria', { name: group.name })} onClick={() => remove(group)}>
              {t('groups.delete')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageFrame title={t('groups.title')} error={groups.error} onRetry={groups.reload}>
      {isAdmin && (
        <div className="admin-toolbar">
          <Button type="primary" className="admin-toolbar-end" onClick={() => setNaming('new')}>
            {t('groups.create')}
          </Button>
        </div>
      )}
      <Table<AdminGroup>
        caption={<HiddenCaption text={t('groups.tableLabel')} />}
        rowKey="id"
        size="middle"
        loading={groups.loading}
        dataSource={groups.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t('groups.empty')} /> }}
      />
      {naming && (
        <NameModal
          title={naming === 'new' ? t('groups.createTitle') : t('groups.renameTitle', { name: naming.name })}
          label={t('groups.name')}
          initial={naming === 'new' ? '' : naming.name}
          requiredMessage={t('groups.nameRequired')}
          save={async (name) => {
            const result =
              naming === 'new'
                ? await api.call('createGroup', { body: { name } })
                : await api.call('renameGroup', { params: { id: naming.id }, body: { name } });
            if (result.ok) {
              void message.success(t(naming === 'new' ? 'groups.created' : 'groups.renamed', { name: result.value.name }));
              groups.reload();
            }
            return result;
          }}
          onClose={() => setNaming(null)}
        />
      )}
      {membersOf && <GroupMembersDrawer group={membersOf} groups={groups.data ?? []} onClose={() => setMembersOf(null)} onChanged={groups.reload} />}
      {entryFor && <WidgetEntryModal target={{ kind: 'group', id: entryFor.id }} name={entryFor.name} onClose={() => setEntryFor(null)} />}
    </PageFrame>
  );
}
