import { useEffect, useState } from 'react';
import { Alert, App, Button, Form, InputNumber, Skeleton, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { PageFrame } from '../app/PageFrame.js';
import { fieldErrorsOf } from '../forms/server-errors.js';
import type { ServerSettings } from '../../shared/domain.js';
import { BUSINESS_HOURS_FIELDS, changedSettings, SETTING_FIELDS, SETTING_SWITCHES } from './settings-fields.js';
import { BusinessHoursSection } from './BusinessHoursSection.js';

/** 公司设置: every ServerSettings field with its unit and range; only the changed fields are sent. */
export function SettingsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const settings = useRemote(() => api.call('getSettings'), 'settings');
  const [form] = Form.useForm<ServerSettings>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  async function save(values: ServerSettings) {
    const current = settings.data;
    if (!current) return;
    const names = [...SETTING_FIELDS.map((f) => f.name), ...SETTING_SWITCHES, ...BUSINESS_HOURS_FIELDS];
    // Compared by value: 工作时间 and 节假日 are lists.
    const changed = changedSettings(Object.fromEntries(names.map((name) => [name, values[name]])) as Partial<ServerSettings>, current);
    setSaving(true);
    setProblem(null);
    const result = await api.call('updateSettings', { body: changed });
    setSaving(false);
    if (!result.ok) {
      setProblem(t('app.saveFailed', { message: result.error.message }));
      form.setFields(fieldErrorsOf(result.error, names));
      return;
    }
    void message.success(t('app.saved'));
    settings.reload();
  }

  return (
    <PageFrame title={t('settings.title')} error={settings.error} onRetry={settings.reload}>
      {problem && <Alert type="error" role="alert" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {!settings.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Form<ServerSettings>
          form={form}
          layout="vertical"
          className="admin-settings-form"
          aria-label={t('settings.formLabel')}
          onFinish={(values) => void save(values)}
        >
          {SETTING_FIELDS.map((field) => {
            const unit = t(`settings.unit.${field.unit}`);
            return (
              <Form.Item
                key={field.name}
                name={field.name}
                label={t(`settings.fields.${field.name}`)}
                extra={`${t(`settings.help.${field.name}`)} ${t('settings.range', { min: field.min, max: field.max, unit })}`}
                rules={[
                  { required: true, message: t('settings.required') },
                  { type: 'integer', min: field.min, max: field.max, message: t('settings.range', { min: field.min, max: field.max, unit }) },
                ]}
              >
                <InputNumber min={field.min} max={field.max} precision={0} suffix={unit} style={{ width: 200 }} />
              </Form.Item>
            );
          })}
          {SETTING_SWITCHES.map((name) => (
            <Form.Item key={name} name={name} label={t(`settings.fields.${name}`)} extra={t(`settings.help.${name}`)} valuePropName="checked">
              <Switch aria-label={t(`settings.fields.${name}`)} />
            </Form.Item>
          ))}
          <BusinessHoursSection />
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('app.save')}
            </Button>
            <Button onClick={() => settings.data && form.setFieldsValue(settings.data)}>{t('settings.reset')}</Button>
          </Space>
        </Form>
      )}
    </PageFrame>
  );
}
