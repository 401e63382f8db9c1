/**
 * 强制接管: when a supervisor takes one of the agent's conversations, the services drop it from the
 * list (conversation:removed) and say why (conversation:taken-over); the agent reads a notice
 * naming the room, so a chat vanishing mid-sentence is never a mystery.
 */
import { useEffect } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { kefu } from '../app/kefu.js';

export function useTakeOverNotice(): void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useEffect(
    () =>
      kefu().on('conversation:taken-over', ({ roomNo }) => {
        void message.warning(t('whispers.takenOver', { roomNo }));
      }),
    [message, t],
  );
}
