import { create } from 'zustand';
import type { AppError, Result } from '../../shared/errors.js';
import type { CustomerProfile, CustomerProfilePatch } from '../../shared/customers.js';
import { invoke } from '../app/kefu.js';

interface CustomerState {
  visitorId: string | null;
  profile: CustomerProfile | null;
  loading: boolean;
  error: AppError | null;
  /** Shows this visitor (null: none); reads the profile from the server. */
  show(visitorId: string | null): Promise<void>;
  /** The server said this visitor changed: re-read if it is the one shown. */
  changed(visitorId: string): Promise<void>;
  update(patch: CustomerProfilePatch): Promise<Result<CustomerProfile>>;
}

/** 顾客信息 of the visitor of the selected conversation. */
export const useCustomerStore = create<CustomerState>()((set, get) => {
  async function read(visitorId: string, quiet: boolean): Promise<void> {
    if (!quiet) set({ loading: true, error: null });
    const result = await invoke('customers:get-profile', { visitorId });
    if (get().visitorId !== visitorId) return; // another visitor was chosen meanwhile
    if (result.ok) set({ profile: result.value, loading: false, error: null });
    else set({ loading: false, error: result.error, ...(quiet ? {} : { profile: null }) });
  }
  return {
    visitorId: null,
    profile: null,
    loading: false,
    error: null,
    async show(visitorId) {
      if (visitorId === get().visitorId) return;
      set({ visitorId, profile: null, error: null });
      if (visitorId) await read(visitorId, false);
    },
    async changed(visitorId) {
      if (visitorId === get().visitorId) await read(visitorId, true);
    },
    async update(patch) {
      const visitorId = get().visitorId;
      if (!visitorId) return { ok: false, error: { code: 'INVALID_STATE', message: 'no visitor shown' } };
      const result = await invoke('customers:update-profile', { visitorId, patch });
      if (result.ok && get().visitorId === visitorId) set({ profile: result.value });
      return result;
    },
  };
});
