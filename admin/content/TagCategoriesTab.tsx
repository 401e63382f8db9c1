import { useMemo, useState } from 'react';
import { App, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption } from '../app/PageFrame.js';
import type { TagCategory } from '../../shared/tag-categories.js';
import { LoadError } from './LoadError.js';
import { TagCategoryModal } from './TagCategoryModal.js';
import { moveOrder } from './reorder.js';

/** 名片分类: the tag categories agents pick a visitor's tags from (free tags stay possible). */
export function TagCategoriesTab() {
  const { t } = useTranslation();
  const api = useApi();
  const { message, modal } = App.useApp();
  const remote = useRemote(() => api.call('listTagCategories'), 'tag-categories');
  const categories = useMemo(() => [...(remote.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder), [remote.data]);
  const [editing, setEditing] = useState<TagCategory | 'new' | null>(null);

  async function move(category: TagCategory, delta: -1 | 1) {
    for (const change of moveOrder(categories, category.id, delta)) {
      const result = await api.call('updateTagCategory', { params: { id: change.id }, body: { sortOrder: change.sortOrder } });
      if (!result.ok) {
        void message.error(t('app.actionFailed', { message: result.error.message }));
        break;
      }
    }
    remote.reload();
  }

  function remove(category: TagCategory) {
    modal.confirm({
      title: t('content.tags.deleteTitle', { name: category.name }),
      content: t('content.tags.deleteBody'),
      okText: t('content.delete'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: async () => {
        const result = await api.call('deleteTagCategory', { params: { id: category.id } });
        if (!result.ok) return void modal.error({ title: t('app.actionFailed', { message: result.error.message }), okText: t('app.ok') });
        void message.success(t('content.tags.deleted', { name: category.name }));
        remote.reload();
      },
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
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            aria-label={t('content.moveUpAria', { name: category.name })}
            onClick={() => void move(category, -1)}
          />
          <Button
            type="link"
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === categories.length - 1}
            aria-label={t('content.moveDownAria', { name: category.name })}
            onClick={() => void move(category, 1)}
          />
          <Button type="link" size="small" aria-label={t('content.editAria', { name: category.name })} onClick={() => setEditing(category)}>
            {t('content.edit')}
          </Button>
          <Button type="link" size="small" danger aria-label={t('content.deleteAria', { name: category.name })} onClick={() => remove(category)}>
            {t('content.delete')}
          </Button>
        </Space>
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
