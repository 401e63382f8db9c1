import { useState, type ReactNode } from 'react';
import { Alert, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageFrame } from '../app/PageFrame.js';
import { PhrasesTab } from './PhrasesTab.js';
import { FilesTab } from './FilesTab.js';
import { WrapUpCodesTab } from './WrapUpCodesTab.js';
import { TagCategoriesTab } from './TagCategoriesTab.js';
import { useContentScope, type ContentScope } from './content-scope.js';
import { ContentScopeSelect } from './ContentScopeSelect.js';

type ContentTab = 'phrases' | 'files' | 'wrapUp' | 'tags';

/**
 * 内容管理: shared content, one tab each — 常用语 (phrases and links with their categories), 常用文件
 * (canned files), 话后处理 (wrap-up codes), 名片分类 (managed tags). Phrases and files belong to a
 * scope picked above the tabs: 公共 (the company's) or a 技能组's own; a 组长 sees their group's
 * only, and not the company-wide tabs. A tab loads when it is opened, so each shows what is on the
 * server now.
 */
export function ContentPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<ContentTab>('phrases');
  const { scope, setScope, isLeader, groups } = useContentScope();
  const scoped = (render: (picked: ContentScope) => ReactNode) =>
    scope === null ? <Alert type="info" showIcon message={t('content.scope.noGroup')} /> : render(scope);
  return (
    <PageFrame title={t('content.title')}>
      <Space wrap className="admin-toolbar">
        <ContentScopeSelect scope={scope} groups={groups} allowPublic={!isLeader} onChange={setScope} />
        {isLeader ? <Typography.Text type="secondary">{t('content.scope.leaderHint')}</Typography.Text> : null}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as ContentTab)}
        destroyOnHidden
        items={[
          // Keyed by the scope: another scope is another list, loaded afresh.
          { key: 'phrases', label: t('content.tabs.phrases'), children: scoped((s) => <PhrasesTab key={JSON.stringify(s)} scope={s} />) },
          { key: 'files', label: t('content.tabs.files'), children: scoped((s) => <FilesTab key={JSON.stringify(s)} scope={s} />) },
          ...(isLeader
            ? []
            : [
                { key: 'wrapUp', label: t('content.tabs.wrapUp'), children: <WrapUpCodesTab /> },
                { key: 'tags', label: t('content.tabs.tags'), children: <TagCategoriesTab /> },
              ]),
        ]}
      />
    </PageFrame>
  );
}
