/**
 * window.kefu over the browser shell's local WebSocket (shared/ipc/wire.ts). Reconnects when the
 * socket drops; an invoke made while disconnected waits for the socket a while, then answers
 * NETWORK. Calls in flight when the socket drops answer NETWORK too (the services may or may not
 * have run them; every call is safe to repeat, sends are idempotent through the outbox).
 */
import type { AppError, Result } from '../../shared/errors.js';
import type { EventChannel, KefuApi } from '../../shared/ipc/contract.js';
import { SHELL_IPC_PATH, type ShellRequestFrame, type ShellResponseFrame } from '../../shared/ipc/wire.js';

export interface ShellTransportOptions {
  url: string;
  /** How long an invoke waits for a connection before answering NETWORK. */
  connectWaitMs?: number;
  reconnectMaxMs?: number;
  /** The socket dropped or could not open ('lost', once) and came back ('restored'): events were missed meanwhile. */
  onChange?(change: 'lost' | 'restored'): void;
}

type Listener = (payload: unknown) => void;

const networkError = (message: string): { ok: false; error: AppError } => ({ ok: false, error: { code: 'NETWORK', message } });

export function shellSocketUrl(location: Location, token: string): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}${SHELL_IPC_PATH}?token=${encodeURIComponent(token)}`;
}

export function createShellKefu(options: ShellTransportOptions): KefuApi {
  const connectWaitMs = options.connectWaitMs ?? 10_000;
  const reconnectMaxMs = options.reconnectMaxMs ?? 5_000;
  const listeners = new Map<string, Set<Listener>>();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const waiting = new Set<() => void>();
  let socket: WebSocket | null = null;
  let open = false;
  let nextId = 1;
  let attempt = 0;
  /** The socket dropped (or never opened) and has not come back yet. */
  let lost = false;

  function connect() {
    const ws = new WebSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      open = true;
      attempt = 0;
      for (const wake of waiting) wake();
      waiting.clear();
      if (lost) {
        lost = false;
        options.onChange?.('restored');
      }
    };
    ws.onmessage = (message) => onFrame(String(message.data));
    ws.onclose = () => {
      if (socket !== ws) return;
      open = false;
      socket = null;
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve(networkError('the connection to the workstation services dropped'));
      }
      // Also when it never opened (the page loaded while the services were down): once it does, load afresh.
      if (!lost) {
        lost = true;
        options.onChange?.('lost');
      }
      const delay = Math.min(reconnectMaxMs, 200 * 2 ** attempt++) * (0.5 + Math.random() / 2);
      window.setTimeout(connect, delay);
    };
  }

  function onFrame(text: string) {
    let frame: ShellResponseFrame;
    try {
      frame = JSON.parse(text) as ShellResponseFrame;
    } catch {
      return;
    }
    if (frame.kind === 'result') {
      const resolve = pending.get(frame.id);
      pending.delete(frame.id);
      resolve?.(frame.result);
    } else if (frame.kind === 'event') {
      for (const listener of listeners.get(frame.channel) ?? []) {
        try {
          listener(frame.payload);
        } catch (error) {
          console.error(`listener of ${frame.channel} failed`, error);
        }
      }
    }
  }

  function whenOpen(): Promise<boolean> {
    if (open) return Promise.resolve(true);
    return new Promise((resolve) => {
      const wake = () => {
        window.clearTimeout(timer);
        resolve(true);
      };
      const timer = window.setTimeout(() => {
        waiting.delete(wake);
        resolve(false);
      }, connectWaitMs);
      waiting.add(wake);
    });
  }

  connect();

  return {
    async invoke(channel, request) {
      if (!(await whenOpen()) || !socket) return networkError('the workstation services are not reachable');
      const id = nextId++;
      const frame: ShellRequestFrame = { kind: 'invoke', id, channel, request: request ?? null };
      const ws = socket;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void);
        ws.send(JSON.stringify(frame));
      });
    },
    on(channel: EventChannel, listener) {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      const wrapped = listener as Listener;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  } as KefuApi;
}
