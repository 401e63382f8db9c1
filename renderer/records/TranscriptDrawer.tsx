import { useEffect, useState } from 'react';
import { Alert, Drawer, Empty, List, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Conversation, Message } from '../../shared/domain.js';
import { invoke } from '../app/kefu.js';
import { useTimeFormat } from '../i18n/format-time.js';

/** The full transcript of one record, read-only: text is rendered as text, never as markup. */
export function TranscriptDrawer({ record, onClose }: { record: Conversation | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useTimeFormat();
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!record) return;
    let current = true;
    setMessages(null);
    setError(null);
    void invoke('records:transcript', { conversationId: record.id }).then((result) => {
      if (!current) return;
      if (result.ok) setMessages(result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [record]);

  return (
    <Drawer open={record !== null} onClose={onClose} size="large" title={record ? t('records.transcript', { roomNo: record.roomNo }) : ''}>
      {error ? (
        <Alert type="error" title={t('records.loadFailed', { message: error })} />
      ) : messages === null ? (
        <Spin />
      ) : messages.length === 0 ? (
        <Empty description={t('records.noMessages')} />
      ) : (
        <List
          aria-label={record ? t('records.transcript', { roomNo: record.roomNo }) : undefined}
          dataSource={messages}
          renderItem={(m) => (
            <List.Item key={m.id}>
              <div style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  {m.senderName} · {dateTime(m.createdAt)}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {m.kind === 'image' || m.kind === 'file' ? t('records.attachment', { name: m.attachment?.name ?? '' }) : m.text}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
