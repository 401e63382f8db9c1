import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WrapUpCode } from '../../shared/phone.js';
import { invoke } from '../app/kefu.js';
import { useNow } from '../visitors/useNow.js';
import { usePhoneStore } from './phoneStore.js';
import { formatCallTimer } from './phoneLogic.js';

interface Fields {
  wrapUpCodeId: string;
  note: string;
}

/** 话后处理: after an answered call, a code and a note (phone:finish-wrap-up) end the wrap-up. */
export function WrapUpPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const target = usePhoneStore((s) => s.wrapUp);
  const wrapUpUntil = usePhoneStore((s) => s.state.wrapUpUntil);
  const clear = usePhoneStore((s) => s.clearWrapUp);
  const apply = usePhoneStore((s) => s.apply);
  const [codes, setCodes] = useState<WrapUpCode[]>([]);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Fields>();
  const now = useNow();
  const callId = target?.callId ?? null;

  useEffect(() => {
    if (!callId) return;
    let live = true;
    form.resetFields();
    void invoke('phone:wrap-up-codes', undefined).then((result) => {
      if (!live) return;
      if (result.ok) setCodes(result.value.filter((code) => code.enabled));
      else void message.error(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [callId, form, message]);

  if (!target) return null;

  const submit = async (fields: Fields) => {
    setBusy(true);
    const result = await invoke('phone:finish-wrap-up', { callId: target.callId, wrapUpCodeId: fields.wrapUpCodeId, note: (fields.note ?? '').trim() });
    setBusy(false);
    if (!result.ok) {
      void message.error(result.error.message);
      return;
    }
    apply(result.value);
    clear();
  };

  return (
    <Card
      size="small"
      title={t('phone.wrapUp.title')}
      className="kefu-wrapup"
      extra={wrapUpUntil && wrapUpUntil > now ? t('phone.wrapUp.countdown', { time: formatCallTimer(wrapUpUntil - now) }) : null}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('phone.wrapUp.forCall', { number: target.remoteName ? `${target.remoteName} ${target.remoteNumber}` : target.remoteNumber })}
      </Typography.Paragraph>
      <Form<Fields> form={form} layout="vertical" aria-label={t('phone.wrapUp.title')} onFinish={(fields) => void submit(fields)}>
        <Form.Item label={t('phone.wrapUp.code')} name="wrapUpCodeId" rules={[{ required: true, message: t('phone.wrapUp.codeRequired') }]}>
          <Select aria-label={t('phone.wrapUp.code')} options={codes.map((code) => ({ value: code.id, label: code.name }))} />
        </Form.Item>
        <Form.Item label={t('phone.wrapUp.note')} name="note" initialValue="">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('phone.wrapUp.submit')}
        </Button>
      </Form>
    </Card>
  );
}
