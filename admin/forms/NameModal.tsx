import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppError, Result } from '../../shared/errors.js';
import { LIMITS } from '../../shared/limits.js';
import { fieldErrorsOf } from './server-errors.js';

/**
 * One name to type (a new skill group, a rename of a group or topic): saves through `save` and
 * shows the server's refusal above the field and its field detail beside it.
 */
export function NameModal({
  title,
  label,
  initial,
  requiredMessage,
  save,
  onClose,
}: {
  title: string;
  label: string;
  initial?: string;
  requiredMessage: string;
  save: (name: string) => Promise<Result<unknown>>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);

  async function submit() {
    let name: string;
    try {
      name = (await form.validateFields()).name.trim();
    } catch {
      return;
    }
    setSaving(true);
    const result = await save(name);
    setSaving(false);
    if (result.ok) return onClose();
    setProblem(result.error);
    form.setFields(fieldErrorsOf(result.error, ['name'] as const));
  }

  return (
    <Modal
      open
      title={title}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" role="alert" showIcon title={t('app.saveFailed', { message: problem.message })} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ name: initial ?? '' }} onFinish={() => void submit()}>
        <Form.Item name="name" label={label} rules={[{ required: true, whitespace: true, message: requiredMessage }, { max: LIMITS.nameMax }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
