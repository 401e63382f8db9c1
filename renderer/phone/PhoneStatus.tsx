import { App, Badge, Select, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../shared/errors.js';
import type { PhoneState, RegistrationState } from '../../shared/ipc/phone.js';
import { invoke } from '../app/kefu.js';
import { usePhoneStore } from './phoneStore.js';

type Settable = 'idle' | 'busy' | 'dnd';
const SETTABLE: readonly Settable[] = ['idle', 'busy', 'dnd'];

export function registrationColor(state: RegistrationState): 'success' | 'processing' | 'error' | 'default' {
  switch (state) {
    case 'registered':
      return 'success';
    case 'registering':
      return 'processing';
    case 'failed':
      return 'error';
    case 'unregistered':
      return 'default';
    default:
      return assertNever(state);
  }
}

/** 未注册 / 注册中 / 已注册 / 注册失败, with the SIP reason in a tooltip when it failed. */
export function RegistrationBadge({ dark = false }: { dark?: boolean }) {
  const { t } = useTranslation();
  const registration = usePhoneStore((s) => s.state.registration);
  const reason = usePhoneStore((s) => s.state.reason);
  const text = t(`phone.registration.${registration}`);
  const badge = (
    <span role="status" aria-label={`${t('phone.registration.label')}: ${text}${reason ? ` (${reason})` : ''}`} className="kefu-phone-reg">
      <Badge status={registrationColor(registration)} text={<span style={{ color: dark ? 'rgba(255,255,255,.85)' : undefined }}>{text}</span>} />
    </span>
  );
  return reason ? <Tooltip title={t('phone.registration.reason', { reason })}>{badge}</Tooltip> : badge;
}

/** 示闲 / 示忙 / 免打扰; during 话后处理 the services own the state, so it shows but cannot be picked. */
export function AvailabilitySwitch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const availability = usePhoneStore((s) => s.state.availability);
  const apply = usePhoneStore((s) => s.apply);
  const options: { value: PhoneState['availability']; label: string; disabled?: boolean }[] = SETTABLE.map((value) => ({
    value,
    label: t(`phone.availability.${value}`),
  }));
  if (availability === 'wrap-up') options.push({ value: 'wrap-up', label: t('phone.availability.wrapUp'), disabled: true });
  return (
    <Select<PhoneState['availability']>
      aria-label={t('phone.availability.label')}
      value={availability}
      style={{ width: 112 }}
      options={options}
      onChange={async (next) => {
        if (next === 'wrap-up') return;
        const result = await invoke('phone:set-availability', { availability: next });
        if (result.ok) apply(result.value);
        else void message.error(result.error.message);
      }}
    />
  );
}
