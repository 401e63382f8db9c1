import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { BLACKLIST_LIMITS, type BlacklistAddBody, type BlacklistEntry, type BlacklistKind } from '../../shared/protocol/rest-blacklist.js';
import { useApi } from '../api/ApiContext.js';
import { FormModal, useFormSave } from '../forms/FormModal.js';
import { EXPIRY_CHOICES, expiresAtFor, type ExpiryChoice } from './expiry-choices.js';

interface Values {
  kind: BlacklistKind;
  value: string;
  reason: string;
  expiry: ExpiryChoice;
}

const KINDS: readonly BlacklistKind[] = ['visitor', 'ip', 'phone'];

/**
 * 加入黑名单: the kind, the value (the server checks addresses and numbers strictly and names the
 * field it refuses), a reason and how long it lasts.
 */
export function BlacklistAddModal({ onAdded, onClose }: { onAdded: (entry: BlacklistEntry) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'visitor';
  const {
    saving,
    problem,
    submit: saveForm,
  } = useFormSave(form, {
    fields: ['kind', 'value', 'reason'],
    onClose,
    onRefused: (error) => {
      if (error.details && 'expiresAt' in error.details) form.setFields([{ name: 'expiry', errors: [error.details.expiresAt!] }]);
    },
  });

  function submit() {
    void saveForm((values) => {
      const body = {
        kind: values.kind,
        value: values.value.trim(),
        reason: values.reason.trim(),
        expiresAt: expiresAtFor(values.expiry, Date.now()),
      } as BlacklistAddBody;
      return api.call('addBlacklist', { body });
    }, onAdded);
  }

  return (
    <FormModal title={t('blacklist.addTitle')} okText={t('blacklist.add')} saving={saving} problem={problem} onOk={submit} onClose={onClose}>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        aria-label={t('blacklist.addTitle')}
        initialValues={{ kind: 'visitor', value: '', reason: '', expiry: 'never' }}
        onFinish={submit}
      >
        <Form.Item name="kind" label={t('blacklist.kind')}>
          <Select<BlacklistKind> aria-label={t('blacklist.kind')} options={KINDS.map((k) => ({ value: k, label: t(`blacklist.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="value"
          label={t(`blacklist.valueLabel.${kind}`)}
          extra={t(`blacklist.valueHelp.${kind}`)}
          rules={[{ required: true, whitespace: true, message: t('blacklist.valueRequired') }]}
        >
          <Input placeholder={t(`blacklist.valuePlaceholder.${kind}`)} maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="reason" label={t('blacklist.reason')} rules={[{ required: true, whitespace: true, message: t('blacklist.reasonRequired') }]}>
          <Input.TextArea maxLength={BLACKLIST_LIMITS.reasonMax} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="expiry" label={t('blacklist.duration')}>
          <Select<ExpiryChoice>
            aria-label={t('blacklist.duration')}
            options={EXPIRY_CHOICES.map((c) => ({ value: c, label: t(`blacklist.expiryChoices.${c}`) }))}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
