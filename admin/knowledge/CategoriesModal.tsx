import { useState } from 'react';
import { App, Button, Empty, Modal, Space, Table } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { HiddenCaption } from '../app/PageFrame.js';
import { NameModal } from '../forms/NameModal.js';
import type { KnowledgeCategory } from '../../shared/knowledge.js';

/** The sort orders that put the categories in this order: tens apart, so the list reads the same in every client. */
export function reorderedSortOrders(categories: readonly KnowledgeCategory[], from: number, to: number): { id: string; sortOrder: number }[] {
  const order = [...categories];
  const [moved] = order.splice(from, 1);
  if (!moved) return [];
  order.splice(to, 0, moved);
  return order.map((c, index) => ({ id: c.id, sortOrder: (index + 1) * 10 })).filter((c, index) => order[index]!.sortOrder !== c.sortOrder);
}

/**
 * 分类管理: add, rename, reorder and delete categories. A category still holding entries is not
 * deleted: the server refuses and its message is shown.
 */
export function CategoriesModal({
  groupId = null,
  categories,
  onChanged,
  onClose,
}: {
  /** Whose categories these are: null the company's, else that skill group's. */
  groupId?: string | null;
  categories: KnowledgeCategory[];
  onChanged: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message, modal } = App.useApp();
  const [naming, setNaming] = useState<{ category: KnowledgeCategory | null } | null>(null);
  const [busy, setBusy] = useState(false);

  async function move(from: number, to: number) {
    setBusy(true);
    for (const change of reorderedSortOrders(categories, from, to)) {
      const result = await api.call('updateKnowledgeCategory', { params: { id: change.id }, body: { sortOrder: change.sortOrder } });
      if (!result.ok) {
        void message.error(t('app.actionFailed', { message: result.error.message }));
        break;
      }
    }
    setBusy(false);
    onChanged();
  }

  function remove(category: KnowledgeCategory) {
    modal.confirm({
      title: t('knowledge.categoriesDialog.deleteTitle', { name: category.name }),
      okText: t('knowledge.delete'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: async () => {
        const result = await api.call('deleteKnowledgeCategory', { params: { id: category.id } });
        if (!result.ok) {
          modal.error({ title: t('knowledge.categoriesDialog.deleteRefused', { message: result.error.message }), okText: t('app.ok') });
          return;
        }
        onChanged();
      },
    });
  }

  return (
    <Modal
      open
      title={t('knowledge.categoriesDialog.title')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('knowledge.categoriesDialog.close')}
        </Button>
      }
    >
      <Button icon={<PlusOutlined />} onClick={() => setNaming({ category: null })} style={{ marginBottom: 12 }}>
        {t('knowledge.categoriesDialog.add')}
      </Button>
      <Table<KnowledgeCategory>
        caption={<HiddenCaption text={t('knowledge.categoriesDialog.listLabel')} />}
        rowKey="id"
        size="small"
        showHeader={false}
        pagination={false}
        dataSource={categories}
        locale={{ emptyText: <Empty description={t('knowledge.categoriesDialog.empty')} /> }}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('knowledge.categoriesDialog.name') },
          {
            key: 'actions',
            title: t('app.actions'),
            align: 'right',
            render: (_, category, index) => (
              <Space size={2}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  disabled={busy || index === 0}
                  aria-label={t('knowledge.categoriesDialog.moveUp', { name: category.name })}
                  onClick={() => void move(index, index - 1)}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={busy || index === categories.length - 1}
                  aria-label={t('knowledge.categoriesDialog.moveDown', { name: category.name })}
                  onClick={() => void move(index, index + 1)}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('knowledge.categoriesDialog.renameAria', { name: category.name })}
                  onClick={() => setNaming({ category })}
                />
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('knowledge.categoriesDialog.delete', { name: category.name })}
                  onClick={() => remove(category)}
                />
              </Space>
            ),
          },
        ]}
      />
      {naming && (
        <NameModal
          title={t(naming.category ? 'knowledge.categoriesDialog.renameTitle' : 'knowledge.categoriesDialog.add')}
          label={t('knowledge.categoriesDialog.name')}
          initial={naming.category?.name}
          requiredMessage={t('knowledge.categoriesDialog.nameRequired')}
          save={async (name) => {
            // A new category goes last.
            const last = categories.reduce((max, c) => Math.max(max, c.sortOrder), 0);
            const result = naming.category
              ? await api.call('updateKnowledgeCategory', { params: { id: naming.category.id }, body: { name } })
              : await api.call('createKnowledgeCategory', { body: { groupId, name, sortOrder: last + 10 } });
            if (result.ok) onChanged();
            return result;
          }}
          onClose={() => setNaming(null)}
        />
      )}
    </Modal>
  );
}
