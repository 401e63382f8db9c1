/**
 * Helpers for tests and benchmarks that drive a real server: temp data dir, a clock the test
 * moves, typed-enough HTTP calls, and a realtime client that records every frame.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { REALTIME_PATH, type ClientFrame, type ServerFrame } from '../../shared/index.js';
import { createServer, type RunningServer, type ServerOptions } from '../app.js';
import type { GraceTimer, GraceTimers } from '../realtime/grace-timers.js';
import { dropTestDatabase, testDatabaseUrl } from './test-store.js';

export class TestClock {
  constructor(public now = Date.UTC(2026, 10, 25, 9, 0, 0)) {}
  readonly fn = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

/** Grace timers a test fires by hand (presence.ts's grace period): nothing runs by itself. */
export class ManualGraceTimers implements GraceTimers {
  private readonly started = new Set<{ ms: number; fire: () => void }>();
  start(ms: number, fire: () => void): GraceTimer {
    const entry = { ms, fire };
    this.started.add(entry);
    return { cancel: () => void this.started.delete(entry) };
  }
  /** Timers started and neither fired nor cancelled. */
  get pending(): number {
    return this.started.size;
  }
  /** Fires every pending timer, as if its time had come. */
  fireAll(): void {
    const due = [...this.started];
    this.started.clear();
    for (const entry of due) entry.fire();
  }
}

export interface TestServer extends RunningServer {
  dataDir: string;
  /** The PostgreSQL database when the suite runs on PostgreSQL (server/testing/test-store.ts). */
  databaseUrl: string | undefined;
  clock: TestClock;
  /** Closes the server and deletes its data dir. */
  dispose(): Promise<void>;
}

export async function startTestServer(opts: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kefu-server-test-'));
  const clock = new TestClock();
  const databaseUrl = opts.databaseUrl ?? (await testDatabaseUrl(dataDir));
  // Timers that follow the clock run when a test says so (runAutoClose, sweepSessions), never by themselves.
  const server = await createServer({
    clock: clock.fn,
    autoCloseIntervalMs: 3_600_000,
    sessionSweepIntervalMs: 3_600_000,
    reportCatchUpIntervalMs: 3_600_000,
    ...opts,
    dataDir,
    databaseUrl,
  });
  return {
    ...server,
    dataDir,
    databaseUrl,
    clock,
    dispose: async () => {
      await server.close();
      if (!opts.dataDir) {
        rmSync(dataDir, { recursive: true, force: true });
        await dropTestDatabase(dataDir);
      }
    },
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface CallOptions {
  token?: string;
  /** Sent as JSON unless `raw` is given. */
  body?: unknown;
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export async function call<T = unknown>(baseUrl: string, method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | Buffer | undefined;
  if (opts.raw !== undefined) {
    body = opts.raw;
    if (opts.contentType) headers['content-type'] = opts.contentType;
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = opts.contentType ?? 'application/json';
  }
  const res = await fetch(baseUrl + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/**
 * A login ready for work. An account created or reset in the console must choose its own password
 * first (下次登录须修改密码, server/domain/own-password.ts; tested in http/password-change.test.ts):
 * here it changes it and back, so the test's password keeps working and this token is not refused.
 */
export async function loginAs(baseUrl: string, account: string, password: string): Promise<{ token: string; agentId: string }> {
  const res = await call<{ token: string; agent: { id: string }; mustChangePassword?: boolean }>(baseUrl, 'POST', '/api/auth/login', {
    body: { account, password },
  });
  if (res.status !== 200) throw new Error(`login ${account} failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (res.body.mustChangePassword) {
    const interim = `${password}#first-login`;
    for (const [currentPassword, newPassword] of [
      [password, interim],
      [interim, password],
    ]) {
      const changed = await call(baseUrl, 'PUT', '/api/me/password', { token: res.body.token, body: { currentPassword, newPassword } });
      if (changed.status !== 200) throw new Error(`first-login password change of ${account} failed: ${changed.status} ${JSON.stringify(changed.body)}`);
    }
  }
  return { token: res.body.token, agentId: res.body.agent.id };
}

export async function newVisitor(baseUrl: string, body: Record<string, unknown> = {}): Promise<{ token: string; visitorId: string }> {
  const res = await call<{ token: string; visitor: { id: string } }>(baseUrl, 'POST', '/api/visitor/session', { body });
  if (res.status !== 200) throw new Error(`visitor session failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token, visitorId: res.body.visitor.id };
}

/** A realtime connection that keeps every server frame in order. */
export class RealtimeClient {
  readonly frames: ServerFrame[] = [];
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as ServerFrame);
      this.wake();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  static async open(baseUrl: string): Promise<RealtimeClient> {
    const socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + REALTIME_PATH);
    const client = new RealtimeClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  /** Opens, says hello and waits for replay.done. */
  static async connect(baseUrl: string, token: string, lastSeq = 0): Promise<RealtimeClient> {
    const client = await RealtimeClient.open(baseUrl);
    client.send({ type: 'hello', token, lastSeq });
    await client.waitFor((f) => f.type === 'replay.done');
    return client;
  }

  send(frame: ClientFrame | Record<string, unknown>): void {
    this.socket.send(JSON.stringify(frame));
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  /** Resolves with the first frame (at or after `from`) that matches. */
  async waitFor<F extends ServerFrame>(match: (f: ServerFrame) => boolean, timeoutMs = 20_000, from = 0): Promise<F> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found as F;
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) before the frame arrived`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for a frame; got ${JSON.stringify(this.frames.map((f) => f.type))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  events(): Extract<ServerFrame, { type: 'event' }>[] {
    return this.frames.filter((f): f is Extract<ServerFrame, { type: 'event' }> => f.type === 'event');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const done = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
    this.socket.close();
    await done;
  }
}
