/** A page-like client of the browser shell's IPC socket (wire frames), for tests. */
import WebSocket from 'ws';
import type { Result } from '../../../shared/errors.js';
import type { ShellResponseFrame } from '../../../shared/ipc/wire.js';

export interface ShellClient {
  invoke(channel: string, request: unknown): Promise<Result<unknown>>;
  /** Raw text frame (bad-input tests); resolves with the next result frame. */
  sendRaw(text: string): Promise<Extract<ShellResponseFrame, { kind: 'result' }>>;
  events: { channel: string; payload: unknown }[];
  /** Called with each event as it arrives (besides keeping it in `events`); returns the unsubscribe. */
  onEvent(listener: (channel: string, payload: unknown) => void): () => void;
  /** Called once when the socket closes (the shell stopped, or close()). */
  onClose(listener: () => void): void;
  close(): void;
}

/** Resolves with a client, or rejects with the HTTP status the shell refused the upgrade with. */
/** `events`: only these event channels (none for []); every one when omitted. */
export function connectShell(pageUrl: string, override: { token?: string; origin?: string; events?: string[] } = {}): Promise<ShellClient> {
  const page = new URL(pageUrl);
  const token = override.token ?? page.searchParams.get('token') ?? '';
  const only = override.events ? `&events=${encodeURIComponent(override.events.join(','))}` : '';
  const ws = new WebSocket(`ws://${page.host}/ipc?token=${encodeURIComponent(token)}${only}`, { headers: { origin: override.origin ?? page.origin } });
  const waiting = new Map<number, (frame: Extract<ShellResponseFrame, { kind: 'result' }>) => void>();
  const rawWaiting: ((frame: Extract<ShellResponseFrame, { kind: 'result' }>) => void)[] = [];
  const events: ShellClient['events'] = [];
  const listeners = new Set<(channel: string, payload: unknown) => void>();
  let nextId = 1;
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as ShellResponseFrame;
    if (frame.kind === 'event') {
      events.push({ channel: frame.channel, payload: frame.payload });
      for (const listener of listeners) listener(frame.channel, frame.payload);
    } else (waiting.get(frame.id) ?? rawWaiting.shift())?.(frame);
  });
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        events,
        invoke(channel, request) {
          const id = nextId++;
          return new Promise((done) => {
            waiting.set(id, (frame) => done(frame.result as Result<unknown>));
            ws.send(JSON.stringify({ kind: 'invoke', id, channel, request: request ?? null }));
          });
        },
        sendRaw(text) {
          return new Promise((done) => {
            rawWaiting.push(done);
            ws.send(text);
          });
        },
        onEvent(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        onClose: (listener) => ws.once('close', listener),
        close: () => ws.close(),
      }),
    );
  });
}
