import { useMemo } from 'react';
import { Form, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BUSINESS_HOURS_LIMITS, isTimeZone, type BusinessHoursRange } from '../../shared/business-hours.js';
import { HolidaysEditor } from './HolidaysEditor.js';
import { WeeklyHoursEditor } from './WeeklyHoursEditor.js';
import { weekProblem } from './week-problems.js';

/** Every zone this browser knows, plus the stored one (an alias like "UTC" may be missing from the list). */
function timeZoneOptions(current: string | undefined): { value: string; label: string }[] {
  const zones = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);
  if (current) zones.add(current);
  return [...zones].sort().map((zone) => ({ value: zone, label: zone }));
}

/**
 * 工作时间 in 公司设置: the switch, the week's ranges, holidays, the company time zone and the
 * notice shown outside hours. Fields of the page's one form; the server checks them again.
 */
export function BusinessHoursSection() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const currentZone = Form.useWatch<string | undefined>('timeZone', form);
  const zones = useMemo(() => timeZoneOptions(currentZone), [currentZone]);
  return (
    <section className="business-hours-section" aria-labelledby="business-hours-title">
      <Typography.Title level={2} id="business-hours-title" className="admin-section-title">
        {t('settings.hours.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.hours.intro')}</Typography.Paragraph>
      <Form.Item name="businessHoursEnabled" label={t('settings.hours.enabled')} extra={t('settings.hours.enabledHelp')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item
        name="businessHours"
        label={t('settings.hours.week')}
        extra={t('settings.hours.weekHelp')}
        rules={[
          {
            validator: (_, value: BusinessHoursRange[] | undefined) => {
              const problem = weekProblem(value ?? [], t);
              return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
            },
          },
        ]}
      >
        <WeeklyHoursEditor />
      </Form.Item>
      <Form.Item name="holidays" label={t('settings.hours.holidays')} extra={t('settings.hours.holidaysHelp', { max: BUSINESS_HOURS_LIMITS.holidaysMax })}>
        <HolidaysEditor />
      </Form.Item>
      <Form.Item
        name="timeZone"
        label={t('settings.hours.timeZone')}
        extra={t('settings.hours.timeZoneHelp')}
        rules={[
          { validator: (_, zone: string | undefined) => (zone && isTimeZone(zone) ? Promise.resolve() : Promise.reject(new Error(t('settings.required')))) },
        ]}
      >
        <Select showSearch options={zones} style={{ width: 280 }} />
      </Form.Item>
      <Form.Item
        name="offHoursNotice"
        label={t('settings.hours.notice')}
        extra={t('settings.hours.noticeHelp')}
        rules={[{ required: true, whitespace: true, message: t('settings.required') }]}
      >
        <Input.TextArea rows={2} maxLength={BUSINESS_HOURS_LIMITS.offHoursNoticeMax} showCount style={{ maxWidth: 560 }} />
      </Form.Item>
    </section>
  );
}
