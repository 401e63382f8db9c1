import { useMemo, useState } from 'react';
import { App, Button, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { HiddenCaption, LoadError } from '../app/PageFrame.js';
import { phraseMatches, type Phrase } from '../../shared/phrases.js';
import { RowActions, useRowChanges } from './RowActions.js';
import { PhraseCategoriesCard } from './PhraseCategoriesCard.js';
import { PhraseFormModal } from './PhraseFormModal.js';
import { useScopedPhrases } from './useScopedPhrases.js';
import type { ContentScope } from './content-scope.js';
import { byCategory, NO_CATEGORY } from './by-category.js';

/** 常用语: the phrases and links of one scope (公共 or a group's) by category — search, add, edit, delete (asked first). */
export function PhrasesTab({ scope }: { scope: ContentScope }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const rows = useRowChanges();
  const remote = useScopedPhrases(scope);
  const { categories, phrases } = remote;
  const [query, setQuery] = useState('');
  const [categoryFilter, setCategoryFilter] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<Phrase | 'new' | null>(null);

  const categoryName = useMemo(() => new Map(categories.map((c) => [c.id, c.name])), [categories]);
  const shown = useMemo(
    () =>
      byCategory(phrases, categories).filter(
        (p) => phraseMatches(p, query) && (categoryFilter === undefined || (p.categoryId ?? NO_CATEGORY) === categoryFilter),
      ),
    [phrases, categories, query, categoryFilter],
  );

  function remove(phrase: Phrase) {
    rows.confirmDelete({
      title: t('content.phrases.deleteTitle', { title: phrase.title }),
      remove: () => api.call('deletePhrase', { params: { id: phrase.id } }),
      deleted: t('content.phrases.deleted', { title: phrase.title }),
      then: remote.reload,
    });
  }

  const columns: ColumnsType<Phrase> = [
    {
      title: t('content.phrases.category'),
      key: 'category',
      width: 140,
      render: (_, phrase) => (phrase.categoryId ? (categoryName.get(phrase.categoryId) ?? t('content.uncategorised')) : t('content.uncategorised')),
    },
    {
      title: t('content.phrases.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 80,
      render: (kind: Phrase['kind']) => <Tag color={kind === 'link' ? 'blue' : undefined}>{t(`content.phrases.kinds.${kind}`)}</Tag>,
    },
    { title: t('content.phrases.phraseTitle'), dataIndex: 'title', key: 'title', width: 180 },
    {
      title: t('content.phrases.content'),
      dataIndex: 'content',
      key: 'content',
      render: (content: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: content }} style={{ marginBottom: 0 }}>
          {content}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('content.phrases.shortcut'),
      dataIndex: 'shortcut',
      key: 'shortcut',
      width: 100,
      render: (code: string | null) => (code ? `/${code}` : t('app.none')),
    },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 140,
      render: (_, phrase) => <RowActions name={phrase.title} edit="edit" onEdit={() => setEditing(phrase)} onDelete={() => remove(phrase)} />,
    },
  ];

  return (
    <div>
      <LoadError error={remote.error} onRetry={remote.reload} />
      <PhraseCategoriesCard scope={scope} categories={categories} onChanged={remote.reload} />
      <Space wrap className="admin-toolbar">
        <Input.Search
          allowClear
          aria-label={t('content.phrases.search')}
          placeholder={t('content.phrases.search')}
          onSearch={setQuery}
          onChange={(event) => setQuery(event.target.value)}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          aria-label={t('content.filterCategory')}
          placeholder={t('content.filterCategory')}
          value={categoryFilter}
          onChange={setCategoryFilter}
          style={{ width: 180 }}
          options={[{ value: NO_CATEGORY, label: t('content.uncategorised') }, ...categories.map((c) => ({ value: c.id, label: c.name }))]}
        />
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('content.phrases.add')}
        </Button>
      </Space>
      <Table<Phrase>
        caption={<HiddenCaption text={t('content.phrases.tableLabel')} />}
        rowKey="id"
        size="middle"
        loading={remote.loading}
        dataSource={shown}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t(query || categoryFilter ? 'content.phrases.noMatch' : 'content.phrases.empty')} /> }}
      />
      {editing && (
        <PhraseFormModal
          scope={scope}
          phrase={editing === 'new' ? null : editing}
          categories={categories}
          onSaved={(saved) => {
            void message.success(t('content.phrases.saved', { title: saved.title }));
            remote.reload();
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
