/**
 * The widget with the company's 访客端设置: it loads them before the first screen (title, colours,
 * the 技能组 menu, 访客注册 fields), checks the answers as the server will before sending them,
 * and follows a pushed `widget-config` frame live — the look at once, the form only while the
 * visitor has not typed into it. The whole app against a stubbed fetch and socket.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerFrame } from '../../../shared/protocol/realtime.js';
import { DEFAULT_WIDGET_SETTINGS, widgetConfigOf, type WidgetConfig, type WidgetSettings } from '../../../shared/widget-settings.js';
import { WidgetApp } from './app.js';

// The server's current defaults (whatever fields they have today), imported by a computed name so
// the widget's browser-only typecheck does not follow it into server code.
const CONTEXT_MODULE = '../../domain/context.js';
const serverDefaults = async () => ((await import(/* @vite-ignore */ CONTEXT_MODULE)) as { DEFAULT_SETTINGS: unknown }).DEFAULT_SETTINGS;

const GROUPS: Record<string, string> = { 'g-presale': '售前组', 'g-after': '售后组' };
const configOf = (settings: Partial<WidgetSettings>): WidgetConfig => widgetConfigOf({ ...DEFAULT_WIDGET_SETTINGS, ...settings }, (id) => GROUPS[id]);

const FIRST_SETTINGS: Partial<WidgetSettings> = {
  title: '小蜜客服',
  themeColor: '#ffd666',
  welcomeText: '欢迎光临！\n请先留下联系方式。',
  groupMenu: {
    enabled: true,
    items: [
      { groupId: 'g-presale', label: '购买咨询' },
      { groupId: 'g-after', label: '' },
    ],
  },
  registration: { name: 'optional', phone: 'required', email: 'off', privacyNote: '仅用于联系您' },
};
const FIRST = configOf(FIRST_SETTINGS);

class FakeSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static last: FakeSocket | null = null;
  readyState = FakeSocket.CONNECTING;
  constructor() {
    super();
    FakeSocket.last = this;
    queueMicrotask(() => {
      this.readyState = FakeSocket.OPEN;
      this.dispatchEvent(new Event('open'));
    });
  }
  send(): void {}
  close(): void {
    this.readyState = FakeSocket.CLOSED;
  }
  receive(frame: ServerFrame): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(frame) }));
  }
}

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

function stubServer(settings: unknown) {
  const sent: Sent[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const path = new URL(url, 'http://widget.test').pathname;
      const method = init.method ?? 'GET';
      sent.push({ method, path, body: init.body ? JSON.parse(String(init.body)) : undefined });
      if (path === '/api/widget/config') return json(FIRST);
      if (path === '/api/visitor/session')
        return json({
          token: 'tok',
          visitor: { id: 'v1', name: '访客' },
          conversation: null,
          agentsAvailable: true,
          offlineMessages: [],
          settings,
          businessHours: { open: true, notice: '', nextChangeAt: null, timeZone: 'Asia/Shanghai' },
        });
      if (path === '/api/visitor/prechat') return json({ groupId: 'g-after', name: '王小明', phone: '13800138000', email: '' });
      if (path === '/api/visitor/conversation') return json({ outcome: 'offline' });
      return json({ error: { code: 'NOT_FOUND', message: path } }, 404);
    }),
  );
  return sent;
}

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector);
const type = (selector: string, value: string) => {
  const input = $<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
const submit = () => $<HTMLFormElement>('form.start')!.dispatchEvent(new Event('submit', { cancelable: true }));

describe('the widget with 访客端设置', () => {
  let sent: Sent[];

  beforeEach(async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    sent = stubServer(await serverDefaults());
    document.body.replaceChildren();
    const root = document.createElement('div');
    document.body.append(root);
    new WidgetApp({ lang: 'zh-CN' }).mount(root);
    await vi.waitFor(() => expect($('form.start')).not.toBeNull());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the company look and form at first paint: title, readable colours, welcome, menu, 访客注册 with its note', () => {
    expect($('.header h1')?.textContent).toBe('小蜜客服');
    const style = document.documentElement.style;
    expect(style.getPropertyValue('--primary')).toBe('#ffd666');
    // A light yellow gets dark text on it, and a darker shade where it is text on white.
    expect(style.getPropertyValue('--on-primary')).toBe('#1f1f1f');
    expect(style.getPropertyValue('--primary-text')).not.toBe('#ffd666');
    expect($('.welcome')?.textContent).toBe('欢迎光临！\n请先留下联系方式。');
    const options = Array.from(document.querySelectorAll<HTMLLabelElement>('label.group-option')).map((label) => label.textContent);
    expect(options).toEqual(['购买咨询', '售后组']);
    expect($<HTMLInputElement>('#kefu-start-phone')?.required).toBe(true);
    expect($('label[for="kefu-start-name"]')?.textContent).toBe('您的称呼（可选）');
    expect($('#kefu-start-email')).toBeNull();
    expect($('.privacy-note')?.textContent).toBe('仅用于联系您');
    // Every control has an accessible name.
    for (const input of document.querySelectorAll('form.start input')) expect($(`label[for="${input.id}"]`), input.id).not.toBeNull();
  });

  it('checks the answers as the server will, then sends them before the start', async () => {
    submit();
    expect($('#kefu-start-groupId-error')?.textContent).toBe('请选择咨询类型');
    expect($('#kefu-start-phone-error')?.textContent).toContain('手机号码');
    expect($('#kefu-start-phone')?.getAttribute('aria-invalid')).toBe('true');

    $<HTMLInputElement>('#kefu-start-group-1')!.checked = true;
    type('#kefu-start-phone', 'call me');
    submit();
    expect($('#kefu-start-phone-error')?.textContent).toBe('请输入正确的电话号码');
    expect(sent.some((request) => request.path === '/api/visitor/prechat')).toBe(false);

    type('#kefu-start-name', ' 王小明 ');
    type('#kefu-start-phone', '13800138000');
    submit();
    await vi.waitFor(() => expect(sent.some((request) => request.path === '/api/visitor/conversation')).toBe(true));
    const prechat = sent.find((request) => request.path === '/api/visitor/prechat');
    expect(prechat?.body).toEqual({ groupId: 'g-after', name: '王小明', phone: '13800138000' });
    expect(sent.findIndex((request) => request.path === '/api/visitor/prechat')).toBeLessThan(
      sent.findIndex((request) => request.path === '/api/visitor/conversation'),
    );
  });

  it('follows a pushed widget-config frame live: the look at once, a touched form kept as typed, an untouched one rebuilt', async () => {
    await vi.waitFor(() => expect(FakeSocket.last?.readyState).toBe(FakeSocket.OPEN));
    type('#kefu-start-phone', '138');
    const form = $('form.start');
    const emailRequired = configOf({
      ...FIRST_SETTINGS,
      title: '新标题',
      themeColor: '#cf1322',
      registration: { name: 'off', phone: 'required', email: 'required', privacyNote: '' },
    });
    FakeSocket.last!.receive({ type: 'widget-config', config: emailRequired });

    expect($('.header h1')?.textContent).toBe('新标题');
    expect(document.documentElement.style.getPropertyValue('--primary')).toBe('#cf1322');
    expect(document.documentElement.style.getPropertyValue('--on-primary')).toBe('#ffffff');
    // The visitor was typing: same form, same value, no new field under their cursor.
    expect($('form.start')).toBe(form);
    expect($<HTMLInputElement>('#kefu-start-phone')?.value).toBe('138');
    expect($('#kefu-start-email')).toBeNull();

    // Back to untouched: the next change rebuilds the form with the new fields.
    type('#kefu-start-phone', '');
    FakeSocket.last!.receive({ type: 'widget-config', config: { ...emailRequired, groupMenu: [], emojiPicker: false } });
    expect($('form.start')).not.toBe(form);
    expect($<HTMLInputElement>('#kefu-start-email')?.required).toBe(true);
    expect($('#kefu-start-name')).toBeNull();
    expect($('label.group-option')).toBeNull();
  });
});
