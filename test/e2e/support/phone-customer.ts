/**
 * The customer's phone for the phone specs: a plain sip.js page (phone-customer-page.ts) in
 * Chromium with fake media. sip.js 0.21's lib/ is plain ESM with relative imports only, so it is
 * served as-is from node_modules by a tiny HTTP server on 127.0.0.1.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Browser, type Page } from '@playwright/test';
import { CUSTOMER_PAGE } from './phone-customer-page.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SIP_LIB = join(ROOT, 'node_modules/sip.js/lib');

export interface PeerStats {
  connectionState: string;
  packetsReceived: number;
  packetsSent: number;
  directions: (string | null)[];
  /** The user part of who the customer's current call is with (null on the desk side). */
  peer?: string | null;
}

export interface CustomerPageServer {
  url: string;
  close(): Promise<void>;
}

export function serveCustomerPage(): Promise<CustomerPageServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/' || path === '/phone.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(CUSTOMER_PAGE);
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
  constructor(
    readonly page: Page,
    readonly user: string,
  ) {}

  static async open(browser: Browser, pageUrl: string, account: { wsUrl: string; user: string; password: string }): Promise<CustomerPhone> {
    const context = await browser.newContext({ permissions: ['microphone'] });
    const page = await context.newPage();
    await page.goto(pageUrl);
    await page.waitForFunction(() => (window as unknown as { customerReady?: boolean }).customerReady === true);
    await page.evaluate(
      ([wsUrl, user, password]) => (window as unknown as { customer: { start(...a: string[]): Promise<void> } }).customer.start(wsUrl!, user!, password!),
      [account.wsUrl, account.user, account.password],
    );
    return new CustomerPhone(page, account.user);
  }

  private run<T>(method: string, arg?: string | number | boolean): Promise<T> {
    return this.page.evaluate(([name, value]) => (window as unknown as { customer: Record<string, (v?: unknown) => T> }).customer[name as string]!(value), [
      method,
      arg,
    ] as const) as Promise<T>;
  }

  call(number: string): Promise<void> {
    return this.run('call', `sip:${number}@127.0.0.1`);
  }
  ringing(): Promise<boolean> {
    return this.run('ringing');
  }
  async answerWhenRinging(): Promise<void> {
    await expect.poll(() => this.ringing(), { message: `the phone of ${this.user} rings` }).toBe(true);
    await this.run('answer');
  }
  async rejectWhenRinging(statusCode: number): Promise<void> {
    await expect.poll(() => this.ringing(), { message: `the phone of ${this.user} rings` }).toBe(true);
    await this.run('reject', statusCode);
  }
  /** Ends the current call: BYE when talking, CANCEL while it rings at the far side. */
  hangup(): Promise<void> {
    return this.run('hangup');
  }
  /** Re-register after the SIP server restarted. */
  reconnect(): Promise<void> {
    return this.run('reconnect');
  }
  /** Leave telephone-event out of this phone's SDP from now on (the far side must use SIP INFO). */
  setNoRtpDtmf(value: boolean): Promise<void> {
    return this.run('setNoRtpDtmf', value);
  }
  setMicEnabled(enabled: boolean): Promise<void> {
    return this.run('setMicEnabled', enabled);
  }
  /** sip.js SessionState of the current call, or 'none' before any. */
  sessionState(): Promise<string> {
    return this.run('sessionState');
  }
  openCalls(): Promise<number> {
    return this.run('openCalls');
  }
  /** The user part of the party the current call is with. */
  peer(): Promise<string | null> {
    return this.run('peer');
  }
  /** DTMF digits received as SIP INFO, in order. */
  dtmf(): Promise<string> {
    return this.run('dtmf');
  }
  /** Final status codes of the calls this phone placed that were refused (e.g. 486). */
  rejections(): Promise<number[]> {
    return this.run('rejections');
  }
  stats(): Promise<PeerStats> {
    return this.run('stats');
  }
  /** Peak level of the received audio over `windowMs` (0 = silence). */
  receivedLevel(windowMs = 600): Promise<number> {
    return this.run('receivedLevel', windowMs);
  }
  async close(): Promise<void> {
    await this.run('stop').catch(() => undefined);
    await this.page.context().close();
  }
}
