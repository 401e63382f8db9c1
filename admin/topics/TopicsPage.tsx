import { useState } from 'react';
import { App, Button, Empty, Form, Input, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption, PageFrame } from '../app/PageFrame.js';
import { NameModal } from '../forms/NameModal.js';
import { fieldErrorsOf } from '../forms/server-errors.js';
import { LIMITS } from '../../shared/limits.js';
import type { Topic } from '../../shared/domain.js';

/** 对话主题: the summary topics agents choose from when closing a conversation; add, rename, enable/disable. */
export function TopicsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const topics = useRemote(() => api.call('listTopics'), 'topics');
  const [renaming, setRenaming] = useState<Topic | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  async function add({ name }: { name: string }) {
    setAdding(true);
    const result = await api.call('createTopic', { body: { name: name.trim() } });
    setAdding(false);
    if (!result.ok) {
      const fields = fieldErrorsOf(result.error, ['name'] as const);
      form.setFields(fields.length > 0 ? fields : [{ name: 'name', errors: [t('app.saveFailed', { message: result.error.message })] }]);
      return;
    }
    form.resetFields();
    void message.success(t('topics.added', { name: result.value.name }));
    topics.reload();
  }

  async function toggle(topic: Topic, enabled: boolean) {
    const result = await api.call('updateTopic', { params: { id: topic.id }, body: { enabled } });
    if (!result.ok) return void message.error(t('app.actionFailed', { message: result.error.message }));
    void message.success(t(enabled ? 'topics.switchedOn' : 'topics.switchedOff', { name: topic.name }));
    topics.reload();
  }

  const columns: ColumnsType<Topic> = [
    { title: t('topics.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('topics.enabled'),
      dataIndex: 'enabled',
      key: 'enabled',
      width: 100,
      render: (enabled: boolean, topic) => (
        <Switch checked={enabled} aria-label={t('topics.enabledAria', { name: topic.name })} onChange={(on) => void toggle(topic, on)} />
      ),
    },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 120,
      render: (_, topic) => (
        <Button type="link" size="small" aria-label={t('topics.renameAria', { name: topic.name })} onClick={() => setRenaming(topic)}>
          {t('topics.rename')}
        </Button>
      ),
    },
  ];

  return (
    <PageFrame title={t('topics.title')} error={topics.error} onRetry={topics.reload}>
      <Typography.Paragraph type="secondary">{t('topics.hint')}</Typography.Paragraph>
      <Form form={form} layout="inline" className="admin-toolbar" onFinish={(values) => void add(values)}>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('topics.nameRequired') }, { max: LIMITS.nameMax }]}>
          <Input aria-label={t('topics.newName')} placeholder={t('topics.newName')} style={{ width: 260 }} autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={adding}>
          {t('topics.add')}
        </Button>
      </Form>
      <Table<Topic>
        caption={<HiddenCaption text={t('topics.tableLabel')} />}
        rowKey="id"
        size="middle"
        loading={topics.loading}
        dataSource={topics.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t('topics.empty')} /> }}
      />
      {renaming && (
        <NameModal
          title={t('topics.renameTitle', { name: renaming.name })}
          label={t('topics.name')}
          initial={renaming.name}
          requiredMessage={t('topics.nameRequired')}
          save={async (name) => {
            const result = await api.call('updateTopic', { params: { id: renaming.id }, body: { name } });
            if (result.ok) {
              void message.success(t('topics.renamed', { name: result.value.name }));
              topics.reload();
            }
            return result;
          }}
          onClose={() => setRenaming(null)}
        />
      )}
    </PageFrame>
  );
}
