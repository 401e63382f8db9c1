import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { fieldErrorsOf } from '../forms/server-errors.js';
import { LIMITS } from '../../shared/limits.js';
import type { AdminAgent, AdminGroup } from '../../shared/protocol/rest-admin.js';
import type { Role } from '../../shared/domain.js';
import { PasswordRules } from './PasswordRules.js';
import { AvatarField } from './AvatarField.js';
import { passwordProblem } from './password-check.js';
import { useSessionStore } from '../session/sessionStore.js';
import { AgentSipFields } from './AgentSipFields.js';
import { EMPTY_SIP, useAgentSip, type SipFormValues } from './useAgentSip.js';

interface AgentForm {
  account: string;
  nickname: string;
  password?: string;
  role: Role;
  groupId: string | null;
  maxConcurrent: number;
  /** SIP 账号 (admins only), saved after the agent. */
  sip?: SipFormValues;
}
const FIELDS = ['account', 'nickname', 'password', 'role', 'groupId', 'maxConcurrent'] as const;
/** The "no group" option: antd Select cannot hold null as a value. */
const NO_GROUP = '';
const ROLES = ['agent', 'leader', 'admin'] as const;

/**
 * 新建客服 (agent undefined) or 编辑 (nickname, group, 最大接线量, 重置密码). The server's refusal is
 * shown above the fields, and each field it names gets its problem beside it.
 */
export function AgentFormModal({
  agent,
  groups,
  onClose,
  onSaved,
  onAvatarChanged,
}: {
  agent?: AdminAgent;
  groups: AdminGroup[];
  onClose: () => void;
  onSaved: () => void;
  /** 头像 is saved on its own, at once: the list shows it while the form stays open. */
  onAvatarChanged?: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<AgentForm>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const editing = agent !== undefined;
  const viewerIsAdmin = useSessionStore((s) => s.admin?.role === 'admin');
  const sip = useAgentSip(form, agent?.id, viewerIsAdmin);

  useEffect(() => {
    form.setFieldsValue(
      agent
        ? {
            account: agent.account,
            nickname: agent.nickname,
            role: agent.role,
            groupId: agent.groupId ?? NO_GROUP,
            maxConcurrent: agent.maxConcurrent,
            password: '',
          }
        : { role: 'agent', groupId: viewerIsAdmin ? NO_GROUP : (groups[0]?.id ?? NO_GROUP), maxConcurrent: 5 },
    );
  }, [agent, form, groups, viewerIsAdmin]);

  async function save() {
    let values: AgentForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setProblem(null);
    const groupId = values.groupId === NO_GROUP ? null : values.groupId;
    const result = agent
      ? await api.call('updateAgent', {
          params: { id: agent.id },
          body: {
            nickname: values.nickname,
            groupId,
            maxConcurrent: values.maxConcurrent,
            ...(values.password ? { password: values.password } : {}),
            // Sent only when changed: a role change ends the account's logins.
            ...(viewerIsAdmin && values.role !== agent.role ? { role: values.role } : {}),
          },
        })
      : await api.call('createAgent', {
          body: {
            account: values.account.trim(),
            nickname: values.nickname,
            password: values.password ?? '',
            role: viewerIsAdmin ? values.role : 'agent',
            groupId,
            maxConcurrent: values.maxConcurrent,
          },
        });
    setSaving(false);
    if (!result.ok) {
      setProblem(t('app.saveFailed', { message: result.error.message }));
      form.setFields(fieldErrorsOf(result.error, FIELDS));
      return;
    }
    // The agent is saved either way; a refused SIP account is said, and the form can be opened again for it.
    const sipProblem = await sip.save(result.value.id, values.sip);
    if (sipProblem) void message.error(t('accounts.sip.saveFailed', { message: sipProblem.message }));
    void message.success(t(editing ? 'agents.updated' : 'agents.created', { account: result.value.account }));
    onSaved();
  }

  const passwordRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value && editing) return;
      if (!value) throw new Error(t('agents.passwordRequired'));
      const problemText = passwordProblem(value, editing ? agent.account : form.getFieldValue('account'), t);
      if (problemText) throw new Error(problemText);
    },
  };

  return (
    <Modal
      open
      title={editing ? t('agents.editTitle', { account: agent.account }) : t('agents.createTitle')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      width={520}
    >
      {problem && <Alert type="error" role="alert" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <AvatarField agent={agent} onChanged={onAvatarChanged} />
      <Form<AgentForm> form={form} layout="vertical" requiredMark={false} onFinish={() => void save()} initialValues={{ sip: EMPTY_SIP }}>
        <Form.Item
          name="account"
          label={t('agents.account')}
          rules={[
            { required: !editing, whitespace: true, message: t('agents.accountRequired') },
            { pattern: /^[A-Za-z0-9_.@-]+$/, message: t('agents.accountPattern') },
            { max: LIMITS.nameMax },
          ]}
        >
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="nickname"
          label={t('agents.nickname')}
          rules={[{ required: true, whitespace: true, message: t('agents.nicknameRequired') }, { max: LIMITS.nameMax }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={editing ? t('agents.resetPassword') : t('agents.password')}
          rules={[passwordRule]}
          extra={
            <>
              <div>{t(editing ? 'accounts.resetPasswordHelp' : 'accounts.createPasswordHelp')}</div>
              <PasswordRules id="agent-password-rules" />
            </>
          }
        >
          <Input.Password autoComplete="new-password" aria-describedby="agent-password-rules" />
        </Form.Item>
        <div className="admin-form-row" style={{ gridTemplateColumns: viewerIsAdmin ? '1fr 1fr 1fr' : '1fr 1fr' }}>
          {/* Roles are an admin's to give; a group leader adds agents to their own group. */}
          {viewerIsAdmin && (
            <Form.Item name="role" label={t('agents.role')} extra={editing ? t('agents.roleChangeHelp') : undefined}>
              <Select options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
            </Form.Item>
          )}
          <Form.Item name="groupId" label={t('agents.group')}>
            <Select
              options={[...(viewerIsAdmin ? [{ value: NO_GROUP, label: t('agents.noGroup') }] : []), ...groups.map((g) => ({ value: g.id, label: g.name }))]}
            />
          </Form.Item>
          <Form.Item
            name="maxConcurrent"
            label={t('agents.maxConcurrent')}
            extra={t('agents.maxConcurrentRange', { min: 1, max: LIMITS.maxConcurrentCeiling })}
            rules={[
              {
                required: true,
                type: 'integer',
                min: 1,
                max: LIMITS.maxConcurrentCeiling,
                message: t('agents.maxConcurrentRange', { min: 1, max: LIMITS.maxConcurrentCeiling }),
              },
            ]}
          >
            <InputNumber min={1} max={LIMITS.maxConcurrentCeiling} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        {viewerIsAdmin && <AgentSipFields form={form} exists={sip.exists} loadError={sip.loadError} />}
      </Form>
    </Modal>
  );
}
