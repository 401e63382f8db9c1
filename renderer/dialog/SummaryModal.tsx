import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Topic } from '../../shared/domain.js';
import { LIMITS } from '../../shared/limits.js';
import { invoke } from '../app/kefu.js';
import { useSummaryRequest } from './summaryStore.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { summaryRequiredBy, useCompanySettings } from '../company/companySettings.js';

interface SummaryFields {
  topicId: string | undefined;
  note: string | undefined;
}

/**
 * 对话小结: a conversation is closed with a topic and a note (conversations:close) — unless the
 * company does not require a summary (公司设置, followed live), then both may stay empty.
 */
export function SummaryModal() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const conversationId = useSummaryRequest((s) => s.conversationId);
  const dismiss = useSummaryRequest((s) => s.dismiss);
  const conversation = useConversationsStore((s) => s.conversations.find((c) => c.id === conversationId));
  const [form] = Form.useForm<SummaryFields>();
  const [topics, setTopics] = useState<Topic[]>([]);
  const [busy, setBusy] = useState(false);
  const required = summaryRequiredBy(useCompanySettings());

  useEffect(() => {
    if (!conversationId) return;
    let live = true;
    void invoke('topics:list', undefined).then((result) => {
      if (!live) return;
      if (result.ok) setTopics(result.value.filter((topic) => topic.enabled));
      else void message.error(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [conversationId, message]);

  const submit = async (fields: SummaryFields) => {
    if (!conversationId) return;
    setBusy(true);
    const note = (fields.note ?? '').trim();
    const result = await invoke('conversations:close', fields.topicId ? { conversationId, topicId: fields.topicId, note } : { conversationId, note });
    setBusy(false);
    if (!result.ok) {
      void message.error(result.error.message);
      return;
    }
    form.resetFields();
    dismiss();
  };

  return (
    <Modal
      open={conversationId !== null}
      title={`${t('summary.title')}${conversation ? ` · ${conversation.roomNo}` : ''}`}
      okText={t('summary.submit')}
      cancelText={t('summary.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={dismiss}
      destroyOnHidden
      forceRender
    >
      {/* Named, so its fields' ids (summary_note) cannot collide with another form's "note" field
          (the phone's wrap-up has one): a label must point at this dialog's own box. */}
      <Form<SummaryFields>
        form={form}
        name="summary"
        layout="vertical"
        aria-label={t('summary.title')}
        initialValues={{ topicId: conversation?.summary?.topicId ?? undefined, note: conversation?.summary?.note ?? '' }}
        onFinish={(fields) => void submit(fields)}
      >
        {!required && <Typography.Paragraph type="secondary">{t('summary.optional')}</Typography.Paragraph>}
        <Form.Item label={t('summary.topic')} name="topicId" rules={[{ required, message: t('summary.topicRequired') }]}>
          <Select
            aria-label={t('summary.topic')}
            allowClear={!required}
            options={topics.map((topic) => ({ value: topic.id, label: topic.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label={t('summary.note')} name="note" rules={[{ required, whitespace: true, message: t('summary.noteRequired') }]}>
          <Input.TextArea rows={4} maxLength={LIMITS.summaryNoteMax} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
