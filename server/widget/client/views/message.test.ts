import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../shared/domain.js';
import type { MessageStyle } from '../../../../shared/message-style.js';
import { renderMessage } from './message.js';
import { setLang } from '../i18n.js';

const style: MessageStyle = { fontFace: 'SimSun', fontSize: 16, bold: true, italic: false, underline: true, color: '#1677ff' };
const agentText = (overrides: Partial<Message> = {}): Message => ({
  id: 'm1',
  conversationId: 'c1',
  seq: 1,
  clientId: 'k1',
  sender: 'agent',
  senderId: 'a1',
  senderName: '小王',
  kind: 'text',
  text: '您好',
  attachment: null,
  createdAt: 0,
  ...overrides,
});
const bubbleOf = (message: Message) => renderMessage(message, (id) => `/files/${id}`).querySelector<HTMLElement>('.msg-bubble')!;

describe("the agent's 字体设置 in the widget", () => {
  it('sets the validated style property by property', () => {
    const bubble = bubbleOf(agentText({ style }));
    expect(bubble.style.fontFamily).toContain('SimSun');
    expect(bubble.style.fontSize).toBe('16px');
    expect(bubble.style.fontWeight).toBe('700');
    expect(bubble.style.fontStyle).toBe('normal');
    expect(bubble.style.textDecoration).toBe('underline');
    expect(bubble.style.color).toBe('rgb(22, 119, 255)');
    expect(bubble.textContent).toBe('您好');
  });

  it('ignores a style that is not the closed object, and any style on visitor or file messages', () => {
    const injected = { ...style, color: 'red;background:url(https://evil.example/x)' } as unknown as MessageStyle;
    expect(bubbleOf(agentText({ style: injected })).getAttribute('style')).toBeNull();
    const extra = { ...style, position: 'fixed' } as unknown as MessageStyle;
    expect(bubbleOf(agentText({ style: extra })).getAttribute('style')).toBeNull();
    expect(bubbleOf(agentText({ sender: 'visitor', style })).getAttribute('style')).toBeNull();
    expect(
      bubbleOf(agentText({ kind: 'file', attachment: { id: 'f1', name: 'a.pdf', size: 3, mime: 'application/pdf', isImage: false }, style })).getAttribute(
        'style',
      ),
    ).toBeNull();
    expect(bubbleOf(agentText()).getAttribute('style')).toBeNull();
  });
});

describe('the time on a message line', () => {
  it('follows the widget language: 22:40 in Chinese, 10:40 PM in English', () => {
    const createdAt = new Date(2026, 11, 7, 22, 40, 15).getTime();
    const metaOf = () => renderMessage(agentText({ createdAt }), (id) => `/files/${id}`).querySelector('.msg-meta')!.textContent;
    try {
      expect(metaOf()).toBe('小王 22:40');
      setLang('en');
      expect(metaOf()).toMatch(/^小王 10:40\sPM$/);
    } finally {
      setLang('zh-CN');
    }
  });
});
