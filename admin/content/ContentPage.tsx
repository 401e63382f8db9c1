import { useState } from 'react';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageFrame } from '../app/PageFrame.js';
import { PhrasesTab } from './PhrasesTab.js';
import { FilesTab } from './FilesTab.js';
import { WrapUpCodesTab } from './WrapUpCodesTab.js';
import { TagCategoriesTab } from './TagCategoriesTab.js';

type ContentTab = 'phrases' | 'files' | 'wrapUp' | 'tags';

/**
 * 内容管理: the company's shared content, one tab each — 常用语 (public phrases and links with their
 * categories), 常用文件 (public canned files), 话后处理 (wrap-up codes), 名片分类 (managed tags).
 * A tab loads when it is opened, so each shows what is on the server now.
 */
export function ContentPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<ContentTab>('phrases');
  return (
    <PageFrame title={t('content.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as ContentTab)}
        destroyOnHidden
        items={[
          { key: 'phrases', label: t('content.tabs.phrases'), children: <PhrasesTab /> },
          { key: 'files', label: t('content.tabs.files'), children: <FilesTab /> },
          { key: 'wrapUp', label: t('content.tabs.wrapUp'), children: <WrapUpCodesTab /> },
          { key: 'tags', label: t('content.tabs.tags'), children: <TagCategoriesTab /> },
        ]}
      />
    </PageFrame>
  );
}
