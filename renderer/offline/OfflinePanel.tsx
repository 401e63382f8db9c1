import { useState } from 'react';
import { App, Badge, Button, Descriptions, Empty, Form, Input, List, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/limits.js';
import { filterOffline, useOfflineStore, type OfflineFilter } from './offlineStore.js';
import { useTimeFormat } from '../i18n/format-time.js';

/** 留言: messages visitors left while nobody was online; 未回复 / 已回复, detail and reply. */
export function OfflinePanel() {
  const { t } = useTranslation();
  const { dateTime: when } = useTimeFormat();
  const { message } = App.useApp();
  const { messages, filter, selectedId, setFilter, select, reply } = useOfflineStore();
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);
  const shown = filterOffline(messages, filter);
  const selected = messages.find((m) => m.id === selectedId) ?? null;
  const unreplied = filterOffline(messages, 'unreplied').length;

  const submit = async ({ text }: { text: string }) => {
    if (!selected) return;
    setBusy(true);
    const failure = await reply(selected.id, text.trim());
    setBusy(false);
    if (failure) void message.error(failure.message);
    else form.resetFields();
  };

  return (
    <section className="kefu-offline" aria-label={t('offline.title')}>
      <div className="kefu-offline-list">
        <div className="kefu-panel-title">
          <Segmented<OfflineFilter>
            aria-label={t('offline.filter')}
            value={filter}
            onChange={setFilter}
            options={[
              {
                value: 'unreplied',
                label: (
                  <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
                    {t('offline.unreplied')}
                    <Badge count={unreplied} size="small" />
                  </span>
                ),
              },
              { value: 'replied', label: t('offline.replied') },
            ]}
          />
        </div>
        <List
          dataSource={shown}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('offline.empty')} /> }}
          renderItem={(m) => (
            // A button in each item (a list item itself cannot be selected or focused): Tab reaches
            // it, Enter or Space opens the message, and the open one is marked aria-current.
            <List.Item className={`kefu-offline-item${m.id === selectedId ? ' selected' : ''}`}>
              <button type="button" className="kefu-offline-open" aria-current={m.id === selectedId ? 'true' : undefined} onClick={() => select(m.id)}>
                <span className="kefu-offline-who">
                  {m.name} <small className="kefu-muted">{when(m.createdAt)}</small>
                </span>
                <span className="kefu-clip">{m.text}</span>
              </button>
            </List.Item>
          )}
        />
      </div>
      <div className="kefu-offline-detail">
        {!selected ? (
          <Empty description={t('offline.choose')} />
        ) : (
          <>
            <Descriptions
              column={1}
              bordered
              size="small"
              title={
                <span>
                  {selected.name} <Tag color={selected.status === 'replied' ? 'green' : 'orange'}>{t(`offline.${selected.status}`)}</Tag>
                </span>
              }
            >
              <Descriptions.Item label={t('offline.name')}>{selected.name}</Descriptions.Item>
              <Descriptions.Item label={t('offline.contact')}>{selected.contact}</Descriptions.Item>
              <Descriptions.Item label={t('offline.text')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{selected.text}</Typography.Paragraph>
              </Descriptions.Item>
              {selected.reply !== null && (
                <Descriptions.Item label={t('offline.yourReply')}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{selected.reply}</Typography.Paragraph>
                  {selected.repliedAt && <small style={{ color: 'var(--kefu-text-muted)' }}>{when(selected.repliedAt)}</small>}
                </Descriptions.Item>
              )}
            </Descriptions>
            {selected.status === 'unreplied' && (
              <Form form={form} layout="vertical" style={{ marginTop: 16 }} onFinish={(v) => void submit(v)}>
                <Form.Item label={t('offline.replyText')} name="text" rules={[{ required: true, whitespace: true, message: t('offline.replyRequired') }]}>
                  <Input.TextArea rows={4} maxLength={LIMITS.offlineTextMax} showCount />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {t('offline.submit')}
                </Button>
              </Form>
            )}
          </>
        )}
      </div>
    </section>
  );
}
