import type { KefuApi } from '../../shared/ipc/contract.js';
import { i18n } from '../i18n/index.js';
import { useCallLogStore } from './callLogStore.js';
import { usePhoneStore } from './phoneStore.js';
import { notifyIncomingCall } from './ringtone.js';
import { usePhoneView } from './phoneViewStore.js';

/** Wires the phone's contract events into its stores; returns one function that removes them. */
export function subscribePhone(api: KefuApi): () => void {
  const offs = [
    api.on('phone:state-changed', (state) => {
      const before = usePhoneStore.getState().state.calls.length;
      usePhoneStore.getState().apply(state);
      // A call ended: its record was just written locally (同步中 until the backend has it).
      if (state.calls.length < before || state.calls.some((c) => c.state === 'ended')) void useCallLogStore.getState().loadPending();
    }),
    api.on('phone:incoming', ({ call, card }) => {
      usePhoneStore.getState().incoming(call, card);
      const who = card?.customer?.name ?? call.remoteName ?? i18n.t('phone.incoming.unknown');
      notifyIncomingCall(i18n.t('phone.incoming.notification', { number: call.remoteNumber }), who, `call-${call.id}`, () => usePhoneView.getState().open());
    }),
    api.on('calls:updated', (call) => useCallLogStore.getState().apply(call)),
  ];
  return () => offs.forEach((off) => off());
}

/** Loads what the phone shows once logged in. */
export async function loadPhone(): Promise<void> {
  await Promise.all([usePhoneStore.getState().load(), useCallLogStore.getState().load()]);
}
