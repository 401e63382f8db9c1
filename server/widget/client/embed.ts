/**
 * /widget.js — what a company puts on its site:
 *   <script src="https://kefu.example.com/widget.js" data-group="presales" data-agent="…" async></script>
 * Adds a floating 在线客服 button that opens the chat page in an iframe from the script's own
 * origin. Built as one self-contained IIFE; it touches nothing on the host page but its own nodes.
 */
import { parseLang, validId, widgetQuery, type WidgetParams } from './params.js';
import { installTrailFrame } from './trail-embed.js';
import { LOOK_MESSAGE, applyLook, parseLook, type LauncherLook } from './launcher-look.js';
import { DECLINE_MESSAGE, parseInvitationMessage } from './invitation-messages.js';
import { showInvitation } from './invitation-card.js';

const CLOSE_MESSAGE = 'kefu-widget:close';
const LABELS = {
  'zh-CN': { open: '在线客服', close: '关闭在线客服', frame: '在线客服对话窗口' },
  en: { open: 'Live chat', close: 'Close live chat', frame: 'Live chat window' },
} as const;

// Read now: currentScript is only set while this file first runs.
const currentScript = document.currentScript;

function findScript(): HTMLScriptElement | null {
  if (currentScript instanceof HTMLScriptElement) return currentScript;
  // `async` scripts may run after currentScript is gone: find ourselves by name.
  const scripts = Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]'));
  return scripts.reverse().find((script) => /\/widget\.js(?:[?#]|$)/.test(script.src)) ?? null;
}

function install(): void {
  if (document.getElementById('kefu-widget-launcher')) return;
  const script = findScript();
  if (!script) {
    console.warn('[kefu widget] cannot find its own <script> tag');
    return;
  }
  const origin = new URL(script.src, document.baseURI).origin;
  const params: WidgetParams = {
    // data-lang is ours to validate; the host page's own lang only hints, silently.
    lang: script.dataset.lang ? parseLang(script.dataset.lang) : parseLang(document.documentElement.lang, () => undefined),
  };
  const groupId = validId('data-group', script.dataset.group);
  const agentId = validId('data-agent', script.dataset.agent);
  if (groupId) params.groupId = groupId;
  if (agentId) params.agentId = agentId;
  const labels = LABELS[params.lang];

  const button = document.createElement('button');
  button.id = 'kefu-widget-launcher';
  button.type = 'button';
  button.textContent = labels.open;
  button.setAttribute('aria-label', labels.open);
  button.setAttribute('aria-expanded', 'false');
  Object.assign(button.style, {
    position: 'fixed',
    right: '20px',
    bottom: '20px',
    zIndex: '2147483000',
    padding: '12px 18px',
    border: 'none',
    borderRadius: '24px',
    background: '#1664e3',
    color: '#fff',
    font: '15px/1.2 system-ui, sans-serif',
    boxShadow: '0 4px 14px rgba(0,0,0,.25)',
    cursor: 'pointer',
  });

  let frame: HTMLIFrameElement | null = null;
  // 访客端设置: corner and colours, from the public config (no cookies, nothing secret); until it
  // answers (or if it cannot), the launcher stays as styled above.
  let look: LauncherLook | null = null;
  const wear = (next: LauncherLook | null) => {
    if (!next) return;
    look = next;
    applyLook(next, button, frame);
  };
  void fetch(`${origin}/api/widget/config`, { credentials: 'omit' })
    .then((response) => (response.ok ? response.json() : null))
    .then((config: unknown) => wear(parseLook(config)))
    .catch(() => undefined);
  const setOpen = (open: boolean, invitationId?: string): void => {
    // 接受 on an invitation card: the chat window (re)opens on it and accepts it (params.ts, app.ts).
    if (invitationId && frame) frame.src = `${origin}/widget?${widgetQuery({ ...params, invitationId })}`;
    if (open && !frame) {
      frame = document.createElement('iframe');
      frame.src = `${origin}/widget?${widgetQuery(invitationId ? { ...params, invitationId } : params)}`;
      frame.title = labels.frame;
      frame.setAttribute('allow', 'clipboard-write');
      Object.assign(frame.style, {
        position: 'fixed',
        right: '20px',
        bottom: '80px',
        zIndex: '2147483000',
        width: 'min(380px, calc(100vw - 40px))',
        height: 'min(600px, calc(100vh - 100px))',
        border: '1px solid #d9d9d9',
        borderRadius: '12px',
        boxShadow: '0 8px 30px rgba(0,0,0,.25)',
        background: '#fff',
      });
      document.body.appendChild(frame);
      if (look) applyLook(look, button, frame);
    }
    if (frame) frame.style.display = open ? 'block' : 'none';
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? '×' : labels.open;
    button.setAttribute('aria-label', open ? labels.close : labels.open);
  };
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  window.addEventListener('message', (event: MessageEvent) => {
    // Only our own page inside our own iframe may close it.
    if (event.origin !== origin || !frame || event.source !== frame.contentWindow) return;
    const data: unknown = event.data;
    const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
    if (type === CLOSE_MESSAGE) setOpen(false);
    // The chat window heard of new settings: the launcher follows live.
    if (type === LOOK_MESSAGE) wear(parseLook((data as { look?: unknown }).look));
  });
  document.body.appendChild(button);
  const trail = installTrailFrame(origin, widgetQuery(params));
  // 主动邀请: only our trail frame, from our origin, may put an invitation card on the page.
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== origin || event.source !== trail.contentWindow) return;
    const invitation = parseInvitationMessage(event.data);
    if (!invitation) return;
    showInvitation(invitation, params.lang, {
      accept: (id) => setOpen(true, id),
      decline: (id) => trail.contentWindow?.postMessage({ type: DECLINE_MESSAGE, id }, origin),
    });
  });
}

if (document.body) install();
else document.addEventListener('DOMContentLoaded', install, { once: true });
