import { useEffect, useState } from 'react';
import { Alert, Anchor, App, Button, Form, Skeleton, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { PageFrame } from '../app/PageFrame.js';
import { fieldErrorsOf } from '../forms/server-errors.js';
import type { ServerSettings } from '../../shared/domain.js';
import type { CompanyAutoReply } from '../../shared/phrases.js';
import { ALL_SETTING_NAMES, changedSettings, SETTING_FIELDS, SETTING_SWITCHES } from './settings-fields.js';
import { AUTO_REPLY_FIELDS, changedAutoReply } from './company-auto-reply.js';
import { BusinessHoursSection } from './BusinessHoursSection.js';
import { ConversationSection } from './ConversationSection.js';
import { AutoReplySection } from './AutoReplySection.js';
import { FilesSection } from './FilesSection.js';
import { NumericSettingItem } from './NumericSettingItem.js';

/** The page's one form: every ServerSettings field, and the company auto-reply under `autoReply`. */
type SettingsForm = ServerSettings & { autoReply: CompanyAutoReply };

/** Each section's heading id, for the links at the top (the long form stays easy to move through). */
const SECTIONS = [
  { key: 'general', href: '#settings-general' },
  { key: 'hours', href: '#business-hours-title' },
  { key: 'conversation', href: '#settings-conversation' },
  { key: 'autoReply', href: '#settings-auto-reply' },
  { key: 'files', href: '#settings-files' },
] as const;

/**
 * 公司设置: the company settings by section (常规, 工作时间, 小结与评价, 自动应答, 文件). Only what
 * changed is sent: the settings through updateSettings, the auto-reply through setCompanyAutoReply.
 * Open workstations and widgets follow at once (the server tells them).
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { message } = App.useApp();
  const settings = useRemote(() => api.call('getSettings'), 'settings');
  const autoReply = useRemote(() => api.call('getAutoReply'), 'auto-reply');
  const [form] = Form.useForm<SettingsForm>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const loaded = settings.data && autoReply.data ? { ...settings.data, autoReply: autoReply.data.company } : null;

  useEffect(() => {
    if (settings.data && autoReply.data) form.setFieldsValue({ ...settings.data, autoReply: autoReply.data.company });
  }, [settings.data, autoReply.data, form]);

  /** Saves one part; on a refusal says why and marks the fields the server named. */
  async function saveSettings(values: SettingsForm, current: ServerSettings): Promise<boolean> {
    // Compared by value: 工作时间, 节假日 and the rating labels are lists.
    const changed = changedSettings(Object.fromEntries(ALL_SETTING_NAMES.map((name) => [name, values[name]])) as Partial<ServerSettings>, current);
    if (Object.keys(changed).length === 0) return true;
    const result = await api.call('updateSettings', { body: changed });
    if (result.ok) return true;
    setProblem(t('app.saveFailed', { message: result.error.message }));
    form.setFields(fieldErrorsOf(result.error, ALL_SETTING_NAMES));
    return false;
  }

  async function saveAutoReply(values: SettingsForm, current: CompanyAutoReply): Promise<boolean> {
    const changed = changedAutoReply(values.autoReply, current);
    if (!changed) return true;
    const result = await api.call('setCompanyAutoReply', { body: changed });
    if (result.ok) return true;
    setProblem(t('settings2.autoReplyFailed', { message: result.error.message }));
    form.setFields(fieldErrorsOf(result.error, AUTO_REPLY_FIELDS).map(({ name, errors }) => ({ name: ['autoReply', name], errors })));
    return false;
  }

  async function save(values: SettingsForm) {
    if (!settings.data || !autoReply.data) return;
    setSaving(true);
    setProblem(null);
    const saved = (await saveSettings(values, settings.data)) && (await saveAutoReply(values, autoReply.data.company));
    setSaving(false);
    if (!saved) return;
    void message.success(t('app.saved'));
    settings.reload();
    autoReply.reload();
  }

  return (
    <PageFrame title={t('settings.title')} error={settings.error ?? autoReply.error} onRetry={() => (settings.reload(), autoReply.reload())}>
      {problem && <Alert type="error" role="alert" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {!loaded ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <nav aria-label={t('settings2.sectionNav')}>
            <Anchor direction="horizontal" affix={false} items={SECTIONS.map(({ key, href }) => ({ key, href, title: t(`settings2.sections.${key}`) }))} />
          </nav>
          <Form<SettingsForm>
            form={form}
            layout="vertical"
            className="admin-settings-form"
            aria-label={t('settings.formLabel')}
            scrollToFirstError
            onFinish={(values) => void save(values)}
          >
            <section aria-labelledby="settings-general">
              <Typography.Title level={2} id="settings-general" className="admin-section-title">
                {t('settings2.sections.general')}
              </Typography.Title>
              {SETTING_FIELDS.map((field) => (
                <NumericSettingItem key={field.name} field={field} />
              ))}
              {SETTING_SWITCHES.map((name) => (
                <Form.Item key={name} name={name} label={t(`settings.fields.${name}`)} extra={t(`settings.help.${name}`)} valuePropName="checked">
                  <Switch aria-label={t(`settings.fields.${name}`)} />
                </Form.Item>
              ))}
            </section>
            <BusinessHoursSection />
            <ConversationSection />
            <AutoReplySection />
            <FilesSection />
            <Space>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('app.save')}
              </Button>
              <Button onClick={() => loaded && form.setFieldsValue(loaded)}>{t('settings.reset')}</Button>
            </Space>
          </Form>
        </>
      )}
    </PageFrame>
  );
}
