import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AdminGroup } from '../../shared/protocol/rest-admin.js';
import { RuleSourceSchema, SITE_VISITOR_LIMITS, type InvitationRule } from '../../shared/protocol/rest-site-visitors.js';
import { useApi } from '../api/ApiContext.js';
import { FormModal, useFormSave } from '../forms/FormModal.js';
import { bodyOf, DEFAULT_ROUTING, fieldsOf, hasSourcePattern, RULE_FIELDS, type RuleFields } from './rule-form.js';

const NAME_MAX = 60;

/**
 * Add or edit a 自动邀请 rule. The server checks the body with the contract's schema; what it
 * refuses is shown beside the field it is about (and above the form).
 */
export function RuleFormModal({
  rule,
  groups,
  onSaved,
  onClose,
}: {
  rule: InvitationRule | null;
  groups: readonly AdminGroup[];
  onSaved: (rule: InvitationRule) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<RuleFields>();
  const { saving, problem, submit } = useFormSave(form, { fields: RULE_FIELDS, onClose });
  const source = Form.useWatch('source', form) ?? rule?.source ?? 'any';
  const counted = (unit: string) => <span aria-hidden>{unit}</span>;

  function save() {
    void submit((fields) => {
      const body = bodyOf(fields);
      return rule ? api.call('updateInvitationRule', { params: { id: rule.id }, body }) : api.call('createInvitationRule', { body });
    }, onSaved);
  }

  return (
    <FormModal
      title={rule ? t('invitations.rules.editTitle', { name: rule.name }) : t('invitations.rules.addTitle')}
      width={640}
      saving={saving}
      problem={problem}
      onOk={save}
      onClose={onClose}
    >
      <Form<RuleFields> form={form} layout="vertical" requiredMark={false} initialValues={fieldsOf(rule, t('invitations.form.defaultText'))}>
        <Form.Item name="name" label={t('invitations.form.name')} rules={[{ required: true, whitespace: true, message: t('invitations.form.nameRequired') }]}>
          <Input autoComplete="off" maxLength={NAME_MAX} />
        </Form.Item>
        <Form.Item name="enabled" label={t('invitations.form.enabled')} valuePropName="checked">
          <Switch aria-label={t('invitations.form.enabled')} />
        </Form.Item>
        <Form.Item name="urlPattern" label={t('invitations.form.urlPattern')} extra={t('invitations.form.urlPatternHelp')}>
          <Input autoComplete="off" maxLength={SITE_VISITOR_LIMITS.patternMax} placeholder="/products/*" />
        </Form.Item>
        <Form.Item
          name="dwellSeconds"
          label={t('invitations.form.dwellSeconds')}
          extra={t('invitations.form.dwellSecondsHelp', { max: SITE_VISITOR_LIMITS.dwellSecondsMax })}
          rules={[{ required: true, type: 'integer', min: 0, max: SITE_VISITOR_LIMITS.dwellSecondsMax }]}
        >
          <InputNumber min={0} max={SITE_VISITOR_LIMITS.dwellSecondsMax} precision={0} suffix={counted(t('invitations.form.seconds'))} />
        </Form.Item>
        <Form.Item name="source" label={t('invitations.form.source')} extra={t('invitations.form.sourceHelp')}>
          <Select
            aria-label={t('invitations.form.source')}
            style={{ maxWidth: 240 }}
            options={RuleSourceSchema.options.map((value) => ({ value, label: t(`invitations.sources.${value}`) }))}
          />
        </Form.Item>
        {hasSourcePattern(source) && (
          <Form.Item name="sourcePattern" label={t('invitations.form.sourcePattern')} extra={t('invitations.form.sourcePatternHelp')}>
            <Input autoComplete="off" maxLength={SITE_VISITOR_LIMITS.patternMax} />
          </Form.Item>
        )}
        <Form.Item name="returningOnly" label={t('invitations.form.returningOnly')} extra={t('invitations.form.returningOnlyHelp')} valuePropName="checked">
          <Switch aria-label={t('invitations.form.returningOnly')} />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('invitations.form.text')}
          extra={t('invitations.form.textHelp', { max: SITE_VISITOR_LIMITS.invitationTextMax })}
          rules={[{ required: true, whitespace: true, message: t('invitations.form.textRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={SITE_VISITOR_LIMITS.invitationTextMax} showCount />
        </Form.Item>
        <Form.Item
          name="perVisitorPerDay"
          label={t('invitations.form.perVisitorPerDay')}
          extra={t('invitations.form.perVisitorPerDayHelp')}
          rules={[{ required: true, type: 'integer', min: 1, max: SITE_VISITOR_LIMITS.capMax }]}
        >
          <InputNumber min={1} max={SITE_VISITOR_LIMITS.capMax} precision={0} suffix={counted(t('invitations.form.times'))} />
        </Form.Item>
        <Form.Item
          name="perDay"
          label={t('invitations.form.perDay')}
          extra={t('invitations.form.perDayHelp')}
          rules={[{ required: true, type: 'integer', min: 1, max: SITE_VISITOR_LIMITS.capMax }]}
        >
          <InputNumber min={1} max={SITE_VISITOR_LIMITS.capMax} precision={0} suffix={counted(t('invitations.form.times'))} />
        </Form.Item>
        <Form.Item name="groupId" label={t('invitations.form.groupId')} extra={t('invitations.form.groupIdHelp')}>
          <Select
            aria-label={t('invitations.form.groupId')}
            style={{ maxWidth: 240 }}
            options={[{ value: DEFAULT_ROUTING, label: t('invitations.rules.defaultRouting') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
