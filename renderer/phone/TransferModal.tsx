import { useState } from 'react';
import { App, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkDialNumber } from './phoneLogic.js';
import { blindTransfer, startConsultation } from './callActions.js';

type Mode = 'blind' | 'attended';

/** 转接: blind (the caller goes straight to the number) or attended (call the target first, then 完成转接). */
export function TransferModal({ callId, onClose }: { callId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [mode, setMode] = useState<Mode>('blind');
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const checked = checkDialNumber(target);
  const submit = async () => {
    if (!callId || !checked.ok) return;
    setBusy(true);
    const failure = mode === 'blind' ? await blindTransfer(callId, checked.number) : await startConsultation(callId, checked.number);
    setBusy(false);
    if (failure) {
      void message.error(failure.message);
      // A transfer that was tried and failed leaves the caller on the line, marked on the call: close.
      if (failure.code === 'CONFLICT') onClose();
      return;
    }
    setTarget('');
    onClose();
  };
  return (
    <Modal
      open={callId !== null}
      title={t('phone.transfer.title')}
      okText={mode === 'blind' ? t('phone.transfer.start') : t('phone.transfer.consult')}
      cancelText={t('phone.transfer.cancel')}
      okButtonProps={{ disabled: !checked.ok }}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" aria-label={t('phone.transfer.title')}>
        <Form.Item label={t('phone.transfer.mode')}>
          <Radio.Group aria-label={t('phone.transfer.mode')} value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            <Radio value="blind">{t('phone.transfer.blind')}</Radio>
            <Radio value="attended">{t('phone.transfer.attended')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label={t('phone.transfer.target')}
          validateStatus={target && !checked.ok ? 'error' : undefined}
          help={target && !checked.ok ? t('phone.invalidNumber') : undefined}
        >
          <Input
            aria-label={t('phone.transfer.target')}
            value={target}
            maxLength={64}
            onChange={(e) => setTarget(e.target.value)}
            onPressEnter={() => void submit()}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
