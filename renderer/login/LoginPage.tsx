import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SessionSnapshot } from '../../shared/ipc/contract.js';
import { LIMITS } from '../../shared/limits.js';
import { useSessionStore } from './sessionStore.js';
import { requestNotificationPermission } from '../alerts/notify.js';
import { useAutoLogin } from './useAutoLogin.js';
import { SessionEndedNotice } from './SessionEndedNotice.js';
import { loginErrorText } from './login-error.js';
import { ServerAddressSection } from './ServerAddressSection.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

interface LoginFields {
  account: string;
  password: string;
  rememberPassword: boolean;
  autoLogin: boolean;
  autoStart: boolean;
}

const EMPTY: LoginFields = { account: '', password: '', rememberPassword: false, autoLogin: false, autoStart: false };

/** 登录: account, password and the three start-up flags, sent to the services as they are. */
export function LoginPage({ snapshot }: { snapshot: SessionSnapshot }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginFields>();
  const login = useSessionStore((s) => s.login);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The account whose login waits for 修改密码 (an administrator set its password). */
  const [mustChange, setMustChange] = useState<string | null>(null);
  const { settings, hasRememberedPassword } = snapshot;
  const remembered = hasRememberedPassword && settings.rememberPassword;

  const submit = async (fields: LoginFields) => {
    setBusy(true);
    setError(null);
    const useRemembered = remembered && fields.password === '' && fields.account.trim() === settings.lastAccount;
    const failure = await login({
      account: fields.account.trim(),
      ...(useRemembered ? {} : { password: fields.password }),
      rememberPassword: fields.rememberPassword,
      autoLogin: fields.autoLogin,
      autoStart: fields.autoStart,
    });
    setBusy(false);
    if (failure?.code === 'PASSWORD_CHANGE_REQUIRED') setMustChange(fields.account.trim());
    else if (failure) setError(loginErrorText(t, failure, Date.now()));
    else requestNotificationPermission();
  };
  useAutoLogin(snapshot, submit);

  if (mustChange) return <ChangePasswordForm account={mustChange} onBack={() => setMustChange(null)} />;

  return (
    <main className="kefu-login">
      <Card>
        <Typography.Title level={1} className="kefu-login-title">
          {t('app.title')} · {t('login.title')}
        </Typography.Title>
        <SessionEndedNotice reason={snapshot.endReason} />
        <Form<LoginFields>
          form={form}
          layout="vertical"
          aria-label={t('login.title')}
          initialValues={{
            account: settings.lastAccount,
            password: '',
            rememberPassword: settings.rememberPassword,
            autoLogin: settings.autoLogin,
            autoStart: settings.autoStart,
          }}
          onFinish={(fields) => void submit(fields)}
          requiredMark={false}
        >
          <Form.Item label={t('login.account')} name="account" rules={[{ required: true, whitespace: true, message: t('login.accountRequired') }]}>
            <Input prefix={<UserOutlined />} maxLength={LIMITS.nameMax} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: !remembered, message: t('login.passwordRequired') }]}>
            <Input.Password
              prefix={<LockOutlined />}
              maxLength={LIMITS.passwordMax}
              autoComplete="current-password"
              placeholder={remembered ? t('login.rememberedPassword') : undefined}
            />
          </Form.Item>
          <Space wrap size={[16, 0]}>
            <Form.Item name="rememberPassword" valuePropName="checked" noStyle>
              <Checkbox>{t('login.rememberPassword')}</Checkbox>
            </Form.Item>
            <Form.Item name="autoLogin" valuePropName="checked" noStyle>
              <Checkbox>{t('login.autoLogin')}</Checkbox>
            </Form.Item>
            <Form.Item name="autoStart" valuePropName="checked" noStyle>
              <Checkbox>{t('login.autoStart')}</Checkbox>
            </Form.Item>
          </Space>
          {error && <Alert type="error" showIcon role="alert" title={t('login.failed', { message: error })} style={{ marginTop: 16 }} />}
          <Space style={{ marginTop: 20, width: '100%' }} orientation="vertical">
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
            <Button
              block
              onClick={() => {
                form.setFieldsValue(EMPTY);
                setError(null);
              }}
            >
              {t('login.reset')}
            </Button>
          </Space>
        </Form>
        <ServerAddressSection />
      </Card>
    </main>
  );
}
