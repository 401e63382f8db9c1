import type { KefuApi } from '../../shared/ipc/contract.js';
import { useSessionStore } from '../login/sessionStore.js';
import { useConnectionStore } from '../connection/connectionStore.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { useMessagesStore } from '../dialog/messagesStore.js';
import { useOfflineStore } from '../offline/offlineStore.js';
import { useAlertStore } from '../alerts/alertStore.js';
import { onAlertRaised } from '../alerts/raiseAlert.js';
import { loadPhone, subscribePhone } from '../phone/subscribePhone.js';
import { subscribeDesktop } from '../desktop/subscribeDesktop.js';

/** Wires every contract event into its store; returns one function that removes them all. */
export function subscribeEvents(api: KefuApi): () => void {
  const conversations = useConversationsStore.getState;
  const openConversation = (conversationId: string) => {
    const found = conversations().conversations.find((c) => c.id === conversationId);
    if (found && found.state !== 'queued') conversations().select(conversationId);
    else conversations().setShowQueue(true);
  };
  const offs = [
    api.on('session:changed', (s) => useSessionStore.getState().applySnapshot(s)),
    api.on('agent:updated', (a) => useSessionStore.getState().applyAgent(a)),
    api.on('connection:changed', (c) => useConnectionStore.getState().apply(c)),
    api.on('conversation:updated', (c) => {
      const known = conversations().conversations.some((x) => x.id === c.id);
      conversations().applyUpdated(c);
      // A conversation we had not seen: fetch its history so waiting time and the dialog are right.
      if (!known && c.state !== 'queued') void useMessagesStore.getState().load(c.id);
    }),
    api.on('conversation:removed', ({ conversationId }) => {
      conversations().applyRemoved(conversationId);
      useAlertStore.getState().acknowledge(conversationId);
    }),
    api.on('message:upserted', (m) => useMessagesStore.getState().applyMessage(m)),
    api.on('queue:changed', (queue) => {
      conversations().applyQueue(queue);
      useAlertStore.getState().dropQueuedExcept(queue.map((q) => q.conversationId));
    }),
    api.on('draft:changed', ({ conversationId, text }) => useMessagesStore.getState().applyDraft(conversationId, text)),
    api.on('offline-message:updated', (m) => useOfflineStore.getState().apply(m)),
    // 提醒设置 decide the sound, the notification and whether it is kept until acted on.
    api.on('alert:raised', (alert) => onAlertRaised(alert, openConversation)),
    subscribePhone(api),
    subscribeDesktop(api),
  ];
  return () => offs.forEach((off) => off());
}

/** Loads everything the workstation shows once logged in. */
export async function loadWorkstation(): Promise<void> {
  await Promise.all([useConversationsStore.getState().load(), useConnectionStore.getState().load(), useOfflineStore.getState().load(), loadPhone()]);
  const open = useConversationsStore.getState().conversations.filter((c) => c.state !== 'queued');
  await Promise.all(open.map((c) => useMessagesStore.getState().load(c.id)));
}
