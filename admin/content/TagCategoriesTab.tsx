import { useMemo, useState } from 'react';
import { App, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption, LoadError } from '../app/PageFrame.js';
import type { TagCategory } from '../../shared/tag-categories.js';
import { TagCategoryModal } from './TagCategoryModal.js';
import { RowActions, useRowChanges } from './RowActions.js';

/** 名片分类: the tag categories agents pick a visitor's tags from (free tags stay possible). */
export function TagCategoriesTab() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const rows = useRowChanges();
  const remote = useRemote(() => api.call('listTagCategories'), 'tag-categories');
  const categories = useMemo(() => [...(remote.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder), [remote.data]);
  const [editing, setEditing] = useState<TagCategory | 'new' | null>(null);

  function move(category: TagCategory, delta: -1 | 1) {
    void rows.move(categories, category.id, delta, (id, sortOrder) => api.call('updateTagCategory', { params: { id }, body: { sortOrder } }), remote.reload);
  }

  function remove(category: TagCategory) {
    rows.confirmDelete({
      title: t('content.tags.deleteTitle', { name: category.name }),
      content: t('content.tags.deleteBody'),
      remove: () => api.call('deleteTagCategory', { params: { id: category.id } }),
      deleted: t('content.tags.deleted', { name: category.name }),
      then: remote.reload,
    });
  }

  const columns: ColumnsType<TagCategory> = [
    { title: t('content.tags.name'), dataIndex: 'name', key: 'name', width: 200 },
    {
      title: t('content.tags.tags'),
      dataIndex: 'tags',
      key: 'tags',
      render: (tags: string[]) => (tags.length > 0 ? tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : t('app.none')),
    },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 240,
      render: (_, category, index) => (
        <RowActions
          name={category.name}
          edit="edit"
          onEdit={() => setEditing(category)}
          onDelete={() => remove(category)}
          move={{ index, count: categories.length, onMove: (delta) => move(category, delta) }}
        />
      ),
    },
  ];

  return (
    <div>
      <LoadError error={remote.error} onRetry={remote.reload} />
      <Typography.Paragraph type="secondary">{t('content.tags.hint')}</Typography.Paragraph>
      <Space className="admin-toolbar">
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('content.tags.add')}
        </Button>
      </Space>
      <Table<TagCategory>
        caption={<HiddenCaption text={t('content.tags.tableLabel')} />}
        rowKey="id"
        size="middle"
        loading={remote.loading}
        dataSource={categories}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t('content.tags.empty')} /> }}
      />
      {editing && (
        <TagCategoryModal
          category={editing === 'new' ? null : editing}
          onSaved={(saved) => {
            void message.success(t('content.tags.saved', { name: saved.name }));
            remote.reload();
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
