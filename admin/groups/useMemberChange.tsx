import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import type { AdminAgent, AdminGroup } from '../../shared/protocol/rest-admin.js';

/** Why the server asks first (its 409 details), in the order the warning lists them. */
const REASONS = ['openConversations', 'widgetMenu', 'visitorLinks'] as const;

/**
 * Adds an agent to the group or takes one out. When that leaves a group visitors can still reach
 * without an enabled member (this group, or the one an added agent leaves), the server refuses
 * with what would be left waiting; the admin reads it and may go ahead (confirm=true).
 * `change` resolves whether the change was made.
 */
export function useMemberChange(group: AdminGroup, groupName: (id: string | null) => string, onChanged: () => void) {
  const { t } = useTranslation();
  const api = useApi();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);

  async function change(kind: 'add' | 'remove', agent: AdminAgent, confirmed = false): Promise<boolean> {
    setBusy(true);
    const options = { params: { id: group.id, agentId: agent.id }, query: confirmed ? { confirm: 'true' as const } : {} };
    const result = await api.call(kind === 'add' ? 'addGroupMember' : 'removeGroupMember', options);
    setBusy(false);
    if (result.ok) {
      void message.success(t(kind === 'add' ? 'groupMembers.added' : 'groupMembers.removed', { name: agent.nickname, group: group.name }));
      onChanged();
      return true;
    }
    const details = result.error.details ?? {};
    if (!confirmed && result.error.code === 'CONFLICT' && details.lastMember) {
      const left = kind === 'add' ? groupName(agent.groupId) : group.name;
      return new Promise<boolean>((resolve) => {
        modal.confirm({
          title: t('groupMembers.lastTitle', { group: left }),
          content: (
            <>
              <p>{t('groupMembers.lastBody')}</p>
              <ul>
                {REASONS.filter((reason) => details[reason]).map((reason) => (
                  <li key={reason}>{t(`groupMembers.lastReasons.${reason}`)}</li>
                ))}
              </ul>
              <p>{t('groupMembers.lastOutcome')}</p>
            </>
          ),
          okText: t('groupMembers.lastConfirm'),
          okButtonProps: { danger: true },
          cancelText: t('app.cancel'),
          onOk: async () => resolve(await change(kind, agent, true)),
          onCancel: () => resolve(false),
        });
      });
    }
    void message.error(t('groupMembers.failed', { message: result.error.message }));
    return false;
  }

  return { busy, change };
}
