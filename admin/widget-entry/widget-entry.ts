/**
 * What a company puts on its website to reach one skill group (or one agent, 指定客服): the chat
 * page's link and the embed script tag. Built from the console's own origin, which is the backend
 * that serves /widget and /widget.js; the widget validates the ids again when it reads them.
 */
export type WidgetTarget = { kind: 'group'; id: string } | { kind: 'agent'; id: string };

export interface WidgetEntry {
  /** The chat page itself (a link, a QR code, an app's web view). */
  link: string;
  /** The floating 在线客服 button for a web page. */
  embed: string;
}

/** Attribute values are ids from the server, but escaped anyway: this text is pasted into pages. */
const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function widgetEntry(origin: string, target: WidgetTarget): WidgetEntry {
  const base = new URL(origin).origin;
  const link = new URL('/widget', base);
  link.searchParams.set(target.kind, target.id);
  return {
    link: link.href,
    embed: `<script src="${attribute(`${base}/widget.js`)}" data-${target.kind}="${attribute(target.id)}" async></script>`,
  };
}
