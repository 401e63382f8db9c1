/**
 * The wallboard bench's population and churn (wallboard.ts): logged-in agents on realtime sockets,
 * browsing visitors on browse sockets (`browse.hello` with a page view of theirs), the observers —
 * supervisors on `monitor.hello`, staff watching 访客监控 (`site-visitors.watch`) — and the steady
 * changes they all watch: status changes, conversations starting and ending, visitors arriving,
 * navigating and leaving. Every socket counts the frames and bytes it is pushed.
 */
import WebSocket from 'ws';
import { REALTIME_PATH, type ClientFrame } from '../../shared/protocol/realtime.js';
import { clearFirstLogin } from './first-login.js';
import { SEED_ADMIN } from './kefu-setup.js';
import { callRoute, mapLimit } from './rest-client.js';

const PASSWORD = 'bench-pass-123';
const SETUP_CONCURRENCY = 16;
const HELLO_TIMEOUT_MS = 15_000;

/** Frames and bytes pushed to one kind of socket. */
export class Tally {
  frames = 0;
  bytes = 0;
  reset(): void {
    this.frames = 0;
    this.bytes = 0;
  }
}

/**
 * A socket that counts what it is pushed; `ready` resolves on the frame that ends its hello — or,
 * for a browse socket (whose hello is answered by nothing unless refused), once the hello is sent.
 */
export class CountingSocket {
  private readonly socket: WebSocket;
  readonly ready: Promise<void>;

  constructor(baseUrl: string, hello: ClientFrame, readyType: string | null, tally: Tally, after?: ClientFrame) {
    this.socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + REALTIME_PATH, { perMessageDeflate: false });
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${hello.type}: no ${readyType} within ${HELLO_TIMEOUT_MS} ms`)), HELLO_TIMEOUT_MS);
      this.socket.on('message', (data: Buffer) => {
        tally.frames++;
        tally.bytes += data.length;
        // Only the first frames are parsed: the count is what is measured, not the content.
        if (timer.hasRef()) {
          const frame = JSON.parse(data.toString()) as { type: string; error?: { code: string; message: string } };
          if (frame.type === 'error') reject(new Error(`${hello.type} refused: ${frame.error?.code} ${frame.error?.message}`));
          if (frame.type === readyType) {
            clearTimeout(timer);
            timer.unref();
            if (after) this.send(after);
            resolve();
          }
        }
      });
      this.socket.once('open', () => {
        this.send(hello);
        if (readyType === null) {
          clearTimeout(timer);
          resolve();
        }
      });
      this.socket.once('error', (error) => reject(error));
    });
    this.ready.catch(() => undefined);
  }

  send(frame: ClientFrame): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  close(): void {
    this.socket.close();
  }
}

export interface Tallies {
  agents: Tally;
  supervisors: Tally;
  watchers: Tally;
  browsers: Tally;
}

export const newTallies = (): Tallies => ({ agents: new Tally(), supervisors: new Tally(), watchers: new Tally(), browsers: new Tally() });

export interface Floor {
  url: string;
  agents: { id: string; token: string; socket: CountingSocket }[];
  browsers: Browser[];
  /** false when the server answers browse.hello with an error (its half not there yet). */
  browsing: boolean;
}

interface Browser {
  token: string;
  pageViewId: string;
  socket: CountingSocket;
}

export async function logInAgents(url: string, count: number, tally: Tally): Promise<Floor['agents']> {
  const admin = await callRoute(url, 'login', { body: SEED_ADMIN });
  const accounts = Array.from({ length: count }, (_, i) => `wall${String(i + 1).padStart(3, '0')}`);
  return mapLimit(accounts, SETUP_CONCURRENCY, async (account, i) => {
    await callRoute(url, 'createAgent', {
      token: admin.token,
      body: { account, password: PASSWORD, nickname: `监控压测${i + 1}`, role: 'agent', maxConcurrent: 5, groupId: null },
    });
    const login = await callRoute(url, 'login', { body: { account, password: PASSWORD } });
    if (login.mustChangePassword) await clearFirstLogin(url, login.token, PASSWORD);
    const socket = new CountingSocket(url, { type: 'hello', token: login.token, lastSeq: 0 }, 'replay.done', tally);
    await socket.ready;
    await callRoute(url, 'setStatus', { token: login.token, body: { status: 'online' } });
    return { id: login.agent.id, token: login.token, socket };
  });
}

let pageCounter = 0;
const page = () => ({ url: `https://shop.example.com/p/${++pageCounter}`, title: `商品 ${pageCounter}`, referrer: '' });

/** A visitor arrives on the site: a session, a page view, and the page's browse socket. */
export async function arrive(url: string, tally: Tally): Promise<Browser> {
  const session = await callRoute(url, 'visitorSession', { body: {} });
  const view = await callRoute(url, 'reportPageView', { token: session.token, body: page() });
  const socket = new CountingSocket(url, { type: 'browse.hello', token: session.token, pageViewId: view.id }, null, tally);
  await socket.ready;
  return { token: session.token, pageViewId: view.id, socket };
}

/** The visitor opens another page: the old page is left and its socket closed, the new one says hello. */
export async function navigate(url: string, browser: Browser, tally: Tally): Promise<Browser> {
  await callRoute(url, 'leavePageView', { token: browser.token, params: { id: browser.pageViewId } });
  browser.socket.close();
  const view = await callRoute(url, 'reportPageView', { token: browser.token, body: page() });
  const socket = new CountingSocket(url, { type: 'browse.hello', token: browser.token, pageViewId: view.id }, null, tally);
  await socket.ready;
  return { token: browser.token, pageViewId: view.id, socket };
}

export async function leave(url: string, browser: Browser): Promise<void> {
  await callRoute(url, 'leavePageView', { token: browser.token, params: { id: browser.pageViewId } });
  browser.socket.close();
}

/** Whether the server takes browse sockets yet (the 访客监控 half): one visitor's hello is not refused within a second. */
export async function browsingWorks(url: string): Promise<boolean> {
  try {
    const tally = new Tally();
    const probe = await arrive(url, tally);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await leave(url, probe);
    // A refusal is an error frame (and a close): anything pushed to a fresh browse socket here is one.
    return tally.frames === 0;
  } catch {
    return false;
  }
}

export async function arriveMany(url: string, count: number, tally: Tally): Promise<Browser[]> {
  return mapLimit(
    Array.from({ length: count }, (_, i) => i),
    SETUP_CONCURRENCY,
    () => arrive(url, tally),
  );
}

export interface ObserverOptions {
  supervisors: number;
  watchers: number;
  browsing: boolean;
}

/** The supervisors' monitor sockets and the staff sockets watching 访客监控 (admins: they see every group). */
export async function openObservers(url: string, options: ObserverOptions, tallies: Tallies): Promise<CountingSocket[]> {
  const sockets: CountingSocket[] = [];
  for (let i = 0; i < options.supervisors; i++) {
    const admin = await callRoute(url, 'login', { body: SEED_ADMIN });
    sockets.push(new CountingSocket(url, { type: 'monitor.hello', token: admin.token }, 'wallboard', tallies.supervisors));
  }
  for (let i = 0; options.browsing && i < options.watchers; i++) {
    const admin = await callRoute(url, 'login', { body: SEED_ADMIN });
    sockets.push(
      // 访客监控 is watched from a working socket (a plain hello), as the workstation does.
      new CountingSocket(url, { type: 'hello', token: admin.token, lastSeq: 0 }, 'replay.done', tallies.watchers, {
        type: 'site-visitors.watch',
        watch: true,
      }),
    );
  }
  await Promise.all(sockets.map((s) => s.ready));
  return sockets;
}

export interface ChurnRates {
  /** Agent status changes per second. */
  statusPerSecond: number;
  /** Conversations started per second (each ends a few seconds later). */
  conversationsPerSecond: number;
  /** Visitors arriving per second; as many leave. */
  arrivalsPerSecond: number;
  /** Page changes per second. */
  navigationsPerSecond: number;
}

const CONVERSATION_SECONDS = 3;
const STATUSES = ['online', 'busy', 'online', 'away'] as const;

/**
 * Runs the churn for `seconds`: each kind of change at its rate (open loop, on timers), spread over
 * random agents and visitors. Resolves once every change it started has finished. Errors are counted, not thrown.
 */
export async function churn(floor: Floor, rates: ChurnRates, seconds: number, tallies: Tallies): Promise<{ changes: number; errors: string[] }> {
  const inFlight = new Set<Promise<void>>();
  const errors: string[] = [];
  let changes = 0;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
  const start = (work: () => Promise<void>) => {
    changes++;
    const running = work()
      .catch((error: unknown) => void errors.push(error instanceof Error ? error.message : String(error)))
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };
  const every = (perSecond: number, work: () => Promise<void>) =>
    perSecond > 0 ? setInterval(() => start(work), 1000 / perSecond) : setTimeout(() => undefined, 0);
  const timers = [
    every(rates.statusPerSecond, async () => {
      const agent = pick(floor.agents);
      await callRoute(floor.url, 'setStatus', { token: agent.token, body: { status: pick(STATUSES) } });
    }),
    every(rates.conversationsPerSecond, async () => {
      const session = await callRoute(floor.url, 'visitorSession', { body: {} });
      await callRoute(floor.url, 'visitorStart', { token: session.token });
      await new Promise((resolve) => setTimeout(resolve, CONVERSATION_SECONDS * 1000));
      await callRoute(floor.url, 'visitorEnd', { token: session.token });
    }),
  ];
  if (floor.browsing) {
    timers.push(
      every(rates.arrivalsPerSecond, async () => {
        floor.browsers.push(await arrive(floor.url, tallies.browsers));
      }),
      every(rates.arrivalsPerSecond, async () => {
        const index = Math.floor(Math.random() * floor.browsers.length);
        const [gone] = floor.browsers.splice(index, 1);
        if (gone) await leave(floor.url, gone);
      }),
      every(rates.navigationsPerSecond, async () => {
        const index = Math.floor(Math.random() * floor.browsers.length);
        const browser = floor.browsers[index];
        if (!browser) return;
        floor.browsers[index] = await navigate(floor.url, browser, tallies.browsers);
      }),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  for (const timer of timers) clearInterval(timer);
  await Promise.all([...inFlight]);
  return { changes, errors };
}
