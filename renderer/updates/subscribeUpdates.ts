import type { KefuApi } from '../../shared/ipc/contract.js';
import { useUpdateStore } from './updateStore.js';

/** The services report each step of a check and a download (update:changed). */
export function subscribeUpdates(api: KefuApi): () => void {
  return api.on('update:changed', (state) => useUpdateStore.getState().apply(state));
}
