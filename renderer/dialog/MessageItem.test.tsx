import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithApp } from '../testing/renderWithApp.js';
import { message } from '../testing/fixtures.js';
import { FakeKefu } from '../testing/fakeKefu.js';
import { provideKefu } from '../app/kefu.js';
import { MessageItem } from './MessageItem.js';
import { ok } from '../../shared/errors.js';
import { i18n } from '../i18n/index.js';

afterEach(() => {
  cleanup();
  provideKefu(null);
});

describe('MessageItem', () => {
  it("renders the agent's 字体设置 from the message as inline properties, never from a bad object", () => {
    const style = { fontFace: 'KaiTi' as const, fontSize: 18, bold: true, italic: true, underline: true, color: '#c41d7f' };
    const { container } = renderWithApp(<MessageItem message={message({ sender: 'agent', senderName: '小王', text: '有样式', style })} />);
    const bubble = container.querySelector<HTMLElement>('.kefu-bubble')!;
    expect(bubble.style.fontFamily).toContain('KaiTi');
    expect(bubble.style.fontSize).toBe('18px');
    expect(bubble.style.fontWeight).toBe('700');
    expect(bubble.style.fontStyle).toBe('italic');
    expect(bubble.style.textDecoration).toBe('underline');
    expect(bubble.style.color).toBe('rgb(196, 29, 127)');
    cleanup();
    // A message that somehow carries a bad style (not from our schema) is shown unstyled.
    const bad = { ...style, color: 'red;background:url(https://evil.example/x)' } as unknown as typeof style;
    const again = renderWithApp(<MessageItem message={message({ sender: 'agent', text: '坏样式', style: bad })} />);
    const plain = again.container.querySelector<HTMLElement>('.kefu-bubble')!;
    expect(plain.getAttribute('style')).toBeNull();
    cleanup();
    // A visitor's message never takes a style, even if one came along.
    const visitor = renderWithApp(<MessageItem message={message({ sender: 'visitor', text: '访客', style })} />);
    expect(visitor.container.querySelector<HTMLElement>('.kefu-bubble')!.getAttribute('style')).toBeNull();
  });

  it('shows visitor markup as text and links only http(s) safely', () => {
    const text = '<script>window.hacked=1</script><img src=x onerror=alert(1)> 详见 https://example.com/p';
    const { container } = renderWithApp(<MessageItem message={message({ text })} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(/<script>window.hacked=1<\/script>/)).toBeTruthy();
    const link = screen.getByRole('link', { name: 'https://example.com/p' });
    expect(link.getAttribute('href')).toBe('https://example.com/p');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('marks the agent’s failed message and retries by clientId', async () => {
    const retried: string[] = [];
    renderWithApp(
      <MessageItem
        message={message({ sender: 'agent', clientId: 'k-1', seq: 0, delivery: 'failed', failure: 'NETWORK' })}
        onRetry={(id) => retried.push(id)}
      />,
    );
    expect(screen.getByText('发送失败')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(retried).toEqual(['k-1']);
  });

  it('shows 发送中 while the agent’s message is not stored', () => {
    renderWithApp(<MessageItem message={message({ sender: 'agent', seq: 0, delivery: 'sending' })} />);
    expect(screen.getByRole('status').textContent).toContain('发送中');
  });

  it('shows the time in the UI language: 24-hour in 简体中文 whatever the machine’s locale, AM/PM in English', async () => {
    // The test machine's own locale is en-US (LANG=C): toLocaleTimeString() would say 10:40:15 PM here.
    const createdAt = new Date(2026, 11, 7, 22, 40, 15).getTime();
    const { container } = renderWithApp(<MessageItem message={message({ senderName: '访客', createdAt })} />);
    const meta = container.querySelector('.kefu-msg-meta')!;
    expect(meta.textContent).toBe('访客 · 22:40:15');
    await act(() => i18n.changeLanguage('en'));
    expect(meta.textContent).toMatch(/^访客 · 10:40:15\sPM$/);
    await act(() => i18n.changeLanguage('zh-CN'));
    expect(meta.textContent).toBe('访客 · 22:40:15');
  });

  it('loads an image attachment through attachments:get as a data URL', async () => {
    const api = new FakeKefu({ 'attachments:get': () => ok({ mime: 'image/png', dataBase64: 'iVBORw0KGgo=', name: 'shot.png' }) });
    provideKefu(api);
    renderWithApp(
      <MessageItem message={message({ kind: 'image', text: '', attachment: { id: 'att-1', name: 'shot.png', size: 8, mime: 'image/png', isImage: true } })} />,
    );
    const img = await screen.findByRole('img', { name: '图片 shot.png' });
    await waitFor(() => expect(img.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo='));
    expect(api.callsTo('attachments:get')).toEqual([{ attachmentId: 'att-1' }]);
  });
});
