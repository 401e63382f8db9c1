import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors.js';
import { BLACKLIST_LIMITS, type BlacklistAddBody, type BlacklistEntry, type BlacklistKind } from '../../shared/protocol/rest-blacklist.js';
import { useApi } from '../api/ApiContext.js';
import { fieldErrorsOf } from '../forms/server-errors.js';
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
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);

  async function submit() {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    const body = {
      kind: values.kind,
      value: values.value.trim(),
      reason: values.reason.trim(),
      expiresAt: expiresAtFor(values.expiry, Date.now()),
    } as BlacklistAddBody;
    const result = await api.call('addBlacklist', { body });
    setSaving(false);
    if (result.ok) {
      onAdded(result.value);
      return onClose();
    }
    setProblem(result.error);
    form.setFields(fieldErrorsOf(result.error, ['kind', 'value', 'reason'] as const));
    if (result.error.details && 'expiresAt' in result.error.details) form.setFields([{ name: 'expiry', errors: [result.error.details.expiresAt!] }]);
  }

  return (
    <Modal
      open
      title={t('blacklist.addTitle')}
      okText={t('blacklist.add')}
      cancelText={t('app.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" role="alert" showIcon title={t('app.saveFailed', { message: problem.message })} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        aria-label={t('blacklist.addTitle')}
        initialValues={{ kind: 'visitor', value: '', reason: '', expiry: 'never' }}
        onFinish={() => void submit()}
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
    </Modal>
  );
}
