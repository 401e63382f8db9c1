import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { FormModal, useFormSave } from '../forms/FormModal.js';
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
  const { saving, problem, submit } = useFormSave(form, { fields: FIELDS, onClose });

  function save() {
    void submit((fields) => {
      const parsed = NewTagCategoryBodySchema.safeParse({ name: fields.name, tags: (fields.tags ?? []).map((tag) => tag.trim()).filter(Boolean) });
      if (!parsed.success) {
        form.setFields(
          schemaFieldErrors(parsed.error, FIELDS, (field) =>
            t(`content.tags.invalid.${field}`, { max: LIMITS.customerTagMax, limit: TAG_CATEGORY_LIMITS.tagsMax }),
          ),
        );
        return null;
      }
      return category
        ? api.call('updateTagCategory', { params: { id: category.id }, body: { name: parsed.data.name, tags: parsed.data.tags } })
        : api.call('createTagCategory', { body: parsed.data });
    }, onSaved);
  }

  return (
    <FormModal
      title={category ? t('content.tags.editTitle', { name: category.name }) : t('content.tags.add')}
      saving={saving}
      problem={problem}
      onOk={save}
      onClose={onClose}
    >
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
    </FormModal>
  );
}
