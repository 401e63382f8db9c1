import type { Alert } from './alertStore.js';

/** Asked once, on the first login; an answer of "denied" is respected silently. */
export function requestNotificationPermission(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}

export function showNotification(alert: Alert, onClick: (conversationId: string) => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const notification = new Notification(alert.title, { body: alert.body, tag: alert.conversationId });
    notification.onclick = () => {
      window.focus();
      onClick(alert.conversationId);
      notification.close();
    };
  } catch {
    // Some shells refuse the constructor; the sound and the title flash remain.
  }
}
