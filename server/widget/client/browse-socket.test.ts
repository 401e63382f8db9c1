/**
 * The browse socket on the shared widget socket pieces: hello on open, invitations passed on,
 * a reconnect with backoff after a drop, and none after a refusal or pagehide.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleInvitation } from '../../../shared/testing/sample-site-visitor.js';
import { BrowseSocket } from './browse-socket.js';
import { FakeSocket } from './fake-socket.js';

const invitation = sampleInvitation({ text: '需要帮忙吗？' });

function browseSocket() {
  const sockets: FakeSocket[] = [];
  const onInvitation = vi.fn();
  const browse = new BrowseSocket({
    token: 'tok',
    pageViewId: 'pv-1',
    onInvitation,
    url: 'ws://test/realtime',
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
  });
  browse.start();
  return { browse, sockets, onInvitation };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('BrowseSocket', () => {
  it('says hello with the page view, passes invitations on and pings while open', () => {
    const { sockets, onInvitation } = browseSocket();
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([{ type: 'browse.hello', token: 'tok', pageViewId: 'pv-1' }]);
    sockets[0]!.dispatchEvent(new MessageEvent('message', { data: 'not json' }));
    sockets[0]!.receive({ type: 'invitation', invitation });
    expect(onInvitation).toHaveBeenCalledExactlyOnceWith(invitation);
    vi.advanceTimersByTime(25_000);
    expect(sockets[0]!.sent.at(-1)).toEqual({ type: 'ping' });
  });

  it('reconnects after a drop, and not after a refusal', () => {
    const { sockets } = browseSocket();
    sockets[0]!.open();
    sockets[0]!.close();
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(15_000);
    expect(sockets).toHaveLength(2);

    sockets[1]!.open();
    sockets[1]!.receive({ type: 'error', error: { code: 'BLOCKED', message: '黑名单' } });
    expect(sockets[1]!.closed).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(2);
  });

  it('stops for good on pagehide, even with a reconnect waiting', () => {
    const { browse, sockets } = browseSocket();
    sockets[0]!.close();
    browse.stop();
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });
});
