import { Form, Input } from 'antd';
import type { Result } from '../../shared/errors.js';
import { LIMITS } from '../../shared/limits.js';
import { FormModal, useFormSave } from './FormModal.js';

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
  const [form] = Form.useForm<{ name: string }>();
  const { saving, problem, submit: saveForm } = useFormSave(form, { fields: ['name'], onClose });

  function submit() {
    void saveForm(({ name }) => save(name.trim()));
  }

  return (
    <FormModal title={title} saving={saving} problem={problem} onOk={submit} onClose={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ name: initial ?? '' }} onFinish={submit}>
        <Form.Item name="name" label={label} rules={[{ required: true, whitespace: true, message: requiredMessage }, { max: LIMITS.nameMax }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
