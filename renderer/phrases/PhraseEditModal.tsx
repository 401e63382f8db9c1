import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../shared/limits.js';
import { PHRASE_LIMITS, type Phrase } from '../../shared/phrases.js';
import { usePhrasesStore } from './phrasesStore.js';

interface Values {
  kind: 'text' | 'link';
  title: string;
  content: string;
  shortcut?: string;
  hotkey?: string;
}

/** Add or edit one of 我的 phrases (personal); public ones are managed by admins. */
export function PhraseEditModal({ open, phrase, onClose }: { open: boolean; phrase: Phrase | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { create, update } = usePhrasesStore();

  useEffect(() => {
    if (open)
      form.setFieldsValue(
        phrase
          ? { kind: phrase.kind, title: phrase.title, content: phrase.content, shortcut: phrase.shortcut ?? '', hotkey: phrase.hotkey ?? '' }
          : { kind: 'text', title: '', content: '', shortcut: '', hotkey: '' },
      );
  }, [open, phrase, form]);

  const submit = async () => {
    // Invalid: the form already shows what is wrong beside each field; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const fields = {
      kind: values.kind,
      title: values.title,
      content: values.content,
      shortcut: values.shortcut?.trim() || null,
      hotkey: values.hotkey?.trim() || null,
    };
    const error = phrase ? await update(phrase.id, fields) : await create(fields);
    if (error) {
      void message.error(t('phrases.saveFailed', { message: error.message }));
      return;
    }
    onClose();
  };

  return (
    <Modal
      open={open}
      title={phrase ? t('phrases.edit') : t('phrases.add')}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('phrases.save')}
      cancelText={t('phrases.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="kind" label={t('phrases.kind')}>
          <Select
            options={[
              { value: 'text', label: t('phrases.kindText') },
              { value: 'link', label: t('phrases.kindLink') },
            ]}
            aria-label={t('phrases.kind')}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('phrases.titleField')}
          rules={[{ required: true, whitespace: true, message: t('phrases.titleRequired') }, { max: PHRASE_LIMITS.titleMax }]}
        >
          <Input aria-label={t('phrases.titleField')} />
        </Form.Item>
        {/* A count, not maxLength: a pasted over-long text is shown as too long, never cut silently. */}
        <Form.Item
          name="content"
          label={t('phrases.content')}
          extra={t('phrases.variablesHint')}
          rules={[{ required: true, whitespace: true, message: t('phrases.contentRequired') }, { max: LIMITS.messageTextMax }]}
        >
          <Input.TextArea aria-label={t('phrases.content')} autoSize={{ minRows: 3, maxRows: 8 }} count={{ show: true, max: LIMITS.messageTextMax }} />
        </Form.Item>
        <Form.Item name="shortcut" label={t('phrases.shortcut')} rules={[{ pattern: /^\/?[A-Za-z0-9_-]{0,20}$/, message: t('phrases.shortcutInvalid') }]}>
          <Input aria-label={t('phrases.shortcut')} placeholder="/th" />
        </Form.Item>
        <Form.Item
          name="hotkey"
          label={t('phrases.hotkey')}
          rules={[{ pattern: /^(((Ctrl|Alt|Shift)\+){1,3}[A-Z0-9])?$/, message: t('phrases.hotkeyInvalid') }]}
        >
          <Input aria-label={t('phrases.hotkey')} placeholder="Alt+3" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
