import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Form, Input, Spin, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHRASE_LIMITS, type AutoReply, type AutoReplyState } from '../../shared/phrases.js';
import { invoke } from '../app/kefu.js';

/** 自动应答: the agent's greeting and busy/away reply, or the company default. */
export function AutoReplyPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<AutoReplyState | null>(null);
  const [useCompany, setUseCompany] = useState(true);
  const [form] = Form.useForm<AutoReply>();

  useEffect(() => {
    void invoke('auto-reply:get', undefined).then((result) => {
      if (!result.ok) return;
      setState(result.value);
      setUseCompany(result.value.mine === null);
      form.setFieldsValue(result.value.effective);
    });
  }, [form]);

  const save = async () => {
    const values = useCompany ? null : await form.validateFields();
    const result = await invoke('auto-reply:set', { autoReply: values && { ...values, greeting: values.greeting ?? '', busyReply: values.busyReply ?? '' } });
    if (!result.ok) {
      void message.error(result.error.message);
      return;
    }
    setState(result.value);
    form.setFieldsValue(result.value.effective);
    void message.success(t('phrases.saved'));
  };

  if (!state) return <Spin size="small" style={{ margin: 16 }} />;
  return (
    <div style={{ padding: 8 }} role="region" aria-label={t('phrases.autoReply')}>
      <label style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <Switch size="small" checked={useCompany} onChange={setUseCompany} aria-label={t('phrases.useCompany')} />
        {t('phrases.useCompany')}
      </label>
      <Form form={form} layout="vertical" disabled={useCompany} size="small">
        <Form.Item name="greetingEnabled" valuePropName="checked">
          <Checkbox>{t('phrases.greetingEnabled')}</Checkbox>
        </Form.Item>
        <Form.Item name="greeting" label={t('phrases.greeting')} rules={[{ max: PHRASE_LIMITS.autoReplyMax }]}>
          <Input.TextArea aria-label={t('phrases.greeting')} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="busyEnabled" valuePropName="checked">
          <Checkbox>{t('phrases.busyEnabled')}</Checkbox>
        </Form.Item>
        <Form.Item name="busyReply" label={t('phrases.busyReply')} rules={[{ max: PHRASE_LIMITS.autoReplyMax }]}>
          <Input.TextArea aria-label={t('phrases.busyReply')} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
      <div style={{ color: 'var(--kefu-text-muted)', fontSize: 12, marginBottom: 8 }}>{t('phrases.variablesHint')}</div>
      <Button type="primary" size="small" onClick={() => void save()}>
        {t('phrases.save')}
      </Button>
    </div>
  );
}
