import { useState } from 'react';
import { Button, Popover, Tooltip } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNow } from '../visitors/useNow.js';
import { AvailabilitySwitch, RegistrationBadge } from './PhoneStatus.js';
import { DialPad } from './DialPad.js';
import { usePhoneStore } from './phoneStore.js';
import { currentCall, formatCallTimer } from './phoneLogic.js';
import { hangUp } from './callActions.js';

/** The header's phone corner: registration, 示闲/示忙, the current call (timer, 挂断) and a quick dial pad. */
export function HeaderPhone({ onOpenPhone }: { onOpenPhone: () => void }) {
  const { t } = useTranslation();
  const [dialOpen, setDialOpen] = useState(false);
  const call = usePhoneStore((s) => currentCall(s.state.calls));
  const now = useNow();
  return (
    <div className="kefu-header-phone" role="group" aria-label={t('phone.nav')}>
      <RegistrationBadge dark />
      <AvailabilitySwitch />
      {call ? (
        <span className="kefu-header-call">
          <button type="button" className="kefu-link-button" onClick={onOpenPhone} aria-label={`${t('phone.call.title')} ${call.remoteNumber}`}>
            {call.remoteName ?? call.remoteNumber}
          </button>
          <span aria-label={t('phone.call.timer')}>{call.answeredAt ? formatCallTimer(now - call.answeredAt) : t(`phone.call.${call.state}`)}</span>
          <Button size="small" danger type="primary" onClick={() => void hangUp(call.id)}>
            {t('phone.call.hangUp')}
          </Button>
        </span>
      ) : (
        <Popover
          trigger="click"
          open={dialOpen}
          onOpenChange={setDialOpen}
          placement="bottomRight"
          content={<DialPad compact onDialed={() => setDialOpen(false)} />}
        >
          <Tooltip title={t('phone.quickDial')}>
            <Button type="text" style={{ color: '#fff' }} icon={<PhoneOutlined />} aria-label={t('phone.quickDial')} />
          </Tooltip>
        </Popover>
      )}
    </div>
  );
}
