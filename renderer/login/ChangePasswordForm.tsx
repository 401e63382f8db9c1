import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/limits.js';
import { PASSWORD_RULE_HINTS, passwordHintBroken, passwordRuleValues } from '../../shared/password-rule-hints.js';
import { useSessionStore } from './sessionStore.js';
import { requestNotificationPermission } from '../alerts/notify.js';

interface ChangeFields {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * 修改密码 before the workstation opens: an administrator set this account's password, so the
 * services hold the login until the agent chose their own (the same rules as the server's and the
 * console's, shared/password-policy.ts). 返回登录 drops the held login.
 */
export function ChangePasswordForm({ account, onBack }: { account: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChangeFields>();
  const changePassword = useSessionStore((s) => s.changePassword);
  const logout = useSessionStore((s) => s.logout);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (fields: ChangeFields) => {
    setBusy(true);
    setError(null);
    const failure = await changePassword({ currentPassword: fields.currentPassword, newPassword: fields.newPassword });
    setBusy(false);
    if (!failure) return requestNotificationPermission();
    setError(t('password.failed', { message: failure.message }));
    if (failure.details?.currentPassword) form.setFields([{ name: 'currentPassword', errors: [t('password.wrongCurrent')] }]);
  };

  const back = async () => {
    await logout();
    onBack();
  };

  return (
    <main className="kefu-login">
      <Card>
        <Typography.Title level={1} className="kefu-login-title">
          {t('app.title')} · {t('password.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('password.intro')}</Typography.Paragraph>
        <Form<ChangeFields> form={form} layout="vertical" aria-label={t('password.title')} onFinish={(fields) => void submit(fields)} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
            <Input.Password prefix={<LockOutlined />} maxLength={LIMITS.passwordMax} autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.next')}
            dependencies={['currentPassword']}
            extra={
              <div id="password-rules">
                {t('password.rules.title')}
                <ul>
                  {PASSWORD_RULE_HINTS.map((rule) => (
                    <li key={rule}>{t(`password.rules.${rule}`, passwordRuleValues(rule))}</li>
                  ))}
                </ul>
              </div>
            }
            rules={[
              { required: true, message: t('password.nextRequired') },
              ({ getFieldValue }) => ({
                validator: async (_: unknown, value: string | undefined) => {
                  if (!value) return;
                  const rule = passwordHintBroken(value, account);
                  if (rule) throw new Error(t(`password.rules.${rule}`, passwordRuleValues(rule)));
                  if (value === getFieldValue('currentPassword')) throw new Error(t('password.sameAsCurrent'));
                },
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} maxLength={LIMITS.passwordMax} autoComplete="new-password" aria-describedby="password-rules" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: async (_: unknown, value: string | undefined) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password prefix={<LockOutlined />} maxLength={LIMITS.passwordMax} autoComplete="new-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
          <Space style={{ width: '100%' }} orientation="vertical">
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('password.submit')}
            </Button>
            <Button block onClick={() => void back()}>
              {t('password.back')}
            </Button>
          </Space>
        </Form>
      </Card>
    </main>
  );
}
