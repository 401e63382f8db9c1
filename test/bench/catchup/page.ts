/**
 * The workstation page in Debian's Chromium (docs/PLATFORM-NOTES.md), and what the bench reads
 * from inside it. Times are taken in the page (Date.now() there, the same clock as here) so the
 * round trip of asking does not count.
 */
import { chromium, type Browser, type Page } from 'playwright';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

export async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  return context.newPage();
}

/**
 * Navigates and resolves when the workstation is usable: the logged-in header, `rows` rows of
 * cached conversations and, when `banner` is given, a connection banner matching it. Both in ms
 * from the navigation; `loaded` is DOMContentLoaded, the floor below which no page of this
 * renderer can show anything.
 */
export async function openUsable(
  page: Page,
  url: string,
  rows: number,
  banner: string | null,
  timeoutMs = 60_000,
): Promise<{ usable: number; loaded: number }> {
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    ([n, pattern]) => {
      if (!document.querySelector('.kefu-header') || document.querySelectorAll('.kefu-visitor-row').length < n) return 0;
      if (pattern && !Array.from(document.querySelectorAll('.ant-alert')).some((el) => new RegExp(pattern).test(el.textContent ?? ''))) return 0;
      return Date.now();
    },
    [rows, banner] as const,
    { polling: 'raf', timeout: timeoutMs },
  );
  const usableAt = (await handle.jsonValue()) as number;
  const loaded = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
  return { usable: usableAt - started, loaded };
}

/** Resolves with Date.now() in the page when a message with this clientId is on screen. */
export async function whenOnScreen(page: Page, clientId: string, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction((id) => (document.querySelector(`[data-client-id="${id}"]`) ? Date.now() : 0), clientId, {
    polling: 'raf',
    timeout: timeoutMs,
  });
  return (await handle.jsonValue()) as number;
}

/** clientIds of the messages the open transcript shows, in order. */
export function shownClientIds(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('.kefu-msg[data-client-id]')).map((el) => el.getAttribute('data-client-id') ?? ''));
}

export async function openConversation(page: Page, roomNo: string): Promise<void> {
  await page.locator('.kefu-visitor-row').filter({ hasText: roomNo }).getByText(roomNo).click();
  await page.locator('.kefu-main').filter({ hasText: roomNo }).first().waitFor();
}

/**
 * A page call measured from inside the page, over and over until stopped: conversations:list
 * through the app's own window.kefu, so an answer waits behind whatever events the socket still
 * carries and behind the page's own work, exactly as the agent's clicks would.
 */
export async function startCallProbe(page: Page, gapMs = 20): Promise<void> {
  // Plain source, not a function: tsx's transform would add helpers the page does not have.
  await page.evaluate(`(() => {
    // [Date.now() when answered, round trip in ms]
    const probe = { samples: [], stop: false };
    window.kefuBenchProbe = probe;
    const next = async () => {
      if (probe.stop) return;
      const sentAt = performance.now();
      const result = await window.kefu.invoke('conversations:list', undefined);
      if (result.ok) probe.samples.push([Date.now(), performance.now() - sentAt]);
      setTimeout(next, ${gapMs});
    };
    void next();
  })()`);
}

/** Stops the probe; its samples as [Date.now() when answered, round trip in ms]. */
export function stopCallProbe(page: Page): Promise<[number, number][]> {
  return page.evaluate(() => {
    const probe = (window as unknown as { kefuBenchProbe: { samples: [number, number][]; stop: boolean } }).kefuBenchProbe;
    probe.stop = true;
    return probe.samples;
  });
}
