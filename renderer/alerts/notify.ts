import type { Alert } from './alertStore.js';

/** Asked once, on the first login; an answer of "denied" is respected silently. */
export function requestNotificationPermission(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}

export function showNotification(alert: Alert, onClick: (conversationId: string) => void): void {
  showSystemNotification(alert.title, alert.body, alert.conversationId, () => onClick(alert.conversationId));
}

/** A system notification (any alert: a chat, a 通知); a click brings the window forward. */
export function showSystemNotification(title: string, body: string, tag: string, onClick?: () => void): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    const notification = new Notification(title, { body, tag });
    notification.onclick = () => {
      window.focus();
      onClick?.();
      notification.close();
    };
  } catch {
    // Some shells refuse the constructor; the sound and the title flash remain.
  }
}
