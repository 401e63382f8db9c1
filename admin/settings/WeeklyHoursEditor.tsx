import { Button, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BUSINESS_HOURS_LIMITS, type BusinessHoursRange } from '../../shared/business-hours.js';

/** Monday first, as a Chinese calendar reads; the stored weekday stays 0 = Sunday. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export interface WeeklyHoursEditorProps {
  value?: BusinessHoursRange[];
  onChange?: (ranges: BusinessHoursRange[]) => void;
  /** Set by Form.Item when the field has an error: the time inputs show it too. */
  'aria-invalid'?: boolean;
}

/**
 * 每周工作时间: one row per weekday with its ranges (start, end as HH:MM), add and remove. A
 * controlled value for Form.Item; the schema (start < end, no overlaps) is checked by the form
 * with the same zod schema the server uses, and the server's field errors land here too.
 */
export function WeeklyHoursEditor({ value = [], onChange, ...rest }: WeeklyHoursEditorProps) {
  const { t } = useTranslation();
  const dayName = (weekday: number) => t(`settings.hours.weekdays.${weekday}`);
  // Positions in the whole list, so an edit replaces exactly that range.
  const indexed = value.map((range, index) => ({ range, index }));

  const replace = (index: number, patch: Partial<BusinessHoursRange>) => onChange?.(value.map((range, i) => (i === index ? { ...range, ...patch } : range)));
  const remove = (index: number) => onChange?.(value.filter((_, i) => i !== index));
  const add = (weekday: number) => {
    const last = indexed.filter((r) => r.range.weekday === weekday).at(-1)?.range;
    // After the day's last range, or the usual working day.
    const next = last ? { start: last.end === '24:00' ? '23:00' : last.end, end: '24:00' } : { start: '09:00', end: '18:00' };
    onChange?.([...value, { weekday, ...next }]);
  };

  return (
    <div className="weekly-hours" role="group" aria-label={t('settings.hours.week')}>
      {WEEK_ORDER.map((weekday) => {
        const day = dayName(weekday);
        const ranges = indexed.filter((r) => r.range.weekday === weekday);
        return (
          <div key={weekday} className="weekly-hours-day" role="group" aria-label={day}>
            <Typography.Text strong className="weekly-hours-name">
              {day}
            </Typography.Text>
            <Space wrap size={[12, 8]} className="weekly-hours-ranges">
              {ranges.length === 0 && <Typography.Text type="secondary">{t('settings.hours.closedDay')}</Typography.Text>}
              {ranges.map(({ range, index }, n) => (
                <Space key={index} size={4} className="weekly-hours-range">
                  <Input
                    aria-label={t('settings.hours.start', { day, n: n + 1 })}
                    aria-invalid={rest['aria-invalid']}
                    value={range.start}
                    maxLength={5}
                    inputMode="numeric"
                    placeholder="09:00"
                    style={{ width: 76 }}
                    onChange={(e) => replace(index, { start: e.target.value.trim() })}
                  />
                  <span aria-hidden>{t('settings.hours.to')}</span>
                  <Input
                    aria-label={t('settings.hours.end', { day, n: n + 1 })}
                    aria-invalid={rest['aria-invalid']}
                    value={range.end}
                    maxLength={5}
                    inputMode="numeric"
                    placeholder="18:00"
                    style={{ width: 76 }}
                    onChange={(e) => replace(index, { end: e.target.value.trim() })}
                  />
                  <Button type="text" size="small" aria-label={t('settings.hours.removeRange', { day, n: n + 1 })} onClick={() => remove(index)}>
                    ×
                  </Button>
                </Space>
              ))}
              {ranges.length < BUSINESS_HOURS_LIMITS.rangesPerDayMax && (
                <Button type="dashed" size="small" aria-label={t('settings.hours.addRangeAria', { day })} onClick={() => add(weekday)}>
                  {t('settings.hours.addRange')}
                </Button>
              )}
            </Space>
          </div>
        );
      })}
    </div>
  );
}
