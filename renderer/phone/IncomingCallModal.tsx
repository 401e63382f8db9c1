import { useEffect } from 'react';
import { App, Button, Modal, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LiveCall } from '../../shared/ipc/phone.js';
import { usePhoneStore } from './phoneStore.js';
import { isWaiting, ringingCalls } from './phoneLogic.js';
import { answer, reject } from './callActions.js';
import { startRingtone } from './ringtone.js';
import { useNewCustomer } from './NewCustomerForm.js';

/** Rings while any inbound call is ringing; stops on answer, reject, or when the caller gives up. */
function useRingtone(ringing: boolean, ring: () => () => void): void {
  useEffect(() => (ringing ? ring() : undefined), [ringing, ring]);
}

function IncomingCall({ call, waiting }: { call: LiveCall; waiting: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const card = usePhoneStore((s) => s.cards[call.id]);
  const openNewCustomer = useNewCustomer((s) => s.open);
  const name = card?.customer?.name ?? call.remoteName;
  const act = async (action: () => Promise<{ message: string } | null>) => {
    const failure = await action();
    if (failure) void message.error(failure.message);
  };
  return (
    <div className="kefu-incoming" role="group" aria-label={`${t('phone.incoming.title')} ${call.remoteNumber}`}>
      <div className="kefu-incoming-who">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {call.remoteNumber}
        </Typography.Title>
        {waiting && <Tag color="orange">{t('phone.incoming.waiting')}</Tag>}
      </div>
      {name ? (
        <div className="kefu-incoming-name">{name}</div>
      ) : (
        <div className="kefu-incoming-name unknown">
          {t('phone.incoming.unknown')}
          <Button size="small" type="link" onClick={() => openNewCustomer(call.remoteNumber)}>
            {t('phone.card.create')}
          </Button>
        </div>
      )}
      {waiting && (
        <Typography.Text type="secondary" className="kefu-incoming-hint">
          {t('phone.incoming.waitingHint')}
        </Typography.Text>
      )}
      <Space style={{ marginTop: 12 }}>
        {/* Green for 接听, deep enough for white text (5.1:1; antd's #52c41a gives 2.2:1). */}
        <Button type="primary" style={{ background: '#2f7d32' }} onClick={() => void act(() => answer(call.id))}>
          {t('phone.incoming.answer')}
        </Button>
        <Button danger onClick={() => void act(() => reject(call.id))}>
          {t('phone.incoming.reject')}
        </Button>
      </Space>
    </div>
  );
}

/** 来电: every ringing inbound call with its caller, answer and reject; a second one shows 等待中. */
export function IncomingCallModal({ ring = startRingtone }: { ring?: () => () => void }) {
  const { t } = useTranslation();
  const calls = usePhoneStore((s) => s.state.calls);
  const ringing = ringingCalls(calls);
  useRingtone(ringing.length > 0, ring);
  return (
    <Modal
      open={ringing.length > 0}
      title={t('phone.incoming.title')}
      footer={null}
      closable={false}
      maskClosable={false}
      keyboard={false}
      width={380}
      destroyOnHidden
    >
      {ringing.map((call) => (
        <IncomingCall key={call.id} call={call} waiting={isWaiting(call, calls)} />
      ))}
    </Modal>
  );
}
