/**
 * The contract over the browser shell's local WebSocket: only our page may connect (random token
 * in the URL AND an Origin of this very server); every frame is validated; every answer is a
 * Result frame; events go to every connected page.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIMITS } from '../../../shared/limits.js';
import { fail } from '../../../shared/errors.js';
import { SHELL_IPC_PATH, ShellRequestFrameSchema, type ShellResponseFrame } from '../../../shared/ipc/wire.js';
import { validationDetails, type Dispatch } from '../ipc/dispatcher.js';
import type { Workstation } from '../workstation.js';

export interface IpcSocketOptions {
  token: string;
  allowedOrigins: () => string[];
  dispatch: Dispatch;
  workstation: Pick<Workstation, 'onAny' | 'log'>;
}

const sameSecret = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export function createIpcSocket(options: IpcSocketOptions) {
  // Files travel base64 in one frame, so the limit follows the file limit.
  const wss = new WebSocketServer({ noServer: true, maxPayload: Math.ceil((LIMITS.fileBytesMax * 4) / 3) + 64 * 1024 });
  /** Each page with the event channels it asked for (`?events=a,b`; empty: none), or null for all. */
  const pages = new Map<WebSocket, ReadonlySet<string> | null>();
  const send = (ws: WebSocket, frame: ShellResponseFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const unsubscribe = options.workstation.onAny((channel, payload) => {
    // Serialised once for every page: a catch-up summary can be hundreds of kilobytes.
    let text: string | null = null;
    for (const [ws, only] of pages) {
      if (ws.readyState !== ws.OPEN || (only && !only.has(channel))) continue;
      text ??= JSON.stringify({ kind: 'event', channel, payload } satisfies ShellResponseFrame);
      ws.send(text);
    }
  });

  function refuse(socket: Duplex, status: number, reason: string) {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  function onFrame(ws: WebSocket, data: string) {
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      send(ws, { kind: 'result', id: -1, result: fail('VALIDATION_FAILED', 'frame is not JSON') });
      return;
    }
    const parsed = ShellRequestFrameSchema.safeParse(raw);
    if (!parsed.success) {
      const id = typeof (raw as { id?: unknown } | null)?.id === 'number' ? (raw as { id: number }).id : -1;
      send(ws, { kind: 'result', id, result: fail('VALIDATION_FAILED', 'invalid frame', validationDetails(parsed.error)) });
      return;
    }
    const frame = parsed.data;
    // JSON has no undefined: the page sends null for a call without a request.
    const request = frame.request === null ? undefined : frame.request;
    void options.dispatch(frame.channel, request).then((result) => send(ws, { kind: 'result', id: frame.id, result }));
  }

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== SHELL_IPC_PATH) return refuse(socket, 404, 'Not Found');
      const origin = req.headers.origin ?? '';
      if (!options.allowedOrigins().includes(origin)) return refuse(socket, 403, 'Forbidden');
      if (!sameSecret(url.searchParams.get('token') ?? '', options.token)) return refuse(socket, 401, 'Unauthorized');
      // A client that only calls (a test, a probe) can ask for fewer events, or none, so a catch-up's
      // summaries are not pushed to it and its answers do not queue behind them.
      const events = url.searchParams.get('events');
      wss.handleUpgrade(req, socket, head, (ws) => {
        pages.set(ws, events === null ? null : new Set(events.split(',').filter(Boolean)));
        ws.on('message', (data, isBinary) => {
          if (isBinary) send(ws, { kind: 'result', id: -1, result: fail('VALIDATION_FAILED', 'binary frames are not accepted') });
          else onFrame(ws, String(data));
        });
        ws.on('close', () => pages.delete(ws));
        ws.on('error', (error) => options.workstation.log('shell socket error', error.message));
      });
    },
    close() {
      unsubscribe();
      for (const ws of pages.keys()) ws.terminate();
      wss.close();
    },
  };
}
