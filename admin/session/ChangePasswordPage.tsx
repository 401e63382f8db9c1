import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { LoginFrame } from './LoginFrame.js';
import { fieldErrorsOf } from '../forms/server-errors.js';
import { PasswordRules } from '../agents/PasswordRules.js';
import { passwordProblem } from '../agents/password-check.js';
import { LIMITS } from '../../shared/limits.js';
import type { Agent } from '../../shared/domain.js';

interface ChangeForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * 修改密码 before the console opens: the account was created or reset by an administrator, so the
 * server accepts nothing else from this login until it has a password of its own. The login's
 * token is not the tab's session yet: it is passed along and kept only after the change.
 */
export function ChangePasswordPage({
  token,
  admin,
  onChanged,
  onBack,
}: {
  token: string;
  admin: Agent;
  onChanged: (admin: Agent) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<ChangeForm>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(values: ChangeForm) {
    setBusy(true);
    setProblem(null);
    const result = await api.call('changeMyPassword', { token, body: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
    setBusy(false);
    if (result.ok) return onChanged(result.value);
    setProblem(t('accounts.changePassword.failed', { message: result.error.message }));
    form.setFields(
      fieldErrorsOf(result.error, ['currentPassword', 'newPassword']).map((field) =>
        // The server's words are English; a wrong current password reads better in the admin's language.
        field.name === 'currentPassword' ? { ...field, errors: [t('accounts.changePassword.wrongCurrent')] } : field,
      ),
    );
  }

  async function back() {
    await api.call('logout', { token });
    onBack();
  }

  return (
    <LoginFrame title={t('accounts.changePassword.title')}>
      <Typography.Paragraph>{t('accounts.changePassword.intro')}</Typography.Paragraph>
      {problem && <Alert type="error" role="alert" showIcon title={problem} className="admin-login-alert" />}
      <Form<ChangeForm>
        form={form}
        layout="vertical"
        aria-label={t('accounts.changePassword.title')}
        onFinish={(values) => void submit(values)}
        requiredMark={false}
      >
        <Form.Item
          name="currentPassword"
          label={t('accounts.changePassword.current')}
          rules={[{ required: true, message: t('accounts.changePassword.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" maxLength={LIMITS.passwordMax} autoFocus />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('accounts.changePassword.next')}
          dependencies={['currentPassword']}
          extra={<PasswordRules id="change-password-rules" />}
          rules={[
            { required: true, message: t('accounts.changePassword.nextRequired') },
            ({ getFieldValue }) => ({
              validator: async (_: unknown, value: string | undefined) => {
                if (!value) return;
                const broken = passwordProblem(value, admin.account, t);
                if (broken) throw new Error(broken);
                if (value === getFieldValue('currentPassword')) throw new Error(t('accounts.changePassword.sameAsCurrent'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} aria-describedby="change-password-rules" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('accounts.changePassword.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('accounts.changePassword.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_: unknown, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('accounts.changePassword.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={LIMITS.passwordMax} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('accounts.changePassword.submit')}
        </Button>
        <Button block style={{ marginTop: 8 }} onClick={() => void back()}>
          {t('accounts.changePassword.back')}
        </Button>
      </Form>
    </LoginFrame>
  );
}
