import { Button, Descriptions, Empty, List, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CustomerCard } from '../../shared/phone.js';
import { useNewCustomer } from './NewCustomerForm.js';
import { useDial } from './useDial.js';
import { formatCallTimer } from './phoneLogic.js';
import { useTimeFormat } from '../i18n/format-time.js';

/** 客户资料: who is calling, 点击拨号, their earlier calls and chats; unknown numbers offer 新建客户. */
export function CustomerCardView({ card }: { card: CustomerCard | null }) {
  const { t } = useTranslation();
  const { dateTime: when } = useTimeFormat();
  const dial = useDial();
  const openNewCustomer = useNewCustomer((s) => s.open);
  if (!card) return <Empty description={t('phone.card.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const { customer } = card;
  const phone = customer?.phone ?? card.number;
  return (
    <section className="kefu-card" aria-label={t('phone.card.title')}>
      {customer ? (
        <Descriptions size="small" column={1} title={customer.name}>
          <Descriptions.Item label={t('phone.card.phone')}>
            {customer.phone}
            <Button
              size="small"
              type="link"
              icon={<PhoneOutlined />}
              aria-label={t('phone.clickToDial', { number: customer.phone })}
              onClick={() => void dial(customer.phone)}
            />
          </Descriptions.Item>
          {customer.email && <Descriptions.Item label={t('phone.card.email')}>{customer.email}</Descriptions.Item>}
          {customer.note && <Descriptions.Item label={t('phone.card.note')}>{customer.note}</Descriptions.Item>}
        </Descriptions>
      ) : (
        <div className="kefu-card-unknown">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('phone.card.unknown')}
          </Typography.Title>
          <div>
            {phone}
            <Button size="small" type="link" icon={<PhoneOutlined />} aria-label={t('phone.clickToDial', { number: phone })} onClick={() => void dial(phone)} />
          </div>
          <Button type="primary" size="small" onClick={() => openNewCustomer(card.number)}>
            {t('phone.card.create')}
          </Button>
        </div>
      )}
      <Typography.Text strong>{t('phone.card.recentCalls')}</Typography.Text>
      <List
        size="small"
        locale={{ emptyText: t('phone.card.noCalls') }}
        dataSource={card.recentCalls}
        renderItem={(call) => (
          <List.Item>
            <span>{when(call.startedAt)}</span>
            <Tag>{t(`phone.call.${call.direction}`)}</Tag>
            <Tag color={call.result === 'answered' ? 'green' : 'red'}>{t(`phone.result.${call.result}`)}</Tag>
            <span>{formatCallTimer(call.durationSeconds * 1000)}</span>
            <span className="kefu-muted">{call.agentName}</span>
          </List.Item>
        )}
      />
      <Typography.Text strong>{t('phone.card.recentChats')}</Typography.Text>
      <List
        size="small"
        locale={{ emptyText: t('phone.card.noChats') }}
        dataSource={card.recentConversations}
        renderItem={(c) => (
          <List.Item>
            <span>{c.roomNo}</span>
            <span>{when(c.createdAt)}</span>
            <span className="kefu-muted">{c.summary?.topicName ?? c.agentName ?? ''}</span>
          </List.Item>
        )}
      />
    </section>
  );
}
