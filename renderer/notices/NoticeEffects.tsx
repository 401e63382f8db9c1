import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button } from 'antd';
import type { MyNotice } from '../../shared/protocol/rest-notices.js';
import { kefu } from '../app/kefu.js';
import { masterSoundOn } from '../alerts/raiseAlert.js';
import { showSystemNotification } from '../alerts/notify.js';
import { playChime } from '../alerts/sound.js';
import { useNoticesStore } from './noticesStore.js';

/**
 * Keeps the 通知 list current (loaded on login, reloaded on `notices:changed`) and pops up a notice
 * that arrives live: an in-app notification with 标记已读, the system notification, and the chime
 * under the master 提示音 switch — the same alert path as new chats.
 */
export function NoticeEffects({ agentId }: { agentId: string }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();

  useEffect(() => {
    void useNoticesStore.getState().load();
    const api = kefu();
    const show = (notice: MyNotice) => {
      const key = `notice-${notice.id}`;
      notification.info({
        key,
        title: t('notices.popupTitle', { title: notice.title }),
        description: <div style={{ whiteSpace: 'pre-wrap' }}>{notice.body}</div>,
        duration: 0,
        // Bottom right: at the top it would cover the header's buttons (通知 among them).
        placement: 'bottomRight',
        role: 'status',
        actions: (
          <Button type="primary" size="small" onClick={() => void useNoticesStore.getState().markRead(notice.id)}>
            {t('notices.markRead')}
          </Button>
        ),
      });
      showSystemNotification(t('notices.popupTitle', { title: notice.title }), notice.body, key);
      if (masterSoundOn()) playChime();
    };
    // A notice read anywhere (the pop-up, the drawer, another workstation) takes its pop-up away.
    const closeRead = useNoticesStore.subscribe(({ notices }) => {
      for (const n of notices) if (n.readAt !== null) notification.destroy(`notice-${n.id}`);
    });
    const offs = [api.on('notices:changed', () => void useNoticesStore.getState().load()), api.on('notice:arrived', show), closeRead];
    return () => offs.forEach((off) => off());
  }, [agentId, notification, t]);

  return null;
}
