import { useCallback } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { dialNumber } from './dial.js';

/** dialNumber with the failure shown as a toast, for 点击拨号 and 回拨 buttons. */
export function useDial(): (number: string) => Promise<boolean> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    async (number: string) => {
      const result = await dialNumber(number);
      if (!result.ok) void message.error(result.error.code === 'VALIDATION_FAILED' ? t('phone.invalidNumber') : result.error.message);
      return result.ok;
    },
    [message, t],
  );
}
