import { useState, type ReactNode } from 'react';
import { Alert, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppError, Result } from '../../shared/errors.js';
import { fieldErrorsOf } from './server-errors.js';

/**
 * The save of a dialog's form: check the fields, send, close once saved. A refusal keeps the
 * dialog open with the server's message above the form (FormModal's `problem`) and its field
 * detail beside each of `fields`; `onRefused` can put the rest where it belongs.
 */
export function useFormSave<V>(
  form: FormInstance<V>,
  { fields, onClose, onRefused }: { fields: readonly (keyof V & string)[]; onClose: () => void; onRefused?: (error: AppError) => void },
) {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);

  /** `send` makes the call, or returns null when it has refused the values itself (and said why on the form). */
  async function submit<T>(send: (values: V) => Promise<Result<T>> | null, onSaved?: (value: T) => void) {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const sending = send(values);
    if (!sending) return;
    setSaving(true);
    const result = await sending;
    setSaving(false);
    if (result.ok) {
      onSaved?.(result.value);
      return onClose();
    }
    setProblem(result.error);
    form.setFields(fieldErrorsOf(result.error, fields) as Parameters<FormInstance<V>['setFields']>[0]);
    onRefused?.(result.error);
  }

  return { saving, problem, submit };
}

/** A dialog around a form: 保存 (or `okText`) and 取消, the save in progress, and the server's refusal above the form. */
export function FormModal({
  title,
  okText,
  width,
  saving,
  problem,
  onOk,
  onClose,
  children,
}: {
  title: string;
  okText?: string;
  width?: number;
  saving: boolean;
  problem: AppError | null;
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText ?? t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={saving}
      onOk={onOk}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" role="alert" showIcon title={t('app.saveFailed', { message: problem.message })} style={{ marginBottom: 16 }} />}
      {children}
    </Modal>
  );
}
