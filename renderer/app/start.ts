/**
 * What the page asks the services for before React draws anything: the contract events wired
 * into their stores, the session and the cached conversations. main.tsx calls it while the
 * scripts are still being evaluated, so the answers come back while React renders its first
 * frame instead of being asked for after it (that frame alone took hundreds of ms). Once per page.
 */
import type { KefuApi } from '../../shared/ipc/contract.js';
import { useSessionStore } from '../login/sessionStore.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { subscribeEvents } from './subscribeEvents.js';

let started = false;

export function startRenderer(api: KefuApi): void {
  if (started) return;
  started = true;
  // Subscribed first, so no event between an answer and the subscription is missed. For the
  // page's lifetime: its one Root never unmounts.
  subscribeEvents(api);
  void useSessionStore.getState().load();
  // Asked beside the session, not after the workstation has rendered: the cached conversations
  // are then there for its first frame (without a session the services just say so).
  void useConversationsStore.getState().load();
}
