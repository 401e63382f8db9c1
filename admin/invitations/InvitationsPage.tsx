import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { PageFrame } from '../app/PageFrame.js';
import { RulesSection } from './RulesSection.js';
import { StatsSection } from './StatsSection.js';

/**
 * 自动邀请 (admins): the rules that invite visitors on the site by themselves, and the figures of
 * all invitations — the agents' own (主动邀请, from the workstation's 访客监控) and the rules'.
 */
export function InvitationsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const groups = useRemote(() => api.call('adminListGroups'), 'groups');
  return (
    <PageFrame title={t('invitations.title')} error={groups.error} onRetry={groups.reload}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'rules', label: t('invitations.tabs.rules'), children: <RulesSection groups={groups.data ?? []} /> },
          { key: 'stats', label: t('invitations.tabs.stats'), children: <StatsSection /> },
        ]}
      />
    </PageFrame>
  );
}
