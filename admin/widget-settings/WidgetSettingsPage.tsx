import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Radio, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { PageFrame } from '../app/PageFrame.js';
import { fieldErrorsOf } from '../forms/server-errors.js';
import { REGISTRATION_FIELDS, WIDGET_LIMITS, type WidgetSettings } from '../../shared/widget-settings.js';
import { ColorField, isHexColor } from './ColorField.js';
import { GroupMenuEditor } from './GroupMenuEditor.js';
import { LogoField } from './LogoField.js';
import { WidgetPreview } from './WidgetPreview.js';
import { changedWidgetSettings, formOf, WIDGET_FORM_FIELDS, type WidgetForm } from './widget-form.js';
import './widget-settings.css';

const FIELD_LABELS = { name: 'registrationName', phone: 'registrationPhone', email: 'registrationEmail' } as const;
const MODES = ['off', 'optional', 'required'] as const;
const POSITIONS = ['bottom-right', 'bottom-left'] as const;

/**
 * 访客端设置: the widget's look (title, colour, logo, welcome, corner, 表情), the 技能组 menu and
 * 访客注册, beside a live preview. Only what changed is sent; open widgets follow at once (the
 * server pushes the new settings to them).
 */
export function WidgetSettingsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const remote = useRemote(() => api.call('adminGetWidgetSettings'), 'widget-settings');
  const groups = useRemote(() => api.call('listGroups'), 'groups');
  const [form] = Form.useForm<WidgetForm>();
  const values = Form.useWatch([], form) as Partial<WidgetForm> | undefined;
  const [current, setCurrent] = useState<WidgetSettings | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!remote.data) return;
    setCurrent(remote.data);
    form.setFieldsValue(formOf(remote.data));
  }, [remote.data, form]);

  async function save(submitted: WidgetForm) {
    if (!current) return;
    const patch = changedWidgetSettings(submitted, current);
    if (Object.keys(patch).length === 0) return void message.success(t('widget.saved'));
    setSaving(true);
    setProblem(null);
    const result = await api.call('updateWidgetSettings', { body: patch });
    setSaving(false);
    if (!result.ok) {
      setProblem(t('app.saveFailed', { message: result.error.message }));
      form.setFields(fieldErrorsOf(result.error, WIDGET_FORM_FIELDS));
      return;
    }
    setCurrent(result.value);
    form.setFieldsValue(formOf(result.value));
    void message.success(t('widget.saved'));
  }

  return (
    <PageFrame title={t('widget.title')} error={remote.error ?? groups.error} onRetry={() => (remote.reload(), groups.reload())}>
      {problem && <Alert type="error" role="alert" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {!current ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <div className="admin-widget-layout">
          <Form<WidgetForm> form={form} layout="vertical" aria-label={t('widget.formLabel')} scrollToFirstError onFinish={(submitted) => void save(submitted)}>
            <section aria-labelledby="widget-look">
              <Typography.Title level={2} id="widget-look" className="admin-section-title">
                {t('widget.sections.look')}
              </Typography.Title>
              <Form.Item name="title" label={t('widget.fields.title')} extra={t('widget.help.title')}>
                <Input maxLength={WIDGET_LIMITS.titleMax} placeholder={t('widget.previewDefaultTitle')} />
              </Form.Item>
              <Form.Item
                name="themeColor"
                label={t('widget.fields.themeColor')}
                extra={t('widget.help.themeColor')}
                rules={[{ validator: async (_, value) => (isHexColor(value) ? undefined : Promise.reject(new Error(t('widget.colorInvalid')))) }]}
              >
                <ColorField />
              </Form.Item>
              <LogoField logo={current.logo} onSaved={setCurrent} />
              <Form.Item name="welcomeText" label={t('widget.fields.welcomeText')} extra={t('widget.help.welcomeText')}>
                <Input.TextArea rows={3} maxLength={WIDGET_LIMITS.welcomeTextMax} showCount />
              </Form.Item>
              <Form.Item name="position" label={t('widget.fields.position')}>
                <Radio.Group aria-label={t('widget.fields.position')} options={POSITIONS.map((value) => ({ value, label: t(`widget.positions.${value}`) }))} />
              </Form.Item>
              <Form.Item name="emojiPicker" label={t('widget.fields.emojiPicker')} extra={t('widget.help.emojiPicker')} valuePropName="checked">
                <Switch aria-label={t('widget.fields.emojiPicker')} />
              </Form.Item>
            </section>
            <GroupMenuEditor groups={groups.data ?? []} />
            <section aria-labelledby="widget-registration">
              <Typography.Title level={2} id="widget-registration" className="admin-section-title">
                {t('widget.sections.registration')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{t('widget.help.registration')}</Typography.Paragraph>
              {REGISTRATION_FIELDS.map((field) => (
                <Form.Item key={field} name={['registration', field]} label={t(`widget.fields.${FIELD_LABELS[field]}`)}>
                  <Radio.Group
                    aria-label={t(`widget.fields.${FIELD_LABELS[field]}`)}
                    options={MODES.map((value) => ({ value, label: t(`widget.modes.${value}`) }))}
                  />
                </Form.Item>
              ))}
              <Form.Item name={['registration', 'privacyNote']} label={t('widget.fields.privacyNote')} extra={t('widget.help.privacyNote')}>
                <Input.TextArea rows={2} maxLength={WIDGET_LIMITS.privacyNoteMax} showCount />
              </Form.Item>
            </section>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('app.save')}
            </Button>
          </Form>
          <WidgetPreview values={values} logo={current.logo} groups={groups.data ?? []} />
        </div>
      )}
    </PageFrame>
  );
}
