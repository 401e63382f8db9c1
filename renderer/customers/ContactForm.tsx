import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Space } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ContactEmailSchema, ContactPhoneSchema, type CustomerProfile } from '../../shared/customers.js';
import { useDial } from '../phone/useDial.js';
import { useCustomerStore } from './customerStore.js';

/** The same rules the server applies, checked first so the agent sees the problem by the field. */
function problems(phone: string, email: string): { phone?: string; email?: string } {
  return {
    ...(phone.trim() && !ContactPhoneSchema.safeParse(phone).success ? { phone: 'customer.invalidPhone' } : {}),
    ...(email.trim() && !ContactEmailSchema.safeParse(email).success ? { email: 'customer.invalidEmail' } : {}),
  };
}

/** 电话 and 邮箱 an agent may edit; the saved phone has a 点击拨号 button. */
export function ContactForm({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const dial = useDial();
  const update = useCustomerStore((s) => s.update);
  const [phone, setPhone] = useState(profile.phone);
  const [email, setEmail] = useState(profile.email);
  const [errors, setErrors] = useState<{ phone?: string; email?: string }>({});
  const [saving, setSaving] = useState(false);

  // Another agent's change (or a reload) replaces what is shown.
  useEffect(() => {
    setPhone(profile.phone);
    setEmail(profile.email);
  }, [profile.visitorId, profile.phone, profile.email]);

  const save = async () => {
    const found = problems(phone, email);
    setErrors(found);
    if (found.phone || found.email) return;
    setSaving(true);
    const result = await update({ phone: phone.trim(), email: email.trim() });
    setSaving(false);
    if (result.ok) void message.success(t('customer.saved'));
    else if (result.error.details?.['body.phone']) setErrors({ phone: 'customer.invalidPhone' });
    else if (result.error.details?.['body.email']) setErrors({ email: 'customer.invalidEmail' });
    else void message.error(result.error.message);
  };

  return (
    <Form layout="vertical" size="small" onFinish={() => void save()} requiredMark={false}>
      <Form.Item
        label={t('customer.phone')}
        htmlFor="kefu-customer-phone"
        validateStatus={errors.phone ? 'error' : undefined}
        help={errors.phone ? t(errors.phone) : undefined}
        style={{ marginBottom: 8 }}
      >
        <Space.Compact style={{ width: '100%' }}>
          <Input
            id="kefu-customer-phone"
            aria-label={t('customer.phone')}
            placeholder={t('customer.phonePlaceholder')}
            value={phone}
            maxLength={32}
            onChange={(e) => setPhone(e.target.value)}
          />
          {profile.phone ? (
            <Button
              icon={<PhoneOutlined />}
              aria-label={t('customer.dial', { number: profile.phone })}
              title={t('customer.dial', { number: profile.phone })}
              onClick={() => void dial(profile.phone)}
            />
          ) : null}
        </Space.Compact>
      </Form.Item>
      <Form.Item
        label={t('customer.email')}
        htmlFor="kefu-customer-email"
        validateStatus={errors.email ? 'error' : undefined}
        help={errors.email ? t(errors.email) : undefined}
        style={{ marginBottom: 8 }}
      >
        <Input
          id="kefu-customer-email"
          aria-label={t('customer.email')}
          placeholder={t('customer.emailPlaceholder')}
          value={email}
          maxLength={128}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} aria-label={t('customer.save')}>
        {t('customer.save')}
      </Button>
    </Form>
  );
}
