import type { CSSProperties } from 'react';
import { create } from 'zustand';
import { DEFAULT_MESSAGE_STYLE, type MessageStyle } from '../../shared/ipc/phrases.js';
import { messageStyleDeclarations } from '../../shared/message-style.js';
import type { AppError } from '../../shared/errors.js';
import { invoke } from '../app/kefu.js';

/** Inline style properties for a message that carries a 字体设置 object (never a CSS string). */
export function messageStyleProps(input: unknown): CSSProperties | undefined {
  return messageStyleDeclarations(input);
}

interface MessageStyleState {
  style: MessageStyle;
  load(): Promise<void>;
  save(style: MessageStyle): Promise<AppError | null>;
  /**
   * One field changed in the 字体设置 popover: shown at once and merged into the newest style, so
   * two quick clicks (加粗 then 斜体) both stick instead of the second undoing the first.
   */
  update(patch: Partial<MessageStyle>): Promise<AppError | null>;
}

/**
 * Changes started so far. A load's answer may come after a change that started later (the services
 * read when the load arrives, but answer in their own time): it is then older than what is shown.
 */
let changesStarted = 0;

export const useMessageStyleStore = create<MessageStyleState>()((set, get) => ({
  style: DEFAULT_MESSAGE_STYLE,
  async load() {
    const changesBefore = changesStarted;
    const result = await invoke('message-style:get', undefined);
    if (result.ok && changesStarted === changesBefore) set({ style: result.value });
  },
  async save(style) {
    changesStarted++;
    const result = await invoke('message-style:set', style);
    if (result.ok) set({ style: result.value });
    return result.ok ? null : result.error;
  },
  async update(patch) {
    changesStarted++;
    set({ style: { ...get().style, ...patch } });
    const result = await invoke('message-style:set', get().style);
    if (result.ok) return null;
    // Refused (cannot happen from the popover's closed choices): show what the services keep.
    changesStarted++;
    const stored = await invoke('message-style:get', undefined);
    if (stored.ok) set({ style: stored.value });
    return result.error;
  },
}));
