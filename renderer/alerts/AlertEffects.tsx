import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { flashedTitle, useAlertStore } from './alertStore.js';
import { repeatIntervalMs } from './alertDecision.js';
import { currentAlertView } from './raiseAlert.js';
import { playChime } from './sound.js';
import { kefu } from '../app/kefu.js';
import { useSessionStore } from '../login/sessionStore.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { totalUnread } from '../visitors/conversationLogic.js';

const FLASH_MS = 1000;

/** Sound repeated until acted on (per 提醒设置), and the flashing title: the "never miss a chat" part. */
export function AlertEffects() {
  const { t } = useTranslation();
  const pending = useAlertStore((s) => s.pending);
  const settings = useAlertStore((s) => s.settings);
  const agentId = useSessionStore((s) => s.snapshot?.agent?.id ?? null);
  const soundEnabled = useSessionStore((s) => s.snapshot?.settings.soundEnabled ?? true);
  const selectedId = useConversationsStore((s) => s.selectedId);
  const queue = useConversationsStore((s) => s.queue);
  const unread = useConversationsStore((s) => totalUnread(s.conversations));
  const [phase, setPhase] = useState(false);

  // The settings are the services' (per installation); follow changes made elsewhere too.
  useEffect(() => {
    if (!agentId) return;
    void useAlertStore.getState().loadSettings();
    return kefu().on('alert-settings:changed', (next) => useAlertStore.getState().applySettings(next));
  }, [agentId]);

  // Whatever changes what is in view may be the agent acting on an alert.
  useEffect(() => {
    const settle = () => useAlertStore.getState().settle(currentAlertView());
    settle();
    window.addEventListener('focus', settle);
    return () => window.removeEventListener('focus', settle);
  }, [selectedId, queue]);

  const repeatMs = repeatIntervalMs(pending, settings, soundEnabled);
  useEffect(() => {
    if (repeatMs === null) return;
    const timer = window.setInterval(playChime, repeatMs);
    return () => window.clearInterval(timer);
  }, [repeatMs]);

  useEffect(() => {
    if (unread === 0) return;
    const timer = window.setInterval(() => setPhase((p) => !p), FLASH_MS);
    return () => window.clearInterval(timer);
  }, [unread]);

  const base = t('app.title');
  useEffect(() => {
    document.title = flashedTitle(base, t('app.newMessagesTitle', { count: unread }), unread, phase);
  }, [base, unread, phase, t]);

  return null;
}
