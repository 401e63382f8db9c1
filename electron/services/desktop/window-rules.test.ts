import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  decideNavigation,
  decidePermission,
  decideQuit,
  decideWindowClose,
  isOwnPageUrl,
  quitQuestion,
  secondInstanceSteps,
  startupFailureMessage,
} from './window-rules.js';

describe('window rules', () => {
  it('the red X hides to the tray, with the still-running notice only the first time; quitting closes', () => {
    expect(decideWindowClose({ quitting: false, stillRunningNoticeShown: false })).toEqual({ action: 'hide', notifyStillRunning: true });
    expect(decideWindowClose({ quitting: false, stillRunningNoticeShown: true })).toEqual({ action: 'hide', notifyStillRunning: false });
    expect(decideWindowClose({ quitting: true, stillRunningNoticeShown: false })).toEqual({ action: 'close' });
  });

  it('退出系统 with open conversations asks first; after yes it quits and goes away on the server', () => {
    expect(decideQuit({ loggedIn: true, openConversations: 2, confirmed: false })).toEqual({ action: 'ask', openConversations: 2 });
    expect(decideQuit({ loggedIn: true, openConversations: 2, confirmed: true })).toEqual({ action: 'quit', setAwayFirst: true });
    expect(decideQuit({ loggedIn: true, openConversations: 0, confirmed: false })).toEqual({ action: 'quit', setAwayFirst: true });
    expect(decideQuit({ loggedIn: false, openConversations: 0, confirmed: false })).toEqual({ action: 'quit', setAwayFirst: false });
    expect(quitQuestion(2).message).toContain('2 个对话未结束');
  });

  it('a failed start says what failed and where the data is, in Chinese and English', () => {
    const box = startupFailureMessage(new Error('file is not a database'), '/home/a/.config/Kefu Desk');
    expect(box.title).toBe('客服工作台无法启动 / Kefu Desk could not start');
    expect(box.content).toContain('启动时出错：file is not a database');
    expect(box.content).toContain('Kefu Desk hit an error while starting: file is not a database');
    expect(box.content.match(/\/home\/a\/\.config\/Kefu Desk/g)).toHaveLength(2);
    expect(startupFailureMessage('plain text', '/d').content).toContain('plain text');
  });

  it('a second start brings the running window back from wherever it is', () => {
    expect(secondInstanceSteps({ exists: true, minimized: true, visible: true })).toEqual(['restore', 'focus']);
    expect(secondInstanceSteps({ exists: true, minimized: false, visible: false })).toEqual(['show', 'focus']);
    expect(secondInstanceSteps({ exists: false, minimized: false, visible: false })).toEqual(['create', 'show', 'focus']);
  });

  it('own page only: the built file exactly, or the dev server origin', () => {
    const page = { fileUrl: 'file:///opt/kefu/renderer/index.html' };
    expect(isOwnPageUrl('file:///opt/kefu/renderer/index.html#/chat', page)).toBe(true);
    expect(isOwnPageUrl('file:///opt/kefu/renderer/evil.html', page)).toBe(false);
    expect(isOwnPageUrl('http://localhost:5173/x', { ...page, devServerUrl: 'http://localhost:5173' })).toBe(true);
    expect(isOwnPageUrl('http://localhost:5174/x', { ...page, devServerUrl: 'http://localhost:5173' })).toBe(false);
    expect(isOwnPageUrl('not a url', { ...page, devServerUrl: 'http://localhost:5173' })).toBe(false);
  });

  it('links open in the system browser (http/https only); anything else is refused', () => {
    expect(decideNavigation('https://example.com/a')).toBe('open-external');
    expect(decideNavigation('http://example.com')).toBe('open-external');
    expect(decideNavigation('file:///etc/passwd')).toBe('deny');
    expect(decideNavigation('javascript:alert(1)')).toBe('deny');
    expect(decideNavigation('smb://host/share')).toBe('deny');
  });

  it('permissions: microphone and screen capture for our page; camera, geolocation and other pages refused', () => {
    const own = (url: string) => url.startsWith('file:///app/');
    expect(decidePermission({ permission: 'media', mediaTypes: ['audio'], requestingUrl: 'file:///app/index.html' }, own)).toBe(true);
    expect(decidePermission({ permission: 'media', mediaTypes: ['audio', 'video'], requestingUrl: 'file:///app/index.html' }, own)).toBe(false);
    expect(decidePermission({ permission: 'media', requestingUrl: 'file:///app/index.html' }, own)).toBe(false);
    expect(decidePermission({ permission: 'display-capture', requestingUrl: 'file:///app/index.html' }, own)).toBe(true);
    expect(decidePermission({ permission: 'geolocation', requestingUrl: 'file:///app/index.html' }, own)).toBe(false);
    expect(decidePermission({ permission: 'media', mediaTypes: ['audio'], requestingUrl: 'https://evil.example' }, own)).toBe(false);
  });

  it('permissions: system notifications (alerts for new conversations and messages) for our page only', () => {
    const own = (url: string) => url.startsWith('file:///app/');
    expect(decidePermission({ permission: 'notifications', requestingUrl: 'file:///app/index.html' }, own)).toBe(true);
    expect(decidePermission({ permission: 'notifications', requestingUrl: 'https://evil.example' }, own)).toBe(false);
  });

  it('CSP: nothing by default, connect-src has the backend (http + ws) and the SIP WebSocket, media-src for audio', () => {
    const csp = contentSecurityPolicy({ serverUrl: 'https://kefu.example.com:8443', sipWsUrls: ['wss://sip.example.com:7443/ws'] });
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toMatch(/connect-src 'self' https:\/\/kefu\.example\.com:8443 wss:\/\/kefu\.example\.com:8443 wss:\/\/sip\.example\.com:7443/);
    expect(csp).toContain('media-src');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
  });
});
