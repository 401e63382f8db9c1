import { useState } from 'react';
import { App, Button, Empty, Form, Input, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Remote } from '../api/useRemote.js';
import { HiddenCaption } from '../app/PageFrame.js';
import type { Result } from '../../shared/errors.js';
import { LIMITS } from '../../shared/limits.js';
import { NameModal } from './NameModal.js';
import { fieldErrorsOf } from './server-errors.js';

export interface NamedItem {
  id: string;
  name: string;
  enabled: boolean;
}

/** The translation keys of one list's words (each page keeps its own). */
export interface NamedItemsKeys {
  hint: string;
  name: string;
  newName: string;
  nameRequired: string;
  add: string;
  added: string;
  enabled: string;
  enabledAria: string;
  switchedOn: string;
  switchedOff: string;
  rename: string;
  renameAria: string;
  renameTitle: string;
  renamed: string;
  tableLabel: string;
  empty: string;
}

/** Every key of NamedItemsKeys under one prefix, e.g. 'topics' → 'topics.name', …; override the ones kept elsewhere. */
export function namedItemsKeys(prefix: string): NamedItemsKeys {
  const names: (keyof NamedItemsKeys)[] = [
    'hint',
    'name',
    'newName',
    'nameRequired',
    'add',
    'added',
    'enabled',
    'enabledAria',
    'switchedOn',
    'switchedOff',
    'rename',
    'renameAria',
    'renameTitle',
    'renamed',
    'tableLabel',
    'empty',
  ];
  return Object.fromEntries(names.map((name) => [name, `${prefix}.${name}`])) as unknown as NamedItemsKeys;
}

/**
 * A list of named items that can be switched off but not deleted (对话主题, 话后处理): add by name,
 * rename, enable/disable. The page loads the list (`items`) and gives the create and update calls.
 */
export function NamedItemsTable<T extends NamedItem>({
  items,
  keys,
  create,
  update,
}: {
  items: Remote<T[]>;
  keys: NamedItemsKeys;
  create: (name: string) => Promise<Result<T>>;
  update: (id: string, change: { name: string } | { enabled: boolean }) => Promise<Result<T>>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [renaming, setRenaming] = useState<T | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  async function add({ name }: { name: string }) {
    setAdding(true);
    const result = await create(name.trim());
    setAdding(false);
    if (!result.ok) {
      const fields = fieldErrorsOf(result.error, ['name'] as const);
      form.setFields(fields.length > 0 ? fields : [{ name: 'name', errors: [t('app.saveFailed', { message: result.error.message })] }]);
      return;
    }
    form.resetFields();
    void message.success(t(keys.added, { name: result.value.name }));
    items.reload();
  }

  async function toggle(item: T, enabled: boolean) {
    const result = await update(item.id, { enabled });
    if (!result.ok) return void message.error(t('app.actionFailed', { message: result.error.message }));
    void message.success(t(enabled ? keys.switchedOn : keys.switchedOff, { name: item.name }));
    items.reload();
  }

  const columns: ColumnsType<T> = [
    { title: t(keys.name), dataIndex: 'name', key: 'name' },
    {
      title: t(keys.enabled),
      dataIndex: 'enabled',
      key: 'enabled',
      width: 100,
      render: (enabled: boolean, item) => (
        <Switch checked={enabled} aria-label={t(keys.enabledAria, { name: item.name })} onChange={(on) => void toggle(item, on)} />
      ),
    },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 120,
      render: (_, item) => (
        <Button type="link" size="small" aria-label={t(keys.renameAria, { name: item.name })} onClick={() => setRenaming(item)}>
          {t(keys.rename)}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t(keys.hint)}</Typography.Paragraph>
      <Form form={form} layout="inline" className="admin-toolbar" onFinish={(values) => void add(values)}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t(keys.nameRequired) }, { max: LIMITS.nameMax }]}>
          <Input aria-label={t(keys.newName)} placeholder={t(keys.newName)} style={{ width: 260 }} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={adding}>
          {t(keys.add)}
        </Button>
      </Form>
      <Table<T>
        caption={<HiddenCaption text={t(keys.tableLabel)} />}
        rowKey="id"
        size="middle"
        loading={items.loading}
        dataSource={items.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t(keys.empty)} /> }}
      />
      {renaming && (
        <NameModal
          title={t(keys.renameTitle, { name: renaming.name })}
          label={t(keys.name)}
          initial={renaming.name}
          requiredMessage={t(keys.nameRequired)}
          save={async (name) => {
            const result = await update(renaming.id, { name });
            if (result.ok) {
              void message.success(t(keys.renamed, { name: result.value.name }));
              items.reload();
            }
            return result;
          }}
          onClose={() => setRenaming(null)}
        />
      )}
    </>
  );
}
