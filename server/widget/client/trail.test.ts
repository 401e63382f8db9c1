import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_MESSAGE, hostPage, installTrailFrame } from './trail-embed.js';
import { ensureVisitorToken } from './trail.js';
import type { WidgetApi } from './api.js';
import { WidgetStore } from './storage.js';

// The reporting itself (identity, page view, keepalive leave) runs against a real server and real
// Chromium in test/e2e/customer-trail.spec.ts; these are the host-page parts jsdom can show.
describe('widget trail, host page side', () => {
  afterEach(() => document.getElementById('kefu-widget-trail')?.remove());

  it('cuts the host page facts to the server limits', () => {
    document.title = '标'.repeat(400);
    const page = hostPage();
    expect(page.title).toHaveLength(256);
    expect(page.url.startsWith('http')).toBe(true);
  });

  it('adds one hidden, unfocusable trail frame in trail mode and posts the page only to our origin', () => {
    const frame = installTrailFrame('https://kefu.example.cn', 'lang=zh-CN');
    expect(frame.src).toBe('https://kefu.example.cn/widget?lang=zh-CN&mode=trail');
    expect([frame.style.display, frame.tabIndex, frame.getAttribute('aria-hidden')]).toEqual(['none', -1, 'true']);
    const posted: [unknown, string][] = [];
    Object.defineProperty(frame, 'contentWindow', { value: { postMessage: (data: unknown, origin: string) => posted.push([data, origin]) } });
    frame.dispatchEvent(new Event('load'));
    expect(posted).toEqual([[{ type: PAGE_MESSAGE, page: hostPage() }, 'https://kefu.example.cn']]);
  });
});

describe('widget trail, one identity for both frames', () => {
  afterEach(() => {
    localStorage.clear();
    Reflect.deleteProperty(navigator, 'locks');
  });

  it('the trail frame and the chat frame racing on a first visit open one visitor, not two', async () => {
    // A Web Locks stand-in with the same contract: one holder per name, the rest wait in order.
    let tail: Promise<unknown> = Promise.resolve();
    const locks = {
      request: (_name: string, callback: () => Promise<unknown>) => {
        const run = tail.then(callback);
        tail = run.catch(() => undefined);
        return run;
      },
    };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    let opened = 0;
    const api = {
      call: async () => {
        opened += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { ok: true as const, value: { token: `token-${opened}` } };
      },
    } as unknown as WidgetApi;
    const [trailFrame, chatFrame] = await Promise.all([ensureVisitorToken(api, new WidgetStore()), ensureVisitorToken(api, new WidgetStore())]);
    expect(opened).toBe(1);
    expect(chatFrame).toBe(trailFrame);
    expect(new WidgetStore().token).toBe(trailFrame);
  });
});
