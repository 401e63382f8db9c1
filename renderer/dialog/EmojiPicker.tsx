import { useState } from 'react';
import { Button, Popover } from 'antd';
import { SmileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EMOJI } from '../../shared/emoji.js';

export function EmojiPicker({ onPick, disabled }: { onPick: (emoji: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="topLeft"
      content={
        <div className="kefu-emoji-grid" role="group" aria-label={t('dialog.emoji')}>
          {EMOJI.map((emoji) => (
            <button
              type="button"
              key={emoji}
              aria-label={emoji}
              onClick={() => {
                onPick(emoji);
                setOpen(false);
              }}
            >
              {emoji}
            </button>
          ))}
        </div>
      }
    >
      <Button type="text" icon={<SmileOutlined />} aria-label={t('dialog.emoji')} title={t('dialog.emoji')} disabled={disabled} />
    </Popover>
  );
}
