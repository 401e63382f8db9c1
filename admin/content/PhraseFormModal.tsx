import { Form, Input, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { FormModal, useFormSave } from '../forms/FormModal.js';
import { NewPhraseBodySchema, PHRASE_LIMITS, type Phrase, type PhraseCategory, type PhraseKind } from '../../shared/phrases.js';
import { schemaFieldErrors } from './schema-errors.js';
import { phraseOwner, type ContentScope } from './content-scope.js';

interface Fields {
  kind: PhraseKind;
  categoryId: string | null;
  title: string;
  content: string;
  shortcut: string;
}
const FIELDS = ['kind', 'categoryId', 'title', 'content', 'shortcut'] as const;

/** Add or edit a phrase (文本) or link (链接) of a scope; checked with the server's own schema first. */
export function PhraseFormModal({
  scope,
  phrase,
  categories,
  onSaved,
  onClose,
}: {
  scope: ContentScope;
  phrase: Phrase | null;
  categories: PhraseCategory[];
  onSaved: (phrase: Phrase) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<Fields>();
  const kind = Form.useWatch('kind', form) ?? phrase?.kind ?? 'text';
  const { saving, problem, submit } = useFormSave(form, { fields: FIELDS, onClose });

  function save() {
    void submit((fields) => {
      const parsed = NewPhraseBodySchema.safeParse({
        ...phraseOwner(scope),
        kind: fields.kind,
        categoryId: fields.categoryId ?? null,
        title: fields.title,
        content: fields.content,
        shortcut: fields.shortcut?.trim() ? fields.shortcut.trim() : null,
      });
      if (!parsed.success) {
        form.setFields(schemaFieldErrors(parsed.error, FIELDS, (field) => t(`content.phrases.invalid.${field}`)));
        return null;
      }
      // An edit sends what the form shows; the hotkey is set on the workstation and stays as it is.
      const { scope: _scope, groupId: _groupId, sortOrder: _sortOrder, hotkey: _hotkey, ...changes } = parsed.data;
      return phrase ? api.call('updatePhrase', { params: { id: phrase.id }, body: changes }) : api.call('createPhrase', { body: parsed.data });
    }, onSaved);
  }

  return (
    <FormModal
      title={phrase ? t('content.phrases.editTitle', { title: phrase.title }) : t('content.phrases.add')}
      saving={saving}
      problem={problem}
      onOk={save}
      onClose={onClose}
    >
      <Form<Fields>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          kind: phrase?.kind ?? 'text',
          categoryId: phrase?.categoryId ?? null,
          title: phrase?.title ?? '',
          content: phrase?.content ?? '',
          shortcut: phrase?.shortcut ?? '',
        }}
      >
        <Form.Item name="kind" label={t('content.phrases.kind')}>
          <Radio.Group
            aria-label={t('content.phrases.kind')}
            options={[
              { value: 'text', label: t('content.phrases.kinds.text') },
              { value: 'link', label: t('content.phrases.kinds.link') },
            ]}
          />
        </Form.Item>
        <Form.Item name="categoryId" label={t('content.phrases.category')}>
          <Select
            aria-label={t('content.phrases.category')}
            options={[{ value: null, label: t('content.uncategorised') }, ...categories.map((c) => ({ value: c.id, label: c.name }))]}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('content.phrases.phraseTitle')}
          rules={[
            { required: true, whitespace: true, message: t('content.phrases.titleRequired') },
            { max: PHRASE_LIMITS.titleMax, message: t('content.tooLong', { max: PHRASE_LIMITS.titleMax }) },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="content"
          label={kind === 'link' ? t('content.phrases.url') : t('content.phrases.content')}
          rules={[{ required: true, whitespace: true, message: t(kind === 'link' ? 'content.phrases.urlRequired' : 'content.phrases.contentRequired') }]}
          extra={kind === 'text' ? t('content.phrases.variablesHint') : undefined}
        >
          {kind === 'link' ? <Input autoComplete="off" placeholder="https://" /> : <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />}
        </Form.Item>
        <Form.Item name="shortcut" label={t('content.phrases.shortcut')} extra={t('content.phrases.shortcutHint')}>
          <Input autoComplete="off" placeholder="/th" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
