import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlertStore } from './alertStore.js';
import { flashedTitle } from './alertStore.js';
import { playChime } from './sound.js';
import { useSessionStore } from '../login/sessionStore.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { totalUnread } from '../visitors/conversationLogic.js';

const REPEAT_MS = 4000;
const FLASH_MS = 1000;

/** Sound repeated until acted on, and the flashing title: the "never miss a chat" part. */
export function AlertEffects() {
  const { t } = useTranslation();
  const pendingCount = useAlertStore((s) => Object.keys(s.pending).length);
  const soundEnabled = useSessionStore((s) => s.snapshot?.settings.soundEnabled ?? true);
  const unread = useConversationsStore((s) => totalUnread(s.conversations));
  const [phase, setPhase] = useState(false);

  useEffect(() => {
    if (pendingCount === 0 || !soundEnabled) return;
    playChime();
    const timer = window.setInterval(playChime, REPEAT_MS);
    return () => window.clearInterval(timer);
  }, [pendingCount, soundEnabled]);

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
