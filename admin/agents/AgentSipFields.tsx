import { Alert, Form, Input, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/limits.js';
import type { AppError } from '../../shared/errors.js';
import { sipWanted, type SipFormValues } from './useAgentSip.js';

/** The regexes of shared/phone.ts (SipSettingsSchema), said in the admin's language before the server says them again. */
const WS_URL = /^wss?:\/\/[^\s]+$/;
const SIP_URI = /^sip:[^\s@]+@[^\s]+$/;

/** SIP 账号 fields of the 客服 form (admins only). The addresses are required once either is filled in. */
export function AgentSipFields({ form, exists, loadError }: { form: FormInstance; exists: boolean; loadError: AppError | null }) {
  const { t } = useTranslation();
  const wanted = () => sipWanted(form.getFieldValue('sip') as SipFormValues | undefined);
  const required = (message: string) => ({
    validator: async (_: unknown, value: string | undefined) => {
      if (wanted() && !value?.trim()) throw new Error(message);
    },
  });

  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <legend>
        <Typography.Text strong>{t('accounts.sip.section')}</Typography.Text>
      </legend>
      <Typography.Paragraph type="secondary">{t('accounts.sip.help')}</Typography.Paragraph>
      {loadError && <Alert type="warning" showIcon title={t('accounts.sip.loadFailed', { message: loadError.message })} style={{ marginBottom: 12 }} />}
      <Form.Item name={['sip', 'enabled']} label={t('accounts.sip.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item
        name={['sip', 'wsServer']}
        label={t('accounts.sip.wsServer')}
        dependencies={[['sip', 'uri']]}
        rules={[required(t('accounts.sip.wsServerPattern')), { pattern: WS_URL, message: t('accounts.sip.wsServerPattern') }, { max: 256 }]}
      >
        <Input placeholder="wss://pbx.example.com:8089/ws" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name={['sip', 'uri']}
        label={t('accounts.sip.uri')}
        dependencies={[['sip', 'wsServer']]}
        rules={[required(t('accounts.sip.uriPattern')), { pattern: SIP_URI, message: t('accounts.sip.uriPattern') }, { max: 256 }]}
      >
        <Input placeholder="sip:1001@example.com" autoComplete="off" />
      </Form.Item>
      <div className="admin-form-row" style={{ gridTemplateColumns: '1fr 1fr' }}>
        <Form.Item name={['sip', 'authUser']} label={t('accounts.sip.authUser')} rules={[{ max: 128 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name={['sip', 'displayName']} label={t('accounts.sip.displayName')} rules={[{ max: LIMITS.nameMax }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </div>
      <Form.Item
        name={['sip', 'password']}
        label={t('accounts.sip.password')}
        extra={exists ? t('accounts.sip.passwordKeep') : undefined}
        rules={exists ? [{ max: 128 }] : [required(t('accounts.sip.passwordRequired')), { max: 128 }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </fieldset>
  );
}
