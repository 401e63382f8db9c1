import { create } from 'zustand';

/** Whether the workstation shows the 电话 view; a notification click or the header opens it. */
interface PhoneViewStore {
  requested: number;
  open(): void;
}

export const usePhoneView = create<PhoneViewStore>()((set, get) => ({
  requested: 0,
  open() {
    set({ requested: get().requested + 1 });
  },
}));
