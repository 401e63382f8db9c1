import { useEffect, useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';
import { LIMITS } from '../../shared/limits.js';
import { invoke } from '../app/kefu.js';
import { checkDialNumber } from './phoneLogic.js';
import { usePhoneStore } from './phoneStore.js';

/** Which number the 新建客户 form is open for (null: closed). */
export const useNewCustomer = create<{ number: string | null; open(number: string): void; close(): void }>()((set) => ({
  number: null,
  open: (number) => set({ number }),
  close: () => set({ number: null }),
}));

interface Fields {
  name: string;
  phone: string;
  email: string;
  note: string;
}

/** 新建客户 for an unknown caller: the new card replaces 未知来电 wherever it shows. */
export function NewCustomerForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const number = useNewCustomer((s) => s.number);
  const close = useNewCustomer((s) => s.close);
  const [form] = Form.useForm<Fields>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (number !== null) form.setFieldsValue({ name: '', phone: number, email: '', note: '' });
  }, [number, form]);

  const submit = async (fields: Fields) => {
    const phone = checkDialNumber(fields.phone);
    if (!phone.ok) return;
    setBusy(true);
    const email = fields.email.trim();
    const note = fields.note.trim();
    const result = await invoke('customers:create', { name: fields.name.trim(), phone: phone.number, ...(email ? { email } : {}), ...(note ? { note } : {}) });
    setBusy(false);
    if (!result.ok) {
      void message.error(result.error.message);
      return;
    }
    const phoneStore = usePhoneStore.getState();
    phoneStore.showCard(result.value);
    // Calls from this number that popped an empty card now show the new customer.
    for (const call of phoneStore.state.calls) if (call.remoteNumber === number) phoneStore.incoming(call, result.value);
    void message.success(t('phone.card.created'));
    close();
  };

  return (
    <Modal
      open={number !== null}
      title={t('phone.card.create')}
      okText={t('phone.card.save')}
      cancelText={t('phone.card.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={close}
      forceRender
    >
      <Form<Fields> form={form} layout="vertical" aria-label={t('phone.card.create')} onFinish={(fields) => void submit(fields)}>
        <Form.Item label={t('phone.card.name')} name="name" rules={[{ required: true, whitespace: true, message: t('phone.card.nameRequired') }]}>
          <Input maxLength={LIMITS.nameMax} />
        </Form.Item>
        <Form.Item
          label={t('phone.card.phone')}
          name="phone"
          rules={[
            {
              validator: (_, value: string | undefined) =>
                checkDialNumber(value ?? '').ok ? Promise.resolve() : Promise.reject(new Error(t('phone.invalidNumber'))),
            },
          ]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item label={t('phone.card.email')} name="email" rules={[{ type: 'email', message: t('phone.card.invalidEmail') }]}>
          <Input maxLength={LIMITS.contactMax} />
        </Form.Item>
        <Form.Item label={t('phone.card.note')} name="note">
          <Input.TextArea rows={3} maxLength={LIMITS.summaryNoteMax} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
