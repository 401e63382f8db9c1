import { Button, Drawer, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { formatDateTime } from '../i18n/format.js';
import { currentLanguage } from '../i18n/index.js';
import type { NoticeReceipt, SentNotice } from '../../shared/protocol/rest-notices.js';

/** Who has read one notice (and when), and who has not yet; 刷新 reads it again. */
export function ReceiptsDrawer({ notice, onClose }: { notice: SentNotice; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const language = currentLanguage();
  const receipts = useRemote(() => api.call('noticeReceipts', { params: { id: notice.id } }), notice.id);
  const all = receipts.data?.receipts ?? [];
  const read = all.filter((r) => r.readAt !== null);
  const unread = all.filter((r) => r.readAt === null);
  const name = (r: NoticeReceipt) => (r.account ? `${r.nickname ?? ''}（${r.account}）` : t('notices.deletedAccount'));

  const section = (title: string, rows: NoticeReceipt[]) => (
    <section aria-label={title} style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <List
        size="small"
        loading={receipts.loading}
        dataSource={rows}
        locale={{ emptyText: t('notices.nobody') }}
        renderItem={(r) => (
          <List.Item key={r.agentId}>
            <span>{name(r)}</span>
            {r.readAt !== null && <Typography.Text type="secondary">{formatDateTime(r.readAt, language)}</Typography.Text>}
          </List.Item>
        )}
      />
    </section>
  );

  return (
    <Drawer
      open
      title={t('notices.receiptsTitle', { title: notice.title })}
      onClose={onClose}
      width={440}
      extra={<Button onClick={receipts.reload}>{t('notices.refresh')}</Button>}
    >
      {receipts.error && <Typography.Text type="danger">{t('app.loadFailed', { message: receipts.error.message })}</Typography.Text>}
      {section(t('notices.readList', { count: read.length }), read)}
      {section(t('notices.unreadList', { count: unread.length }), unread)}
    </Drawer>
  );
}
