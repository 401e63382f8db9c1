import '../testing/setupDom.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { FakeKefu, type Handlers } from '../testing/fakeKefu.js';
import { renderWithApp } from '../testing/renderWithApp.js';
import { settings, snapshot } from '../testing/sampleSettings.js';
import { provideKefu } from '../app/kefu.js';
import { useSessionStore } from '../login/sessionStore.js';
import { useMessagesStore } from '../dialog/messagesStore.js';
import { useConversationsStore } from '../visitors/conversationsStore.js';
import { MessageInput } from '../dialog/MessageInput.js';
import { useDesktopStore } from './desktopStore.js';
import { subscribeDesktop } from './subscribeDesktop.js';
import { DesktopEffects } from './DesktopEffects.js';
import { fail, ok } from '../../shared/errors.js';

const DESKTOP_ONLY = '截屏仅在桌面版可用';

function setup(handlers: Handlers) {
  const api = new FakeKefu({ 'conversations:set-typing': () => ok(null), ...handlers });
  provideKefu(api);
  return api;
}

beforeEach(() => {
  useSessionStore.setState({ snapshot: snapshot({ settings: settings() }) });
  useMessagesStore.setState({ byConversation: {}, drafts: {} });
  useConversationsStore.setState({ conversations: [], queue: [], selectedId: null });
  useDesktopStore.setState({ state: null, unavailable: false, settingsRequests: 0, screenshotRequests: 0 });
});
afterEach(() => {
  cleanup();
  provideKefu(null);
});

describe('截屏 toolbar button', () => {
  it('captures into the open conversation and says nothing when it worked', async () => {
    const api = setup({ 'desktop:capture-screenshot': () => ok({ sent: true }) });
    renderWithApp(<MessageInput conversationId="c42" />);
    fireEvent.click(screen.getByRole('button', { name: '截屏' }));
    await waitFor(() => expect(api.callsTo('desktop:capture-screenshot')).toEqual([{ conversationId: 'c42' }]));
    expect(screen.queryByText(DESKTOP_ONLY)).toBeNull();
  });

  it('INVALID_STATE (browser shell): shows 截屏仅在桌面版可用', async () => {
    const api = setup({ 'desktop:capture-screenshot': () => fail('INVALID_STATE', 'no desktop') });
    renderWithApp(<MessageInput conversationId="c7" />);
    fireEvent.click(screen.getByRole('button', { name: '截屏' }));
    expect((await screen.findByText(DESKTOP_ONLY)).textContent).toBe(DESKTOP_ONLY);
    expect(api.callsTo('desktop:capture-screenshot')).toEqual([{ conversationId: 'c7' }]);
  });

  it('is disabled with the rest of the input (closed conversation)', () => {
    setup({});
    renderWithApp(<MessageInput conversationId="c1" disabled />);
    expect((screen.getByRole('button', { name: '截屏' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('another failure shows its own message', async () => {
    setup({ 'desktop:capture-screenshot': () => fail('INTERNAL', '截图失败：没有可用的屏幕') });
    renderWithApp(<MessageInput conversationId="c3" />);
    fireEvent.click(screen.getByRole('button', { name: '截屏' }));
    expect(await screen.findByText('截图失败：没有可用的屏幕')).toBeTruthy();
    expect(screen.queryByText(DESKTOP_ONLY)).toBeNull();
  });
});

describe('desktop events', () => {
  it('the global shortcut (desktop:screenshot-requested) captures into the selected conversation', async () => {
    const api = setup({ 'desktop:capture-screenshot': () => fail('INVALID_STATE', 'no desktop') });
    useConversationsStore.setState({ selectedId: 'c9' });
    const off = subscribeDesktop(api);
    renderWithApp(<DesktopEffects />);
    expect(api.callsTo('desktop:capture-screenshot')).toEqual([]); // mounting alone captures nothing
    act(() => api.emit('desktop:screenshot-requested', {}));
    await waitFor(() => expect(api.callsTo('desktop:capture-screenshot')).toEqual([{ conversationId: 'c9' }]));
    expect((await screen.findByText(DESKTOP_ONLY)).textContent).toBe(DESKTOP_ONLY);
    off();
  });

  it('the shortcut with no open conversation asks for one and calls nothing', async () => {
    const api = setup({ 'desktop:capture-screenshot': () => ok({ sent: true }) });
    const off = subscribeDesktop(api);
    renderWithApp(<DesktopEffects />);
    act(() => api.emit('desktop:screenshot-requested', {}));
    expect(await screen.findByText('请先打开一个对话再截屏')).toBeTruthy();
    expect(api.callsTo('desktop:capture-screenshot')).toEqual([]);
    off();
  });

  it('the tray 设置 item (desktop:open-settings) asks the workstation to open settings; unsubscribe stops it', () => {
    const api = setup({});
    const off = subscribeDesktop(api);
    api.emit('desktop:open-settings', {});
    expect(useDesktopStore.getState().settingsRequests).toBe(1);
    off();
    api.emit('desktop:open-settings', {});
    expect(useDesktopStore.getState().settingsRequests).toBe(1);
  });
});
