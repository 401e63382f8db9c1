/**
 * The customer's phone for the phone spec: a plain sip.js page (Web.SimpleUser, sip.js's own
 * WebRTC handler) in Chromium with fake media. sip.js 0.21's lib/ is plain ESM with relative
 * imports only, so it is served as-is from node_modules by a tiny HTTP server on 127.0.0.1.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Browser, type Page } from '@playwright/test';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SIP_LIB = join(ROOT, 'node_modules/sip.js/lib');

// The page keeps one SimpleUser; the test drives it through window.customer.
const PAGE = `<!doctype html><meta charset="utf-8"><title>customer phone</title>
<audio id="remote" autoplay></audio>
<script type="module">
import { Web } from '/sip/index.js';
let user = null;
let ringing = false;
const peer = () => user?.session?.sessionDescriptionHandler?.peerConnection ?? null;
window.customer = {
  async start(wsUrl, aor, authUser, password) {
    user = new Web.SimpleUser(wsUrl, {
      aor,
      media: { constraints: { audio: true, video: false }, remote: { audio: document.getElementById('remote') } },
      userAgentOptions: {
        authorizationUsername: authUser,
        authorizationPassword: password,
        logLevel: 'error',
        sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers: [] } },
      },
      delegate: { onCallReceived: () => { ringing = true; }, onCallHangup: () => { ringing = false; } },
    });
    await user.connect();
    await user.register();
  },
  ringing: () => ringing,
  call: (target) => user.call(target),
  async answer() { ringing = false; await user.answer(); },
  hangup: () => user.hangup(),
  sessionState: () => user?.session?.state ?? 'none',
  async stats() {
    const pc = peer();
    if (!pc) return { connectionState: 'none', packetsReceived: 0, packetsSent: 0, directions: [] };
    const result = { connectionState: pc.connectionState, packetsReceived: 0, packetsSent: 0, directions: pc.getTransceivers().map((t) => t.currentDirection) };
    (await pc.getStats()).forEach((e) => {
      if (e.type === 'inbound-rtp' && e.kind === 'audio') result.packetsReceived += e.packetsReceived ?? 0;
      if (e.type === 'outbound-rtp' && e.kind === 'audio') result.packetsSent += e.packetsSent ?? 0;
    });
    return result;
  },
  async stop() { if (user) { await user.unregister().catch(() => {}); await user.disconnect().catch(() => {}); } },
};
window.customerReady = true;
</script>`;

export interface PeerStats {
  connectionState: string;
  packetsReceived: number;
  packetsSent: number;
  directions: (string | null)[];
}

export interface CustomerPageServer {
  url: string;
  close(): Promise<void>;
}

export function serveCustomerPage(): Promise<CustomerPageServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/' || path === '/phone.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    }
    if (path.startsWith('/sip/')) {
      const file = normalize(join(SIP_LIB, path.slice('/sip/'.length)));
      if (file.startsWith(SIP_LIB) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
        createReadStream(file).pipe(res);
        return;
      }
    }
    res.writeHead(404).end();
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({ url: `http://127.0.0.1:${port}/phone.html`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/** A registered customer phone in its own browser context. */
export class CustomerPhone {
  constructor(readonly page: Page) {}

  static async open(browser: Browser, pageUrl: string, account: { wsUrl: string; user: string; password: string }): Promise<CustomerPhone> {
    const context = await browser.newContext({ permissions: ['microphone'] });
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.waitForFunction(() => (window as unknown as { customerReady?: boolean }).customerReady === true);
    await page.evaluate(
      ([wsUrl, aor, user, password]) => (window as unknown as { customer: { start(...a: string[]): Promise<void> } }).customer.start(wsUrl!, aor!, user!, password!),
      [account.wsUrl, `sip:${account.user}@127.0.0.1`, account.user, account.password],
    );
    return new CustomerPhone(page);
  }

  private run<T>(method: string, arg?: string): Promise<T> {
    return this.page.evaluate(
      ([name, value]) => (window as unknown as { customer: Record<string, (v?: string) => T> }).customer[name!]!(value),
      [method, arg] as const,
    ) as Promise<T>;
  }

  call(number: string): Promise<void> {
    return this.run('call', `sip:${number}@127.0.0.1`);
  }
  async answerWhenRinging(): Promise<void> {
    await expect.poll(() => this.run<boolean>('ringing'), { message: 'the customer phone rings' }).toBe(true);
    await this.run('answer');
  }
  hangup(): Promise<void> {
    return this.run('hangup');
  }
  /** sip.js SessionState, or 'none' once SimpleUser has dropped the ended session. */
  sessionState(): Promise<string> {
    return this.run('sessionState');
  }
  stats(): Promise<PeerStats> {
    return this.run('stats');
  }
  async close(): Promise<void> {
    await this.run('stop').catch(() => undefined);
    await this.page.context().close();
  }
}
