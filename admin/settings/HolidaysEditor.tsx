import { useState } from 'react';
import { Button, Empty, Input, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { BUSINESS_HOURS_LIMITS } from '../../shared/business-hours.js';

export interface HolidaysEditorProps {
  value?: string[];
  onChange?: (dates: string[]) => void;
}

/**
 * 节假日: a date input (the browser's own date picker, which is labelled and keyboard-usable)
 * with 添加, and the chosen dates as removable tags, kept in date order.
 */
export function HolidaysEditor({ value = [], onChange }: HolidaysEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    if (!draft || value.includes(draft)) return setDraft('');
    onChange?.([...value, draft].sort());
    setDraft('');
  };
  return (
    <div className="holidays">
      <Space.Compact>
        <Input type="date" aria-label={t('settings.hours.holidayDate')} value={draft} onChange={(e) => setDraft(e.target.value)} style={{ width: 180 }} />
        <Button onClick={add} disabled={!draft || value.length >= BUSINESS_HOURS_LIMITS.holidaysMax}>
          {t('settings.hours.addHoliday')}
        </Button>
      </Space.Compact>
      {/* A list only with items in it: an empty role="list" is an ARIA error. */}
      {value.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.hours.noHolidays')} />
      ) : (
        <div className="holidays-list" role="list" aria-label={t('settings.hours.holidays')}>
          {value.map((date) => (
            <span role="listitem" key={date}>
              <Tag className="holiday-tag">
                {date}
                <Button
                  type="text"
                  size="small"
                  aria-label={t('settings.hours.removeHoliday', { date })}
                  onClick={() => onChange?.(value.filter((d) => d !== date))}
                >
                  ×
                </Button>
              </Tag>
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
