import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Drawer, Empty, List, Tag, Tooltip, Typography } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { unreadCount, useNoticesStore } from './noticesStore.js';
import { useTimeFormat } from '../i18n/format-time.js';

/** 通知 in the header: the unread count, and the list in a drawer where each is marked read. */
export function NoticesButton() {
  const { t } = useTranslation();
  const { dateTime } = useTimeFormat();
  const notices = useNoticesStore((s) => s.notices);
  const error = useNoticesStore((s) => s.error);
  const [open, setOpen] = useState(false);
  const unread = unreadCount(notices);
  const label = unread > 0 ? t('notices.buttonUnread', { count: unread }) : t('notices.title');

  return (
    <>
      <Tooltip title={label}>
        <Badge count={unread} size="small" offset={[-4, 4]}>
          <Button type="text" style={{ color: '#fff' }} icon={<NotificationOutlined />} aria-label={label} onClick={() => setOpen(true)} />
        </Badge>
      </Tooltip>
      <Drawer title={t('notices.title')} open={open} onClose={() => setOpen(false)} width={420} destroyOnHidden>
        {error && <Typography.Text type="danger">{t('notices.markFailed', { message: error })}</Typography.Text>}
        {notices.length === 0 ? (
          <Empty description={t('notices.empty')} />
        ) : (
          <List
            aria-label={t('notices.title')}
            dataSource={notices}
            renderItem={(notice) => (
              <List.Item
                key={notice.id}
                actions={
                  notice.readAt === null
                    ? [
                        <Button
                          key="read"
                          size="small"
                          onClick={() => void useNoticesStore.getState().markRead(notice.id)}
                          aria-label={t('notices.markReadOf', { title: notice.title })}
                        >
                          {t('notices.markRead')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <span>
                      {notice.readAt === null && <Tag color="red">{t('notices.unread')}</Tag>}
                      <Typography.Text strong={notice.readAt === null}>{notice.title}</Typography.Text>
                    </span>
                  }
                  description={
                    <>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{notice.body}</Typography.Paragraph>
                      <Typography.Text type="secondary">
                        {t('notices.from', { sender: notice.senderName, time: dateTime(notice.sentAt) })}
                        {notice.groupName ? ` · ${notice.groupName}` : ''}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
