import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { HiddenCaption, PageFrame } from '../app/PageFrame.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLanguage } from '../i18n/index.js';
import { NOTICE_LIMITS, type SentNotice } from '../../shared/protocol/rest-notices.js';
import { useSessionStore } from '../session/sessionStore.js';
import { ReceiptsDrawer } from './ReceiptsDrawer.js';

const EVERYONE = '';

interface SendForm {
  groupId: string;
  title: string;
  body: string;
}

/**
 * 通知: send one to everyone or a group; the sent ones with their read counts and who has read each.
 * A group leader addresses their own group only (the server enforces it; the form offers nothing else).
 */
export function NoticesPage() {
  const { t } = useTranslation();
  const api = useApi();
  const language = currentLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<SendForm>();
  const [sending, setSending] = useState(false);
  const [viewing, setViewing] = useState<SentNotice | null>(null);
  const leaderGroupId = useSessionStore((s) => (s.admin?.role === 'leader' ? (s.admin.groupId ?? '') : null));
  const groups = useRemote(() => api.call('adminListGroups'), 'groups');
  const audiences = [
    ...(leaderGroupId === null ? [{ value: EVERYONE, label: t('notices.everyone') }] : []),
    ...(groups.data ?? []).filter((g) => leaderGroupId === null || g.id === leaderGroupId).map((g) => ({ value: g.id, label: g.name })),
  ];
  const sent = useRemote(() => api.call('listSentNotices', { query: {} }), 'notices');

  async function send(values: SendForm) {
    setSending(true);
    const result = await api.call('sendNotice', { body: { groupId: values.groupId || null, title: values.title, body: values.body } });
    setSending(false);
    if (!result.ok) {
      void message.error(t('notices.sendFailed', { message: result.error.message }));
      return;
    }
    void message.success(t('notices.sent', { count: result.value.recipients }));
    form.resetFields(['title', 'body']);
    sent.reload();
  }

  const columns: ColumnsType<SentNotice> = [
    { title: t('notices.sentAt'), dataIndex: 'sentAt', key: 'sentAt', width: 180, render: (at: number) => formatDateTime(at, language) },
    { title: t('notices.noticeTitle'), dataIndex: 'title', key: 'title' },
    { title: t('notices.to'), key: 'to', width: 140, render: (_, n) => n.groupName ?? t('notices.everyone') },
    { title: t('notices.readCount'), key: 'read', width: 100, align: 'right', render: (_, n) => t('notices.readOf', { read: n.read, total: n.recipients }) },
    {
      title: t('app.actions'),
      key: 'actions',
      width: 140,
      render: (_, n) => (
        <Button type="link" size="small" aria-label={t('notices.receiptsAria', { title: n.title })} onClick={() => setViewing(n)}>
          {t('notices.receipts')}
        </Button>
      ),
    },
  ];

  return (
    <PageFrame title={t('notices.title')} error={sent.error ?? groups.error} onRetry={() => (sent.reload(), groups.reload())}>
      <Card title={t('notices.sendTitle')} size="small" style={{ marginBottom: 16 }}>
        <Form<SendForm>
          form={form}
          layout="vertical"
          initialValues={{ groupId: leaderGroupId ?? EVERYONE, title: '', body: '' }}
          onFinish={(values) => void send(values)}
        >
          <Form.Item name="groupId" label={t('notices.audience')}>
            <Select style={{ maxWidth: 320 }} options={audiences} />
          </Form.Item>
          <Form.Item name="title" label={t('notices.noticeTitle')} rules={[{ required: true, whitespace: true, message: t('notices.titleRequired') }]}>
            <Input maxLength={NOTICE_LIMITS.titleMax} showCount />
          </Form.Item>
          <Form.Item name="body" label={t('notices.body')} rules={[{ required: true, whitespace: true, message: t('notices.bodyRequired') }]}>
            <Input.TextArea rows={4} maxLength={NOTICE_LIMITS.bodyMax} showCount />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={sending}>
            {t('notices.send')}
          </Button>
        </Form>
      </Card>
      <div className="admin-toolbar">
        <h2 style={{ margin: 0, fontSize: 16 }}>{t('notices.sentList')}</h2>
        <Button className="admin-toolbar-end" onClick={sent.reload}>
          {t('notices.refresh')}
        </Button>
      </div>
      <Table<SentNotice>
        caption={<HiddenCaption text={t('notices.tableLabel')} />}
        rowKey="id"
        size="middle"
        loading={sent.loading}
        dataSource={sent.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t('notices.empty')} /> }}
      />
      {viewing && (
        <ReceiptsDrawer
          notice={viewing}
          onClose={() => {
            setViewing(null);
            // The read counts may have moved while the drawer was open.
            sent.reload();
          }}
        />
      )}
    </PageFrame>
  );
}
