import { App, Button, Space } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../shared/errors.js';
import { moveOrder, type Ordered } from './reorder.js';

/**
 * A content row's actions: ↑ ↓ when the list has an order (`move`), 编辑 or 重命名, and 删除 —
 * each named after the row (`name`) for assistive technology and the e2e tests.
 */
export function RowActions({
  name,
  edit,
  onEdit,
  onDelete,
  move,
}: {
  name: string;
  edit: 'edit' | 'rename';
  onEdit: () => void;
  onDelete: () => void;
  move?: { index: number; count: number; onMove: (delta: -1 | 1) => void };
}) {
  const { t } = useTranslation();
  return (
    <Space size={0}>
      {move && (
        <>
          <Button
            type="link"
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={move.index === 0}
            aria-label={t('content.moveUpAria', { name })}
            onClick={() => move.onMove(-1)}
          />
          <Button
            type="link"
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={move.index === move.count - 1}
            aria-label={t('content.moveDownAria', { name })}
            onClick={() => move.onMove(1)}
          />
        </>
      )}
      <Button type="link" size="small" aria-label={t(`content.${edit}Aria`, { name })} onClick={onEdit}>
        {t(`content.${edit}`)}
      </Button>
      <Button type="link" size="small" danger aria-label={t('content.deleteAria', { name })} onClick={onDelete}>
        {t('content.delete')}
      </Button>
    </Space>
  );
}

/** What the content lists do with a row: move it in their order, and delete it once the admin confirms. */
export function useRowChanges() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();

  /** Saves the new sortOrder of each row a move renumbers (stopping at the first refusal), then reloads. */
  async function move(
    items: readonly Ordered[],
    id: string,
    delta: -1 | 1,
    save: (id: string, sortOrder: number) => Promise<Result<unknown>>,
    then: () => void,
  ) {
    for (const change of moveOrder(items, id, delta)) {
      const result = await save(change.id, change.sortOrder);
      if (!result.ok) {
        void message.error(t('app.actionFailed', { message: result.error.message }));
        break;
      }
    }
    then();
  }

  /** Asks first (`title`, `content`); a refusal is shown in a dialog, a deletion as `deleted`. */
  function confirmDelete({
    title,
    content,
    remove,
    deleted,
    then,
  }: {
    title: string;
    content?: string;
    remove: () => Promise<Result<unknown>>;
    deleted: string;
    then: () => void;
  }) {
    modal.confirm({
      title,
      ...(content !== undefined && { content }),
      okText: t('content.delete'),
      okButtonProps: { danger: true },
      cancelText: t('app.cancel'),
      onOk: async () => {
        const result = await remove();
        if (!result.ok) return void modal.error({ title: t('app.actionFailed', { message: result.error.message }), okText: t('app.ok') });
        void message.success(deleted);
        then();
      },
    });
  }

  return { move, confirmDelete };
}
