import { useState } from 'react';
import { App, Button, Empty, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AdminGroup } from '../../shared/protocol/rest-admin.js';
import { SITE_VISITOR_LIMITS, type InvitationRule } from '../../shared/protocol/rest-site-visitors.js';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption, LoadError } from '../app/PageFrame.js';
import { RowActions, useRowChanges } from '../content/RowActions.js';
import { RuleFormModal } from './RuleFormModal.js';
import { bodyOfRule, hasSourcePattern } from './rule-form.js';

/** A rule's conditions in words, as the table shows them. */
function conditionsOf(rule: InvitationRule, t: TFunction): string[] {
  const source = t(`invitations.sources.${rule.source}`);
  return [
    rule.urlPattern ? t('invitations.rules.pageContains', { pattern: rule.urlPattern }) : t('invitations.rules.anyPage'),
    t('invitations.rules.dwell', { seconds: rule.dwellSeconds }),
    ...(rule.source === 'any'
      ? []
      : [
          hasSourcePattern(rule.source) && rule.sourcePattern
            ? t('invitations.rules.sourceMatching', { source, pattern: rule.sourcePattern })
            : t('invitations.rules.sourceIs', { source }),
        ]),
    ...(rule.returningOnly ? [t('invitations.rules.returningOnly')] : []),
  ];
}

/** 自动邀请 rules: the list, on/off in place, add and edit in a dialog, delete after asking. */
export function RulesSection({ groups }: { groups: readonly AdminGroup[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const rows = useRowChanges();
  const rules = useRemote(() => api.call('listInvitationRules'), 'invitation-rules');
  const [editing, setEditing] = useState<InvitationRule | 'new' | null>(null);
  const groupName = (id: string | null) => (id === null ? t('invitations.rules.defaultRouting') : (groups.find((g) => g.id === id)?.name ?? id));
  const count = rules.data?.length ?? 0;

  async function toggle(rule: InvitationRule, enabled: boolean) {
    const result = await api.call('updateInvitationRule', { params: { id: rule.id }, body: { ...bodyOfRule(rule), enabled } });
    if (!result.ok) void message.error(t('app.actionFailed', { message: result.error.message }));
    else void message.success(t('invitations.rules.toggled', { name: rule.name }));
    rules.reload();
  }

  function remove(rule: InvitationRule) {
    rows.confirmDelete({
      title: t('invitations.rules.deleteTitle', { name: rule.name }),
      content: t('invitations.rules.deleteBody'),
      remove: () => api.call('deleteInvitationRule', { params: { id: rule.id } }),
      deleted: t('invitations.rules.deleted', { name: rule.name }),
      then: rules.reload,
    });
  }

  const columns: ColumnsType<InvitationRule> = [
    { title: t('invitations.rules.name'), dataIndex: 'name', key: 'name', width: 160 },
    {
      title: t('invitations.rules.enabled'),
      key: 'enabled',
      width: 80,
      render: (_, rule) => (
        <Switch
          size="small"
          checked={rule.enabled}
          aria-label={t('invitations.rules.enabledAria', { name: rule.name })}
          onChange={(on) => void toggle(rule, on)}
        />
      ),
    },
    {
      title: t('invitations.rules.conditions'),
      key: 'conditions',
      render: (_, rule) => (
        <Space size={[4, 4]} wrap>
          {conditionsOf(rule, t).map((condition) => (
            <Tag key={condition}>{condition}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t('invitations.rules.text'), dataIndex: 'text', key: 'text', ellipsis: true },
    {
      title: t('invitations.rules.caps'),
      key: 'caps',
      width: 200,
      render: (_, rule) => t('invitations.rules.capsText', { perVisitor: rule.perVisitorPerDay, perDay: rule.perDay }),
    },
    { title: t('invitations.rules.group'), key: 'group', width: 120, render: (_, rule) => groupName(rule.groupId) },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 140,
      render: (_, rule) => <RowActions name={rule.name} edit="edit" onEdit={() => setEditing(rule)} onDelete={() => remove(rule)} />,
    },
  ];

  return (
    <div>
      <LoadError error={rules.error} onRetry={rules.reload} />
      <Typography.Paragraph type="secondary">{t('invitations.rules.hint')}</Typography.Paragraph>
      <Space className="admin-toolbar">
        <Button type="primary" disabled={count >= SITE_VISITOR_LIMITS.rulesMax} onClick={() => setEditing('new')}>
          {t('invitations.rules.add')}
        </Button>
        {count >= SITE_VISITOR_LIMITS.rulesMax && (
          <Typography.Text type="secondary">{t('invitations.rules.limitReached', { max: SITE_VISITOR_LIMITS.rulesMax })}</Typography.Text>
        )}
      </Space>
      <Table<InvitationRule>
        caption={<HiddenCaption text={t('invitations.rules.tableLabel')} />}
        rowKey="id"
        size="middle"
        loading={rules.loading}
        dataSource={rules.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t('invitations.rules.empty')} /> }}
      />
      {editing && (
        <RuleFormModal
          rule={editing === 'new' ? null : editing}
          groups={groups}
          onSaved={() => {
            void message.success(t('app.saved'));
            rules.reload();
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
