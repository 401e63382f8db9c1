import { useCallback } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { invoke } from '../app/kefu.js';

/**
 * 截屏 into a conversation: the services open the region overlay and send the selection as an
 * image message (it arrives through message:upserted like any other). The browser shell has no
 * desktop and answers INVALID_STATE, which the agent sees as one plain sentence.
 */
export function useScreenshot(): (conversationId: string | null) => Promise<void> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    async (conversationId) => {
      if (!conversationId) {
        void message.warning(t('desktop.screenshotNoConversation'));
        return;
      }
      const result = await invoke('desktop:capture-screenshot', { conversationId });
      if (result.ok) return; // sent, or the agent pressed Esc: nothing to say either way
      if (result.error.code === 'INVALID_STATE') void message.info(t('desktop.screenshotDesktopOnly'));
      else void message.error(result.error.message);
    },
    [message, t],
  );
}
