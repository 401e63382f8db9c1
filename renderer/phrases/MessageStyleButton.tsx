import { useEffect } from 'react';
import { Button, Checkbox, ColorPicker, Popover, Select, Space, Tooltip } from 'antd';
import { FontSizeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MESSAGE_FONT_FACES, type MessageStyle } from '../../shared/ipc/phrases.js';
import { useMessageStyleStore } from './messageStyle.js';

const SIZES = [12, 13, 14, 16, 18, 20, 24];

/** 字体设置 for the agent's own messages: kept by the workstation, carried on each text message the agent sends. */
export function MessageStyleButton({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  const { style, load, update } = useMessageStyleStore();
  useEffect(() => {
    void load();
  }, [load]);
  const change = (patch: Partial<MessageStyle>) => void update(patch);

  const form = (
    <Space direction="vertical" aria-label={t('phrases.font')}>
      <Select
        aria-label={t('phrases.fontFace')}
        style={{ width: 180 }}
        value={style.fontFace}
        onChange={(fontFace) => change({ fontFace })}
        options={MESSAGE_FONT_FACES.map((f) => ({ value: f, label: f === 'default' ? t('phrases.fontDefault') : f }))}
      />
      <Select
        aria-label={t('phrases.fontSize')}
        style={{ width: 180 }}
        value={style.fontSize}
        onChange={(fontSize) => change({ fontSize })}
        options={SIZES.map((s) => ({ value: s, label: `${s}px` }))}
      />
      <Space>
        <Checkbox checked={style.bold} onChange={(e) => change({ bold: e.target.checked })}>
          {t('phrases.bold')}
        </Checkbox>
        <Checkbox checked={style.italic} onChange={(e) => change({ italic: e.target.checked })}>
          {t('phrases.italic')}
        </Checkbox>
        <Checkbox checked={style.underline} onChange={(e) => change({ underline: e.target.checked })}>
          {t('phrases.underline')}
        </Checkbox>
      </Space>
      <Space>
        {t('phrases.color')}
        <ColorPicker
          value={style.color}
          disabledAlpha
          onChangeComplete={(c) => change({ color: c.toHexString().slice(0, 7) })}
          aria-label={t('phrases.color')}
        />
      </Space>
    </Space>
  );

  // No stylesheet any more: the services put this style on each text message the agent sends,
  // and the dialog and the visitor's widget render it from the message itself.
  return (
    <Popover content={form} trigger="click" title={t('phrases.font')}>
      <Tooltip title={t('phrases.font')}>
        <Button type="text" icon={<FontSizeOutlined />} aria-label={t('phrases.font')} disabled={disabled} />
      </Tooltip>
    </Popover>
  );
}
