import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCallLogStore } from './callLogStore.js';
import { ActiveCallPanel } from './ActiveCallPanel.js';
import { CallLog } from './CallLog.js';
import { CustomerCardView } from './CustomerCardView.js';
import { DeviceSelect } from './DeviceSelect.js';
import { DialPad } from './DialPad.js';
import { AvailabilitySwitch, RegistrationBadge } from './PhoneStatus.js';
import { usePhoneStore } from './phoneStore.js';
import { WrapUpPanel } from './WrapUpPanel.js';
import './phone.css';

/** 电话: dial pad and devices | current call, 话后处理, call log | the caller's 客户资料. */
export function PhoneView() {
  const { t } = useTranslation();
  const card = usePhoneStore((s) => s.shownCard);
  const calls = useCallLogStore((s) => s.calls);
  const pending = useCallLogStore((s) => s.pending);
  // Looking at the log counts as having seen its missed calls, also those arriving while it is open.
  useEffect(() => useCallLogStore.getState().markMissedSeen(), [calls, pending]);
  return (
    <div className="kefu-phone">
      <aside className="kefu-phone-left" aria-label={t('phone.dialPad')}>
        <div>
          <div className="kefu-phone-section-title">{t('phone.registration.label')}</div>
          <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
            <RegistrationBadge />
            <AvailabilitySwitch />
          </div>
        </div>
        <div>
          <div className="kefu-phone-section-title">{t('phone.dialPad')}</div>
          <DialPad />
        </div>
        <div>
          <div className="kefu-phone-section-title">{t('phone.devices.title')}</div>
          <DeviceSelect />
        </div>
      </aside>
      <main className="kefu-phone-main">
        <div className="kefu-panel-title">{t('phone.call.title')}</div>
        <ActiveCallPanel />
        <WrapUpPanel />
        <CallLog />
      </main>
      <aside className="kefu-phone-right" aria-label={t('phone.card.title')}>
        <div className="kefu-phone-section-title">{t('phone.card.title')}</div>
        <CustomerCardView card={card} />
      </aside>
    </div>
  );
}
