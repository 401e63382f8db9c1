import { Button, Tooltip } from 'antd';
import { ScissorOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useScreenshot } from './useScreenshot.js';

/** The dialog toolbar's 截屏 button for the open conversation. */
export function ScreenshotButton({ conversationId, disabled }: { conversationId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const capture = useScreenshot();
  return (
    <Tooltip title={t('desktop.screenshot')}>
      <Button type="text" icon={<ScissorOutlined />} aria-label={t('desktop.screenshot')} disabled={disabled} onClick={() => void capture(conversationId)} />
    </Tooltip>
  );
}
