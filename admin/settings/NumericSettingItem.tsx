import { Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SettingField } from './settings-fields.js';

/** One numeric company setting: its label, help, range and unit, checked here as the server checks it. */
export function NumericSettingItem({ field }: { field: SettingField }) {
  const { t } = useTranslation();
  const unit = t(`settings.unit.${field.unit}`);
  const range = t('settings.range', { min: field.min, max: field.max, unit });
  // The two file sizes share one help text (the image limit, live on workstations).
  const help = field.unit === 'megabytes' ? t('settings2.help.uploadMax') : t(`settings.help.${field.name}`);
  return (
    <Form.Item
      name={field.name}
      label={t(`settings.fields.${field.name}`)}
      extra={`${help} ${range}`}
      rules={[
        { required: true, message: t('settings.required') },
        { type: 'integer', min: field.min, max: field.max, message: range },
      ]}
    >
      <InputNumber min={field.min} max={field.max} precision={0} suffix={unit} style={{ width: 200 }} aria-label={t(`settings.fields.${field.name}`)} />
    </Form.Item>
  );
}
