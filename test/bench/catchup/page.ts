/**
 * The workstation page in Debian's Chromium (docs/PLATFORM-NOTES.md), and what the bench reads
 * from inside it. Times are taken in the page (Date.now() there, the same clock as here) so the
 * round trip of asking does not count.
 */
import { writeFile } from 'node:fs/promises';
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

/**
 * clientIds of the messages the open transcript shows, in order. A long transcript renders only
 * the rows in view (each with its data-index): it is scrolled from top to bottom to read them all,
 * and left at the bottom again.
 */
export function shownClientIds(page: Page): Promise<string[]> {
  // Plain source, not a function: tsx's transform would add helpers the page does not have.
  return page.evaluate(`(async () => {
    const log = document.querySelector('.kefu-messages');
    const read = () => Array.from(document.querySelectorAll('.kefu-msg[data-client-id]'));
    if (!log || !document.querySelector('.kefu-msg-row')) return read().map((el) => el.getAttribute('data-client-id') || '');
    const byIndex = new Map();
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    log.scrollTop = 0;
    for (let guard = 0; guard < 100000; guard++) {
      await frame();
      for (const row of document.querySelectorAll('.kefu-msg-row')) {
        byIndex.set(Number(row.getAttribute('data-index')), row.querySelector('.kefu-msg')?.getAttribute('data-client-id') || '');
      }
      if (log.scrollTop + log.clientHeight >= log.scrollHeight - 1) break;
      log.scrollTop += Math.max(1, log.clientHeight * 0.8);
    }
    log.scrollTop = log.scrollHeight;
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
  })()`);
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

/** Resolves once the probe has answered `count` calls. */
export async function whenProbeHas(page: Page, count: number, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction((n) => ((window as unknown as { kefuBenchProbe?: { samples: unknown[] } }).kefuBenchProbe?.samples.length ?? 0) >= n, count, {
    timeout: timeoutMs,
  });
}

/** Stops the probe; its samples as [Date.now() when answered, round trip in ms]. */
export function stopCallProbe(page: Page): Promise<[number, number][]> {
  return page.evaluate(() => {
    const probe = (window as unknown as { kefuBenchProbe: { samples: [number, number][]; stop: boolean } }).kefuBenchProbe;
    probe.stop = true;
    return probe.samples;
  });
}

/**
 * CPU time all of the browser's renderer processes have used so far, in ms (Chrome's own count).
 * On a busy machine the wall-clock figures mostly say how long the page waited for a core; this
 * says how much work it did.
 */
export async function rendererCpuMs(page: Page): Promise<number> {
  const browser = page.context().browser();
  if (!browser) return 0;
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
    return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime * 1000, 0);
  } finally {
    await cdp.detach();
  }
}

/**
 * KEFU_BENCH_PROFILE=1: a CPU profile of the page (Chrome DevTools protocol) from now until the
 * returned function is called, written to `file` (open in Chrome DevTools → Performance).
 */
export async function profilePage(page: Page, file: string): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(file, JSON.stringify(profile));
    await cdp.detach();
  };
}
