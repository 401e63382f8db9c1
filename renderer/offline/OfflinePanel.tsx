import { useState } from 'react';
import { App, Badge, Button, Descriptions, Empty, Form, Input, List, Segmented, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/limits.js';
import { filterOffline, useOfflineStore, type OfflineFilter } from './offlineStore.js';

const when = (at: number) => new Date(at).toLocaleString();

/** 留言: messages visitors left while nobody was online; 未回复 / 已回复, detail and reply. */
export function OfflinePanel() {
  const { t } = useTranslation();
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
              { value: 'unreplied', label: (
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
            <List.Item
              className={`kefu-offline-item${m.id === selectedId ? ' selected' : ''}`}
              onClick={() => select(m.id)}
              tabIndex={0}
              onKeyDown={(e) => e.key === 'Enter' && select(m.id)}
              aria-selected={m.id === selectedId}
            >
              <List.Item.Meta
                title={
                  <span>
                    {m.name} <small style={{ color: '#8c8c8c', fontWeight: 'normal' }}>{when(m.createdAt)}</small>
                  </span>
                }
                description={<div className="kefu-clip">{m.text}</div>}
              />
            </List.Item>
          )}
        />
      </div>
      <div className="kefu-offline-detail">
        {!selected ? (
          <Empty description={t('offline.choose')} />
        ) : (
          <>
            <Descriptions column={1} bordered size="small" title={<span>{selected.name} <Tag color={selected.status === 'replied' ? 'green' : 'orange'}>{t(`offline.${selected.status}`)}</Tag></span>}>
              <Descriptions.Item label={t('offline.name')}>{selected.name}</Descriptions.Item>
              <Descriptions.Item label={t('offline.contact')}>{selected.contact}</Descriptions.Item>
              <Descriptions.Item label={t('offline.text')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{selected.text}</Typography.Paragraph>
              </Descriptions.Item>
              {selected.reply !== null && (
                <Descriptions.Item label={t('offline.yourReply')}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{selected.reply}</Typography.Paragraph>
                  {selected.repliedAt && <small style={{ color: '#8c8c8c' }}>{when(selected.repliedAt)}</small>}
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
