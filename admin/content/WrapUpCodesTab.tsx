import { useState } from 'react';
import { App, Button, Empty, Form, Input, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption } from '../app/PageFrame.js';
import { NameModal } from '../forms/NameModal.js';
import { fieldErrorsOf } from '../forms/server-errors.js';
import { LIMITS } from '../../shared/limits.js';
import type { WrapUpCode } from '../../shared/phone.js';
import { LoadError } from './LoadError.js';

/** 话后处理: the codes an agent picks after a call; add, rename, enable/disable (disabled ones stay on old calls). */
export function WrapUpCodesTab() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const codes = useRemote(() => api.call('listWrapUpCodes'), 'wrap-up-codes');
  const [renaming, setRenaming] = useState<WrapUpCode | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  async function add({ name }: { name: string }) {
    setAdding(true);
    const result = await api.call('createWrapUpCode', { body: { name: name.trim() } });
    setAdding(false);
    if (!result.ok) {
      const fields = fieldErrorsOf(result.error, ['name'] as const);
      form.setFields(fields.length > 0 ? fields : [{ name: 'name', errors: [t('app.saveFailed', { message: result.error.message })] }]);
      return;
    }
    form.resetFields();
    void message.success(t('content.wrapUp.added', { name: result.value.name }));
    codes.reload();
  }

  async function toggle(code: WrapUpCode, enabled: boolean) {
    const result = await api.call('updateWrapUpCode', { params: { id: code.id }, body: { enabled } });
    if (!result.ok) return void message.error(t('app.actionFailed', { message: result.error.message }));
    void message.success(t(enabled ? 'content.wrapUp.switchedOn' : 'content.wrapUp.switchedOff', { name: code.name }));
    codes.reload();
  }

  const columns: ColumnsType<WrapUpCode> = [
    { title: t('content.wrapUp.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('content.wrapUp.enabled'),
      dataIndex: 'enabled',
      key: 'enabled',
      width: 100,
      render: (enabled: boolean, code) => (
        <Switch checked={enabled} aria-label={t('content.wrapUp.enabledAria', { name: code.name })} onChange={(on) => void toggle(code, on)} />
      ),
    },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 120,
      render: (_, code) => (
        <Button type="link" size="small" aria-label={t('content.renameAria', { name: code.name })} onClick={() => setRenaming(code)}>
          {t('content.rename')}
        </Button>
      ),
    },
  ];

  return (
    <div>
      <LoadError error={codes.error} onRetry={codes.reload} />
      <Typography.Paragraph type="secondary">{t('content.wrapUp.hint')}</Typography.Paragraph>
      <Form form={form} layout="inline" className="admin-toolbar" onFinish={(values) => void add(values)}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('content.wrapUp.nameRequired') }, { max: LIMITS.nameMax }]}>
          <Input aria-label={t('content.wrapUp.newName')} placeholder={t('content.wrapUp.newName')} style={{ width: 260 }} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={adding}>
          {t('content.wrapUp.add')}
        </Button>
      </Form>
      <Table<WrapUpCode>
        caption={<HiddenCaption text={t('content.wrapUp.tableLabel')} />}
        rowKey="id"
        size="middle"
        loading={codes.loading}
        dataSource={codes.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t('content.wrapUp.empty')} /> }}
      />
      {renaming && (
        <NameModal
          title={t('content.wrapUp.renameTitle', { name: renaming.name })}
          label={t('content.wrapUp.name')}
          initial={renaming.name}
          requiredMessage={t('content.wrapUp.nameRequired')}
          save={async (name) => {
            const result = await api.call('updateWrapUpCode', { params: { id: renaming.id }, body: { name } });
            if (result.ok) {
              void message.success(t('content.wrapUp.renamed', { name: result.value.name }));
              codes.reload();
            }
            return result;
          }}
          onClose={() => setRenaming(null)}
        />
      )}
    </div>
  );
}
