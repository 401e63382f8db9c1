import { useMemo, useRef, useState } from 'react';
import { Button, Form, Input, Select, Space, Switch, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { FormModal, useFormSave } from '../forms/FormModal.js';
import { KNOWLEDGE_LIMITS, type KnowledgeCategory, type KnowledgeEntry } from '../../shared/knowledge.js';
import { parseRichText, richDocToSource, richDocToText } from '../../shared/knowledge-rich-text.js';
import { AnswerPreview } from './AnswerPreview.js';
import { applyFormat, applyLink, type AnswerFormat, type SourceEdit } from './answer-format.js';
import { LinkModal } from './LinkModal.js';

interface EntryForm {
  question: string;
  categoryId: string | null;
  keywords: string[];
  enabled: boolean;
  answer: string;
}

const FIELDS = ['question', 'categoryId', 'keywords', 'enabled', 'answer'] as const;

const TOOLS: { format: AnswerFormat; icon: React.ReactNode; label: 'bold' | 'italic' | 'bulletList' | 'numberedList' }[] = [
  { format: 'bold', icon: <BoldOutlined />, label: 'bold' },
  { format: 'italic', icon: <ItalicOutlined />, label: 'italic' },
  { format: 'ul', icon: <UnorderedListOutlined />, label: 'bulletList' },
  { format: 'ol', icon: <OrderedListOutlined />, label: 'numberedList' },
];

/**
 * 新建 / 编辑 one entry. The answer is typed in the safe answer format with a toolbar for what it
 * supports, and previewed with the parser and renderer the server and the workstation use, so the
 * preview is what agents will see. The server's field refusals land beside their fields.
 */
export function EntryEditor({
  entry,
  groupId = null,
  categories,
  onSaved,
  onClose,
}: {
  entry: KnowledgeEntry | null;
  /** Whose a new entry is: null the company's, else that skill group's (an entry keeps its group). */
  groupId?: string | null;
  categories: KnowledgeCategory[];
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<EntryForm>();
  const { saving, problem, submit } = useFormSave(form, { fields: FIELDS, onClose });
  const [linking, setLinking] = useState(false);
  const areaRef = useRef<TextAreaRef>(null);
  const answer = Form.useWatch('answer', form) ?? '';
  const preview = useMemo(() => parseRichText(answer), [answer]);
  const initial: EntryForm = entry
    ? { question: entry.question, categoryId: entry.categoryId, keywords: entry.keywords, enabled: entry.enabled, answer: richDocToSource(entry.answer) }
    : { question: '', categoryId: null, keywords: [], enabled: true, answer: '' };

  function edit(change: (text: string, start: number, end: number) => SourceEdit) {
    const area = areaRef.current?.resizableTextArea?.textArea;
    const text = form.getFieldValue('answer') as string;
    const next = change(text, area?.selectionStart ?? text.length, area?.selectionEnd ?? text.length);
    form.setFieldValue('answer', next.text);
    void form.validateFields(['answer']).catch(() => undefined);
    // After React has put the new text in, select what was wrapped so the admin can keep typing.
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(next.selectionStart, next.selectionEnd);
    });
  }

  function save() {
    void submit((values) => {
      const body = {
        question: values.question.trim(),
        categoryId: values.categoryId ?? null,
        keywords: values.keywords,
        enabled: values.enabled,
        answer: values.answer,
      };
      return entry ? api.call('updateKnowledgeEntry', { params: { id: entry.id }, body }) : api.call('createKnowledgeEntry', { body: { ...body, groupId } });
    }, onSaved);
  }

  return (
    <FormModal
      width={960}
      title={t(entry ? 'knowledge.editor.editTitle' : 'knowledge.editor.createTitle')}
      saving={saving}
      problem={problem}
      onOk={save}
      onClose={onClose}
    >
      <Form<EntryForm> form={form} layout="vertical" requiredMark={false} initialValues={initial}>
        <Form.Item
          name="question"
          label={t('knowledge.question')}
          rules={[{ required: true, whitespace: true, message: t('knowledge.editor.questionRequired') }]}
        >
          <Input maxLength={KNOWLEDGE_LIMITS.questionMax} showCount autoComplete="off" />
        </Form.Item>
        <Space size="large" align="start" wrap>
          <Form.Item name="categoryId" label={t('knowledge.category')} style={{ minWidth: 220 }}>
            <Select allowClear placeholder={t('knowledge.noCategory')} options={categories.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item
            name="keywords"
            label={t('knowledge.keywords')}
            extra={t('knowledge.editor.keywordsHelp', { count: KNOWLEDGE_LIMITS.keywordsMax })}
            style={{ minWidth: 360 }}
            rules={[{ type: 'array', max: KNOWLEDGE_LIMITS.keywordsMax }]}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', '，']} maxTagTextLength={KNOWLEDGE_LIMITS.keywordMax} />
          </Form.Item>
          <Form.Item name="enabled" label={t('knowledge.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 16 }}>
          <Form.Item label={t('knowledge.answer')} extra={t('knowledge.editor.formatHelp')}>
            <div role="toolbar" aria-label={t('knowledge.editor.toolbar')} style={{ marginBottom: 4 }}>
              <Space size={4}>
                {TOOLS.map((tool) => (
                  <Tooltip key={tool.format} title={t(`knowledge.editor.${tool.label}`)}>
                    <Button
                      size="small"
                      icon={tool.icon}
                      aria-label={t(`knowledge.editor.${tool.label}`)}
                      onClick={() => edit((text, s, e) => applyFormat(text, s, e, tool.format))}
                    />
                  </Tooltip>
                ))}
                <Tooltip title={t('knowledge.editor.link')}>
                  <Button size="small" icon={<LinkOutlined />} aria-label={t('knowledge.editor.link')} onClick={() => setLinking(true)} />
                </Tooltip>
              </Space>
            </div>
            <Form.Item
              name="answer"
              noStyle
              rules={[
                { max: KNOWLEDGE_LIMITS.answerSourceMax },
                // The server refuses an answer with no text once parsed: say so before sending.
                {
                  validator: (_, value: string) =>
                    richDocToText(parseRichText(value ?? '')).trim() ? Promise.resolve() : Promise.reject(new Error(t('knowledge.editor.answerRequired'))),
                },
              ]}
            >
              <Input.TextArea ref={areaRef} rows={12} spellCheck={false} aria-label={t('knowledge.answer')} />
            </Form.Item>
          </Form.Item>
          <section
            aria-label={t('knowledge.editor.preview')}
            style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: 12, overflow: 'auto', maxHeight: 420 }}
          >
            <Typography.Paragraph type="secondary">{t('knowledge.editor.preview')}</Typography.Paragraph>
            {preview.length > 0 ? (
              <AnswerPreview doc={preview} />
            ) : (
              <Typography.Paragraph type="secondary">{t('knowledge.editor.previewEmpty')}</Typography.Paragraph>
            )}
          </section>
        </div>
      </Form>
      {linking && (
        <LinkModal
          onClose={() => setLinking(false)}
          onLink={(href) => {
            setLinking(false);
            edit((text, s, e) => applyLink(text, s, e, href));
          }}
        />
      )}
    </FormModal>
  );
}
