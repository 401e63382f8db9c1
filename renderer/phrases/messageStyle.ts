import { create } from 'zustand';
import { DEFAULT_MESSAGE_STYLE, MessageStyleSchema, type MessageStyle } from '../../shared/ipc/phrases.js';
import type { AppError } from '../../shared/errors.js';
import { invoke } from '../app/kefu.js';

/**
 * CSS for the agent's own bubbles from the 字体设置 object. Only values the schema allows get in
 * (a font from a fixed list, a #rrggbb colour, an integer size), so nothing here can inject CSS.
 */
export function messageStyleCss(input: MessageStyle): string {
  const style = MessageStyleSchema.parse(input);
  const rules = [
    style.fontFace === 'default' ? null : `font-family: "${style.fontFace}", sans-serif`,
    `font-size: ${style.fontSize}px`,
    `font-weight: ${style.bold ? 700 : 400}`,
    `font-style: ${style.italic ? 'italic' : 'normal'}`,
    `text-decoration: ${style.underline ? 'underline' : 'none'}`,
    `color: ${style.color}`,
  ].filter(Boolean);
  return `.kefu-msg.agent .kefu-bubble { ${rules.join('; ')}; }`;
}

interface MessageStyleState {
  style: MessageStyle;
  load(): Promise<void>;
  save(style: MessageStyle): Promise<AppError | null>;
}

export const useMessageStyleStore = create<MessageStyleState>()((set) => ({
  style: DEFAULT_MESSAGE_STYLE,
  async load() {
    const result = await invoke('message-style:get', undefined);
    if (result.ok) set({ style: result.value });
  },
  async save(style) {
    const result = await invoke('message-style:set', style);
    if (result.ok) set({ style: result.value });
    return result.ok ? null : result.error;
  },
}));
