import type { KefuApi } from '../../shared/ipc/contract.js';
import { useSessionStore } from '../login/sessionStore.js';
import { useConnectionStore } from '../connection/connectionStore.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { useMessagesStore } from '../dialog/messagesStore.js';
import { useOfflineStore } from '../offline/offlineStore.js';
import { useAlertStore } from '../alerts/alertStore.js';
import { useSiteVisitorsStore } from '../site-visitors/siteVisitorsStore.js';
import { onAlertRaised } from '../alerts/raiseAlert.js';
import { loadPhone, subscribePhone } from '../phone/subscribePhone.js';
import { subscribeDesktop } from '../desktop/subscribeDesktop.js';
import { subscribeUpdates } from '../updates/subscribeUpdates.js';
import { onTransportChange } from '../platform/transport-status.js';
import { createSyncedCoalescer } from './syncedCoalescer.js';
import { awaitsAgent } from '../../shared/agent-conversations.js';

/** Wires every contract event into its store; returns one function that removes them all. */
export function subscribeEvents(api: KefuApi): () => void {
  const conversations = useConversationsStore.getState;
  /** Conversations that left the list take their transcripts, drafts and alerts with them. */
  const left = (conversationIds: string[]) => {
    if (conversationIds.length === 0) return;
    useMessagesStore.getState().drop(conversationIds);
    for (const id of conversationIds) useAlertStore.getState().acknowledge(id);
  };
  const openConversation = (conversationId: string) => {
    const found = conversations().conversations.find((c) => c.id === conversationId);
    if (found && found.state !== 'queued') conversations().select(conversationId);
    else conversations().setShowQueue(true);
  };
  // A catch-up batch (or a backfill, a rebuild): every store updates once for all that arrived.
  const coalescer = createSyncedCoalescer({
    synced({ conversations: changed, removed, messages }) {
      const known = new Set(conversations().conversations.map((c) => c.id));
      conversations().applyBatch(changed, removed);
      useMessagesStore.getState().applyBatch(messages);
      left([...removed, ...changed.filter((c) => !awaitsAgent(c)).map((c) => c.id)]);
      for (const c of changed) {
        if (!known.has(c.id) && c.state !== 'queued' && awaitsAgent(c)) void useMessagesStore.getState().load(c.id);
      }
    },
    connection: (state) => useConnectionStore.getState().apply(state),
  });
  const offs = [
    coalescer.dispose,
    api.on('session:changed', (s) => useSessionStore.getState().applySnapshot(s)),
    api.on('agent:updated', (a) => useSessionStore.getState().applyAgent(a)),
    api.on('connection:changed', (c) => coalescer.connection(c)),
    api.on('conversation:updated', (c) => {
      coalescer.flush();
      const known = conversations().conversations.some((x) => x.id === c.id);
      conversations().applyUpdated(c);
      if (!awaitsAgent(c)) return left([c.id]);
      // A conversation we had not seen: fetch its history so waiting time and the dialog are right.
      if (!known && c.state !== 'queued') void useMessagesStore.getState().load(c.id);
    }),
    api.on('conversation:removed', ({ conversationId }) => {
      coalescer.flush();
      conversations().applyRemoved(conversationId);
      left([conversationId]);
    }),
    api.on('message:upserted', (m) => {
      coalescer.flush();
      useMessagesStore.getState().applyMessage(m);
    }),
    api.on('conversations:synced', (payload) => coalescer.synced(payload)),
    api.on('queue:changed', (queue) => {
      conversations().applyQueue(queue);
      useAlertStore.getState().dropQueuedExcept(queue.map((q) => q.conversationId));
    }),
    api.on('draft:changed', ({ conversationId, text }) => useMessagesStore.getState().applyDraft(conversationId, text)),
    api.on('offline-message:updated', (m) => useOfflineStore.getState().apply(m)),
    // 访客监控 (only while its view watches) and the answers to this agent's invitations.
    api.on('site-visitors:changed', (changes) => useSiteVisitorsStore.getState().applyChanges(changes)),
    api.on('invitation:answered', (invitation) => useSiteVisitorsStore.getState().applyAnswer(invitation)),
    // 提醒设置 decide the sound, the notification and whether it is kept until acted on.
    api.on('alert:raised', (alert) => onAlertRaised(alert, openConversation)),
    subscribePhone(api),
    subscribeDesktop(api),
    subscribeUpdates(api),
    // The browser shell's services went away (offline banner) or came back: what happened
    // meanwhile was never heard, so everything is read again.
    onTransportChange((change) => {
      useConnectionStore.getState().setServicesReachable(change === 'restored');
      if (change === 'restored') void reloadAll();
      // Services that came back know nothing of the open 访客监控: it asks for the list again.
      if (change === 'restored') void useSiteVisitorsStore.getState().rewatch();
    }),
  ];
  return () => offs.forEach((off) => off());
}

/**
 * Loads everything the workstation shows once logged in. The conversations and their messages
 * come from the cache and show at once; what needs the server (留言, the phone) loads beside them
 * and never holds them back when the server is slow or away.
 */
export async function loadWorkstation(): Promise<void> {
  const others = Promise.all([useConnectionStore.getState().load(), useOfflineStore.getState().load(), loadPhone()]);
  await useConversationsStore.getState().load();
  const open = useConversationsStore.getState().conversations.filter((c) => c.state !== 'queued');
  await Promise.all([others, ...open.map((c) => useMessagesStore.getState().load(c.id))]);
}

/** After the services came back: who is logged in, the connection, and (if someone is) the workstation. */
async function reloadAll(): Promise<void> {
  await Promise.all([useSessionStore.getState().load(), useConnectionStore.getState().load()]);
  if (useSessionStore.getState().snapshot?.agent) await loadWorkstation();
}
