/**
 * 通知: the agent's notices as the services cache them (newest first, unread marked), and what
 * arrived live and waits to pop up. The list reloads on `notices:changed`.
 */
import { create } from 'zustand';
import type { MyNotice } from '../../shared/protocol/rest-notices.js';
import { invoke } from '../app/kefu.js';

export const unreadCount = (notices: readonly MyNotice[]): number => notices.filter((n) => n.readAt === null).length;

interface NoticesState {
  notices: MyNotice[];
  /** Why the last mark-read failed, for the drawer to say. */
  error: string | null;
  load(): Promise<void>;
  markRead(id: string): Promise<boolean>;
  /** A mark-read the services answered (from the pop-up or the drawer). */
  applyRead(notice: MyNotice): void;
}

export const useNoticesStore = create<NoticesState>((set, get) => ({
  notices: [],
  error: null,
  async load() {
    const result = await invoke('notices:list', undefined);
    if (result.ok) set({ notices: result.value });
  },
  async markRead(id) {
    const result = await invoke('notices:mark-read', { id });
    if (!result.ok) {
      set({ error: result.error.message });
      return false;
    }
    get().applyRead(result.value);
    set({ error: null });
    return true;
  },
  applyRead(notice) {
    set({ notices: get().notices.map((n) => (n.id === notice.id ? notice : n)) });
  },
}));
