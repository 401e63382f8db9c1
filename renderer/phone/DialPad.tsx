import { useState } from 'react';
import { App, Button, Input } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { checkDialNumber } from './phoneLogic.js';
import { dialNumber } from './dial.js';

export const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** 拨号盘: a number field checked with the shared PhoneNumberSchema, twelve keys and 呼叫. */
export function DialPad({ compact = false, onDialed }: { compact?: boolean; onDialed?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [number, setNumber] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const valid = checkDialNumber(number).ok;
  const showError = touched && number.trim() !== '' && !valid;

  const dial = async () => {
    setTouched(true);
    if (!valid) return;
    setBusy(true);
    const result = await dialNumber(number);
    setBusy(false);
    if (!result.ok) {
      void message.error(result.error.message);
      return;
    }
    setNumber('');
    setTouched(false);
    onDialed?.();
  };

  return (
    <div className={`kefu-dialpad${compact ? ' compact' : ''}`} role="group" aria-label={t('phone.dialPad')}>
      <Input
        aria-label={t('phone.number')}
        placeholder={t('phone.numberPlaceholder')}
        value={number}
        status={showError ? 'error' : undefined}
        maxLength={64}
        allowClear
        onChange={(e) => setNumber(e.target.value)}
        onBlur={() => setTouched(true)}
        onPressEnter={() => void dial()}
        aria-invalid={showError}
        aria-describedby={showError ? 'kefu-dial-error' : undefined}
      />
      <div className="kefu-dial-error" id="kefu-dial-error" role={showError ? 'alert' : undefined}>
        {showError ? t('phone.invalidNumber') : ' '}
      </div>
      <div className="kefu-dial-keys">
        {KEYS.map((key) => (
          <Button key={key} aria-label={t('phone.digit', { digit: key })} onClick={() => setNumber((n) => n + key)}>
            {key}
          </Button>
        ))}
      </div>
      <div className="kefu-dial-actions">
        <Button onClick={() => setNumber((n) => n.slice(0, -1))} disabled={!number}>
          {t('phone.backspace')}
        </Button>
        <Button type="primary" icon={<PhoneOutlined />} aria-label={t('phone.dial')} loading={busy} disabled={!valid} onClick={() => void dial()}>
          {t('phone.dial')}
        </Button>
      </div>
    </div>
  );
}
