/** Test helpers for 访客监控: a visitor's page view reported and its browse socket open, as the widget's trail frame does. */
import type { ServerFrame } from '../../shared/index.js';
import { call, RealtimeClient } from './harness.js';

export interface BrowsingPage {
  pageViewId: string;
  socket: RealtimeClient;
}

/** Reports the page view and opens its browse socket (accepted when no error frame follows). */
export async function browse(baseUrl: string, visitorToken: string, url: string, referrer = ''): Promise<BrowsingPage> {
  const view = await call<{ id: string }>(baseUrl, 'POST', '/api/visitor/page-views', { token: visitorToken, body: { url, title: url, referrer } });
  if (view.status !== 200) throw new Error(`page view failed ${view.status} ${JSON.stringify(view.body)}`);
  const socket = await RealtimeClient.open(baseUrl);
  socket.send({ type: 'browse.hello', token: visitorToken, pageViewId: view.body.id });
  return { pageViewId: view.body.id, socket };
}

/** A staff socket that watches 访客监控. */
export async function watchSiteVisitors(baseUrl: string, token: string): Promise<RealtimeClient> {
  const socket = await RealtimeClient.connect(baseUrl, token);
  socket.send({ type: 'site-visitors.watch', watch: true });
  // Frames of one socket are handled in order: the pong says the watch is on.
  const from = socket.frames.length;
  socket.send({ type: 'ping' });
  await socket.waitFor((f) => f.type === 'pong', 20_000, from);
  return socket;
}

export const visitorFrame =
  (visitorId: string, match: (v: Extract<ServerFrame, { type: 'site-visitor' }>['visitor']) => boolean = () => true) =>
  (f: ServerFrame): boolean =>
    f.type === 'site-visitor' && f.visitor.visitorId === visitorId && match(f.visitor);

export const leftFrame = (visitorId: string) => (f: ServerFrame) => f.type === 'site-visitor.left' && f.visitorId === visitorId;

export const invitationFrame =
  (id: string | null, state: string) =>
  (f: ServerFrame): boolean =>
    f.type === 'invitation' && (id === null || f.invitation.id === id) && f.invitation.state === state;
