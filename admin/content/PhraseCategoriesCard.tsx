import { useState } from 'react';
import { App, Button, Card, Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { HiddenCaption } from '../app/PageFrame.js';
import { NameModal } from '../forms/NameModal.js';
import type { PhraseCategory } from '../../shared/phrases.js';
import { RowActions, useRowChanges } from './RowActions.js';
import { phraseOwner, type ContentScope } from './content-scope.js';

/** 分类 of one scope's phrases and files: add, rename, move up or down, delete (its items become 未分类). */
export function PhraseCategoriesCard({ scope, categories, onChanged }: { scope: ContentScope; categories: PhraseCategory[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const rows = useRowChanges();
  const [naming, setNaming] = useState<PhraseCategory | 'new' | null>(null);

  function move(category: PhraseCategory, delta: -1 | 1) {
    void rows.move(categories, category.id, delta, (id, sortOrder) => api.call('updatePhraseCategory', { params: { id }, body: { sortOrder } }), onChanged);
  }

  function remove(category: PhraseCategory) {
    rows.confirmDelete({
      title: t('content.categories.deleteTitle', { name: category.name }),
      content: t('content.categories.deleteBody'),
      remove: () => api.call('deletePhraseCategory', { params: { id: category.id } }),
      deleted: t('content.categories.deleted', { name: category.name }),
      then: onChanged,
    });
  }

  const columns: ColumnsType<PhraseCategory> = [
    { title: t('content.categories.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 280,
      render: (_, category, index) => (
        <RowActions
          name={category.name}
          edit="rename"
          onEdit={() => setNaming(category)}
          onDelete={() => remove(category)}
          move={{ index, count: categories.length, onMove: (delta) => move(category, delta) }}
        />
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('content.categories.title')}
      extra={<Button onClick={() => setNaming('new')}>{t('content.categories.add')}</Button>}
      style={{ marginBottom: 16 }}
    >
      <Table<PhraseCategory>
        caption={<HiddenCaption text={t('content.categories.tableLabel')} />}
        rowKey="id"
        size="small"
        dataSource={categories}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t('content.categories.empty')} /> }}
      />
      {naming && (
        <NameModal
          title={naming === 'new' ? t('content.categories.add') : t('content.categories.renameTitle', { name: naming.name })}
          label={t('content.categories.name')}
          initial={naming === 'new' ? '' : naming.name}
          requiredMessage={t('content.categories.nameRequired')}
          save={async (name) => {
            const result =
              naming === 'new'
                ? await api.call('createPhraseCategory', { body: { ...phraseOwner(scope), name } })
                : await api.call('updatePhraseCategory', { params: { id: naming.id }, body: { name } });
            if (result.ok) {
              void message.success(t(naming === 'new' ? 'content.categories.added' : 'content.categories.renamed', { name: result.value.name }));
              onChanged();
            }
            return result;
          }}
          onClose={() => setNaming(null)}
        />
      )}
    </Card>
  );
}
