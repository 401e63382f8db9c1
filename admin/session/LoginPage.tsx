import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { LoginFrame } from './LoginFrame.js';
import { loginAsAdmin } from './login.js';
import { useSessionStore } from './sessionStore.js';
import { ChangePasswordPage } from './ChangePasswordPage.js';
import type { Agent } from '../../shared/domain.js';

interface LoginForm {
  account: string;
  password: string;
}

/**
 * The console's login page; says why the admin is here when a session ended or a login was refused.
 * An account created or reset by an administrator changes its password here before the console opens.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const api = useApi();
  const notice = useSessionStore((s) => s.notice);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [changing, setChanging] = useState<{ token: string; admin: Agent } | null>(null);

  async function submit(values: LoginForm) {
    setBusy(true);
    setProblem(null);
    const outcome = await loginAsAdmin(api, values.account.trim(), values.password);
    setBusy(false);
    if (outcome.ok && outcome.mustChangePassword) setChanging({ token: outcome.token, admin: outcome.admin });
    else if (outcome.ok) useSessionStore.getState().signedIn(outcome.token, outcome.admin);
    else if ('refusal' in outcome) setProblem(t('login.notAdmin'));
    else setProblem(t('login.failed', { message: outcome.error.message }));
  }

  const shown = problem ?? notice;
  if (changing) {
    return (
      <ChangePasswordPage
        token={changing.token}
        admin={changing.admin}
        onChanged={(admin) => useSessionStore.getState().signedIn(changing.token, admin)}
        onBack={() => setChanging(null)}
      />
    );
  }
  return (
    <LoginFrame title={t('login.title')}>
      {shown && <Alert type="error" role="alert" showIcon title={shown} className="admin-login-alert" />}
      <Form<LoginForm> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
        <Form.Item name="account" label={t('login.account')} rules={[{ required: true, whitespace: true, message: t('login.accountRequired') }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('login.submit')}
        </Button>
      </Form>
    </LoginFrame>
  );
}
