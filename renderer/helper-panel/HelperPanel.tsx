import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { HistoryPanel } from '../history/HistoryPanel.js';
import { PhrasesPanel } from '../phrases/PhrasesPanel.js';
import { AutoReplyPanel } from '../phrases/AutoReplyPanel.js';
import { KnowledgePanel } from '../knowledge/KnowledgePanel.js';
import { CustomerPanel } from '../customers/CustomerPanel.js';
import './helper-panel.css';

/**
 * 对话交流辅助窗口: the right-hand helper panel beside the dialog. Each tool is one tab; other
 * features add their tab to `items`. 顾客信息 comes first (SPEC E); 常用语 stays the tab shown at
 * start, because it is what agents use in every conversation.
 */
export function HelperPanel() {
  const { t } = useTranslation();
  return (
    <aside className="kefu-right kefu-helper-panel" aria-label={t('phrases.helperPanel')} style={{ width: 300 }}>
      <Tabs
        size="small"
        defaultActiveKey="phrases"
        tabBarStyle={{ padding: '0 4px', marginBottom: 0 }}
        destroyOnHidden={false}
        items={[
          { key: 'customer', label: t('customer.title'), children: <CustomerPanel /> },
          { key: 'phrases', label: t('phrases.title'), children: <PhrasesPanel /> },
          { key: 'knowledge', label: t('knowledge.title'), children: <KnowledgePanel /> },
          { key: 'history', label: t('history.title'), children: <HistoryPanel /> },
          { key: 'auto-reply', label: t('phrases.autoReply'), children: <AutoReplyPanel /> },
        ]}
      />
    </aside>
  );
}
