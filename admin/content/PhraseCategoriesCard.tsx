import { useState } from 'react';
import { App, Button, Card, Empty, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { HiddenCaption } from '../app/PageFrame.js';
import { NameModal } from '../forms/NameModal.js';
import type { PhraseCategory } from '../../shared/phrases.js';
import { moveOrder } from './reorder.js';

/** 分类 of public phrases and files: add, rename, move up or down, delete (its items become 未分类). */
export function PhraseCategoriesCard({ categories, onChanged }: { categories: PhraseCategory[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { message, modal } = App.useApp();
  const [naming, setNaming] = useState<PhraseCategory | 'new' | null>(null);

  async function move(category: PhraseCategory, delta: -1 | 1) {
    for (const change of moveOrder(categories, category.id, delta)) {
      const result = await api.call('updatePhraseCategory', { params: { id: change.id }, body: { sortOrder: change.sortOrder } });
      if (!result.ok) {
        void message.error(t('app.actionFailed', { message: result.error.message }));
        break;
      }
    }
    onChanged();
  }

  function remove(category: PhraseCategory) {
    modal.confirm({
      title: t('content.categories.deleteTitle', { name: category.name }),
      content: t('content.categories.deleteBody'),
      okText: t('content.delete'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: async () => {
        const result = await api.call('deletePhraseCategory', { params: { id: category.id } });
        if (!result.ok) return void modal.error({ title: t('app.actionFailed', { message: result.error.message }), okText: t('app.ok') });
        void message.success(t('content.categories.deleted', { name: category.name }));
        onChanged();
      },
    });
  }

  const columns: ColumnsType<PhraseCategory> = [
    { title: t('content.categories.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 280,
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
          <Button type="link" size="small" aria-label={t('content.renameAria', { name: category.name })} onClick={() => setNaming(category)}>
            {t('content.rename')}
          </Button>
          <Button type="link" size="small" danger aria-label={t('content.deleteAria', { name: category.name })} onClick={() => remove(category)}>
            {t('content.delete')}
          </Button>
        </Space>
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
                ? await api.call('createPhraseCategory', { body: { scope: 'public', name } })
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
