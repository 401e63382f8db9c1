import { useConversationsStore } from '../visitors/conversationsStore.js';
import { useSessionStore } from '../login/sessionStore.js';
import { decideRaised, type Alert, type AlertView } from './alertDecision.js';
import { useAlertStore } from './alertStore.js';
import { showNotification } from './notify.js';
import { playChime } from './sound.js';

/** What is in view now, read from the stores and the window. */
export function currentAlertView(): AlertView {
  const { selectedId, queue } = useConversationsStore.getState();
  return {
    selectedId,
    focused: document.hasFocus(),
    queuedIds: queue.map((entry) => entry.conversationId),
    ownAcceptIds: useAlertStore.getState().ownAcceptIds(),
  };
}

/** The master 提示音 switch of the workstation settings (per-event sounds come under it). */
export const masterSoundOn = (): boolean => useSessionStore.getState().snapshot?.settings.soundEnabled ?? true;

/** An `alert:raised` event: chime, notify and keep it pending as 提醒设置 say for its kind. */
export function onAlertRaised(alert: Alert, openConversation: (conversationId: string) => void): void {
  const store = useAlertStore.getState();
  const decision = decideRaised(alert, store.settings, currentAlertView(), masterSoundOn());
  if (!decision.keep) return;
  store.raise(alert);
  if (decision.play) playChime();
  if (decision.notify) showNotification(alert, openConversation);
}
