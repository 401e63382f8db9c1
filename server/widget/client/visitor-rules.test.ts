/**
 * The widget follows a pushed `visitor-rules` frame live, in a chat: uploads turned off hide the
 * image and file buttons (and turned on show them again), the size check uses the pushed limit,
 * and a rating form the visitor has not touched is drawn again with the company's words and
 * comment option. The whole app against a stubbed fetch, socket and XMLHttpRequest.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VisitorRules } from '../../../shared/company-rules.js';
import type { ServerFrame } from '../../../shared/protocol/realtime.js';
import { WidgetApp } from './app.js';
import { conversationFixture } from './test-fixtures.js';

// The server's current defaults, imported by a computed name so the widget's browser-only
// typecheck does not follow it into server code (as in widget-settings.test.ts).
const CONTEXT_MODULE = '../../domain/context.js';
const serverDefaults = async () => ((await import(/* @vite-ignore */ CONTEXT_MODULE)) as { DEFAULT_SETTINGS: VisitorRules }).DEFAULT_SETTINGS;

const MB = 1024 * 1024;

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

/** Uploads that start: counted, never finished. */
class FakeXhr {
  static sent = 0;
  readonly upload = new EventTarget();
  open(): void {}
  setRequestHeader(): void {}
  addEventListener(): void {}
  send(): void {
    FakeXhr.sent++;
  }
}

function stubServer(settings: unknown): void {
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = new URL(url, 'http://widget.test').pathname;
      if (path === '/api/visitor/session')
        return json({
          token: 'tok',
          visitor: { id: 'v1', name: '访客' },
          conversation: conversationFixture({ evaluationPushed: true }),
          agentsAvailable: true,
          offlineMessages: [],
          settings,
          businessHours: { open: true, notice: '', nextChangeAt: null, timeZone: 'Asia/Shanghai' },
        });
      if (path.endsWith('/messages')) return json([]);
      return json({ error: { code: 'NOT_FOUND', message: path } }, 404);
    }),
  );
}

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector);
const imageButton = () => $<HTMLButtonElement>('.composer-tools button[aria-label="发送图片"]')!;
const fileButton = () => $<HTMLButtonElement>('.composer-tools button[aria-label="发送文件"]')!;
const notice = () => $<HTMLElement>('.composer-notice')!;
const ratingTexts = () => Array.from(document.querySelectorAll('.rating-option')).map((option) => option.textContent);

/** The visitor picks a file of `size` bytes with the 发送文件 button's input. */
function pickFile(size: number): void {
  const input = $<HTMLInputElement>('.composer-tools input[type="file"][aria-label="发送文件"]')!;
  const file = new File(['x'], 'report.pdf', { type: 'application/pdf' });
  Object.defineProperty(file, 'size', { value: size });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

describe('the widget follows pushed visitor rules', () => {
  let defaults: VisitorRules;
  const push = (rules: Partial<VisitorRules>) => FakeSocket.last!.receive({ type: 'visitor-rules', rules: { ...defaults, ...rules } });

  beforeEach(async () => {
    defaults = await serverDefaults();
    FakeXhr.sent = 0;
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    stubServer(defaults);
    document.body.replaceChildren();
    const root = document.createElement('div');
    document.body.append(root);
    new WidgetApp({ lang: 'zh-CN' }).mount(root);
    await vi.waitFor(() => expect($('.composer')).not.toBeNull());
    await vi.waitFor(() => expect(FakeSocket.last?.readyState).toBe(FakeSocket.OPEN));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('hides the image and file buttons when uploads go off, and shows them again when they come back', () => {
    expect(imageButton().hidden).toBe(false);
    expect(fileButton().hidden).toBe(false);

    push({ visitorUploadsEnabled: false });
    expect(imageButton().hidden).toBe(true);
    expect(fileButton().hidden).toBe(true);
    // The emoji button is still there, so the row of tools stays.
    expect($<HTMLElement>('.composer-tools')!.hidden).toBe(false);

    push({ visitorUploadsEnabled: true });
    expect(imageButton().hidden).toBe(false);
    expect(fileButton().hidden).toBe(false);
  });

  it('checks a file against the pushed limit before sending a byte', () => {
    push({ visitorUploadMaxMb: 2 });
    pickFile(3 * MB);
    expect(notice().hidden).toBe(false);
    expect(notice().textContent).toBe('文件不能超过 2 MB');
    expect(FakeXhr.sent).toBe(0);

    pickFile(1.5 * MB);
    expect(notice().hidden).toBe(true);
    expect(FakeXhr.sent).toBe(1);

    // A larger limit pushed later lets the same file through.
    push({ visitorUploadMaxMb: 5 });
    pickFile(3 * MB);
    expect(FakeXhr.sent).toBe(2);
  });

  it('redraws an untouched rating form with the pushed words and comment option; a touched one is kept', () => {
    expect(ratingTexts()[0]).toBe('非常满意');
    expect($('#kefu-eval-comment')).not.toBeNull();

    push({ evaluationLabels: ['很差', '', '', '', '棒极了'], evaluationCommentEnabled: false });
    expect(ratingTexts()[0]).toBe('棒极了');
    expect(ratingTexts()[4]).toBe('很差');
    expect($('#kefu-eval-comment')).toBeNull();

    // The visitor picked a level: the next change leaves their form alone.
    const form = $('form.evaluation');
    $<HTMLInputElement>('input[name="kefu-eval-rating"][value="4"]')!.checked = true;
    push({ evaluationLabels: ['', '', '', '', ''], evaluationCommentEnabled: true });
    expect($('form.evaluation')).toBe(form);
    expect(ratingTexts()[0]).toBe('棒极了');
  });
});
