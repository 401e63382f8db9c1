import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { fieldErrorsOf } from '../forms/server-errors.js';
import type { AppError } from '../../shared/errors.js';
import { LIMITS } from '../../shared/limits.js';
import { NewTagCategoryBodySchema, TAG_CATEGORY_LIMITS, type TagCategory } from '../../shared/tag-categories.js';
import { schemaFieldErrors } from './schema-errors.js';

interface Fields {
  name: string;
  tags: string[];
}
const FIELDS = ['name', 'tags'] as const;

/** Add or edit a tag category: its name and its tags in order (checked with the server's schema first). */
export function TagCategoryModal({
  category,
  onSaved,
  onClose,
}: {
  category: TagCategory | null;
  onSaved: (category: TagCategory) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<Fields>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);

  async function submit() {
    let fields: Fields;
    try {
      fields = await form.validateFields();
    } catch {
      return;
    }
    const parsed = NewTagCategoryBodySchema.safeParse({ name: fields.name, tags: (fields.tags ?? []).map((tag) => tag.trim()).filter(Boolean) });
    if (!parsed.success) {
      return form.setFields(
        schemaFieldErrors(parsed.error, FIELDS, (field) =>
          t(`content.tags.invalid.${field}`, { max: LIMITS.customerTagMax, limit: TAG_CATEGORY_LIMITS.tagsMax }),
        ),
      );
    }
    setSaving(true);
    const result = category
      ? await api.call('updateTagCategory', { params: { id: category.id }, body: { name: parsed.data.name, tags: parsed.data.tags } })
      : await api.call('createTagCategory', { body: parsed.data });
    setSaving(false);
    if (!result.ok) {
      setProblem(result.error);
      return form.setFields(fieldErrorsOf(result.error, FIELDS));
    }
    onSaved(result.value);
    onClose();
  }

  return (
    <Modal
      open
      title={category ? t('content.tags.editTitle', { name: category.name }) : t('content.tags.add')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {problem && <Alert type="error" role="alert" showIcon title={t('app.saveFailed', { message: problem.message })} style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" requiredMark={false} initialValues={{ name: category?.name ?? '', tags: category?.tags ?? [] }}>
        <Form.Item
          name="name"
          label={t('content.tags.name')}
          rules={[
            { required: true, whitespace: true, message: t('content.tags.nameRequired') },
            { max: LIMITS.nameMax, message: t('content.tooLong', { max: LIMITS.nameMax }) },
          ]}
        >
          <Input autoComplete="off" placeholder={t('content.tags.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="tags" label={t('content.tags.tags')} extra={t('content.tags.tagsHint')}>
          <Select mode="tags" aria-label={t('content.tags.tags')} tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
