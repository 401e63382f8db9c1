import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { HistoryPanel } from '../history/HistoryPanel.js';
import { PhrasesPanel } from '../phrases/PhrasesPanel.js';
import { AutoReplyPanel } from '../phrases/AutoReplyPanel.js';
import { KnowledgePanel } from '../knowledge/KnowledgePanel.js';

/**
 * 对话交流辅助窗口: the right-hand helper panel beside the dialog. Each tool is one tab; other
 * features add their tab to `items` (知识库, 顾客信息 …).
 */
export function HelperPanel() {
  const { t } = useTranslation();
  return (
    <aside className="kefu-right kefu-helper-panel" aria-label={t('phrases.helperPanel')} style={{ width: 300 }}>
      <Tabs
        size="small"
        tabBarStyle={{ padding: '0 8px', marginBottom: 0 }}
        destroyOnHidden={false}
        items={[
          { key: 'phrases', label: t('phrases.title'), children: <PhrasesPanel /> },
          { key: 'knowledge', label: t('knowledge.title'), children: <KnowledgePanel /> },
          { key: 'history', label: t('history.title'), children: <HistoryPanel /> },
          { key: 'auto-reply', label: t('phrases.autoReply'), children: <AutoReplyPanel /> },
        ]}
      />
    </aside>
  );
}
