import { Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';

const HEX = /^#[0-9a-fA-F]{6}$/;

/** 主题色: the browser's colour picker beside the hex text, both on one form value. */
export function ColorField({ value = '', onChange, id }: { value?: string; onChange?: (value: string) => void; id?: string }) {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      <input
        type="color"
        className="admin-color-swatch"
        aria-label={t('widget.fields.themeColorPicker')}
        value={HEX.test(value) ? value.toLowerCase() : '#000000'}
        onChange={(event) => onChange?.(event.target.value)}
      />
      <Input
        id={id}
        value={value}
        maxLength={7}
        style={{ width: 120 }}
        aria-label={t('widget.fields.themeColor')}
        onChange={(event) => onChange?.(event.target.value)}
      />
    </Space.Compact>
  );
}

export const isHexColor = (value: unknown): boolean => typeof value === 'string' && HEX.test(value);
