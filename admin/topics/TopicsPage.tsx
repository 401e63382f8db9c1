import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { PageFrame } from '../app/PageFrame.js';
import { NamedItemsTable, namedItemsKeys } from '../forms/NamedItemsTable.js';

const KEYS = namedItemsKeys('topics');

/** 对话主题: the summary topics agents choose from when closing a conversation; add, rename, enable/disable. */
export function TopicsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const topics = useRemote(() => api.call('listTopics'), 'topics');
  return (
    <PageFrame title={t('topics.title')} error={topics.error} onRetry={topics.reload}>
      <NamedItemsTable
        items={topics}
        keys={KEYS}
        create={(name) => api.call('createTopic', { body: { name } })}
        update={(id, body) => api.call('updateTopic', { params: { id }, body })}
      />
    </PageFrame>
  );
}
