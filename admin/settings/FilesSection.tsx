import { Form, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NumericSettingItem } from './NumericSettingItem.js';
import { FILE_SIZE_FIELDS } from './settings-fields.js';

/** 文件 in 公司设置: whether visitors may send images and files, and the largest file each side may send. */
export function FilesSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="settings-files">
      <Typography.Title level={2} id="settings-files" className="admin-section-title">
        {t('settings2.sections.files')}
      </Typography.Title>
      <Form.Item
        name="visitorUploadsEnabled"
        label={t('settings.fields.visitorUploadsEnabled')}
        extra={t('settings2.help.visitorUploadsEnabled')}
        valuePropName="checked"
      >
        <Switch aria-label={t('settings.fields.visitorUploadsEnabled')} />
      </Form.Item>
      {FILE_SIZE_FIELDS.map((field) => (
        <NumericSettingItem key={field.name} field={field} />
      ))}
    </section>
  );
}
