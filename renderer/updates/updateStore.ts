import { create } from 'zustand';
import type { AppError, Result } from '../../shared/errors.js';
import type { UpdateState } from '../../shared/ipc/updates.js';
import { invoke } from '../app/kefu.js';

interface UpdateStore {
  /** Null until loaded. */
  state: UpdateState | null;
  load(): Promise<void>;
  apply(state: UpdateState): void;
  checkNow(): Promise<AppError | null>;
  /** 立即重启: refused during a call or with unsent messages (the error says which). */
  restartNow(): Promise<AppError | null>;
}

/** 自动更新 as the services report it (update:get-state, update:changed). */
export const useUpdateStore = create<UpdateStore>((set, get) => {
  async function answer(pending: Promise<Result<UpdateState>>): Promise<AppError | null> {
    const result = await pending;
    if (!result.ok) return result.error;
    get().apply(result.value);
    return null;
  }
  return {
    state: null,
    async load() {
      await answer(invoke('update:get-state', undefined));
    },
    apply(state) {
      set({ state });
    },
    checkNow: () => answer(invoke('update:check-now', undefined)),
    restartNow: () => answer(invoke('update:restart-now', undefined)),
  };
});
