/**
 * `npm run bench:site-visitors` (part of `npm run bench`): the workstation's 访客监控 list scrolled
 * continuously with 2,000 visitors on the site, in Debian's Chromium. The real server, the
 * workstation services in the browser shell and the built renderer, each in its own process; one
 * agent logged in through the shell; 2,000 browsing visitors on browse sockets (the wallboard
 * bench's load). Three runs in the same browser, printed side by side with the ratios:
 *
 *   plain   — the same 2,000 row texts as a plain list of <div>s (no framework, nothing virtualised)
 *   static  — our view, nobody arriving, navigating or leaving
 *   live    — our view under steady churn: visitors arriving, changing page and leaving
 *
 * Each run scrolls the list from requestAnimationFrame (a fixed step a frame, turning at the ends)
 * and times every frame in the page: fps, frame time p50/p95/p99, dropped frames, long tasks.
 *
 *   KEFU_BENCH_SECONDS (each run, default 10)  KEFU_BENCH_SV_VISITORS=2000  KEFU_BENCH_SV_STEP_PX=88 (scroll a frame)
 *   KEFU_BENCH_SV_RATES=arrivals,navigations per second (default 3,5; as many leave as arrive)
 *   KEFU_BENCH_RENDERER_DIR (default dist/renderer)  KEFU_BENCH_PROFILE=1 (a CPU profile of the page in each of our runs)
 *
 * Exits 1 when the view did not show every visitor, or when a run showed blank frames; a missed
 * 60 fps is marked ✗ but does not change the exit code (the machine may be shared).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright';
import { launchChromium, openPage, openUsable, profilePage, rendererCpuMs } from './catchup/page.js';
import { createAgent, loginThroughShell } from './catchup/population.js';
import { PROFILE_DIR, profiling, startCatchUpStack } from './catchup/stack.js';
import { environmentLine } from './report.js';
import { machineBusyMs } from './stats.js';
import { openPlainList, readViewRows, scrollAndTime, VIEW_SCROLLER, type FrameSamples } from './site-visitors-scroll-page.js';
import { figures, meetsTarget, scrollTable, type ScrollFigures } from './site-visitors-scroll-report.js';
import { arriveMany, churn, newTallies, type Floor } from './wallboard-load.js';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const log = (line = ''): void => console.log(line);

function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw.trim() === '' ? fallback : Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got ${JSON.stringify(raw)}`);
  return Math.round(Math.min(max, Math.max(min, value)));
}

const SECONDS = envInt('KEFU_BENCH_SECONDS', 10, 1, 60);
const VISITORS = envInt('KEFU_BENCH_SV_VISITORS', 2000, 1, 5000);
const STEP_PX = envInt('KEFU_BENCH_SV_STEP_PX', 88, 1, 2000);
const [arrivalsPerSecond, navigationsPerSecond] = (process.env.KEFU_BENCH_SV_RATES ?? '3,5').split(',').map((n) => Math.min(100, Math.max(0, Number(n) || 0)));
const RATES = { statusPerSecond: 0, conversationsPerSecond: 0, arrivalsPerSecond: arrivalsPerSecond ?? 3, navigationsPerSecond: navigationsPerSecond ?? 5 };
/** The view's row height (SiteVisitorsView's ROW_HEIGHT): the plain list's rows are as tall. */
const ROW_HEIGHT = 44;
const WATCHDOG_MS = 15 * 60_000;

/** One measured scroll: the frames, and the renderer's CPU meanwhile (and a page profile if asked). */
async function measure(page: Page, name: string, selector: string, profile: boolean): Promise<{ figures: ScrollFigures; samples: FrameSamples }> {
  const stopProfile = profile ? await profilePage(page, `${PROFILE_DIR}page-site-visitors-${name}.cpuprofile`) : null;
  const [cpuBefore, busyBefore] = [await rendererCpuMs(page), machineBusyMs()];
  const samples = await scrollAndTime(page, selector, SECONDS, STEP_PX);
  const [cpu, busy] = [(await rendererCpuMs(page)) - cpuBefore, machineBusyMs() - busyBefore];
  await stopProfile?.();
  return { figures: figures(name, samples, cpu, busy), samples };
}

/** Opens 访客监控 and resolves once it lists `count` visitors. */
async function openSiteVisitors(page: Page, count: number): Promise<void> {
  await page.getByRole('navigation').getByText('访客监控').click();
  await page.waitForFunction((n) => document.querySelector('.kefu-sv-table')?.getAttribute('aria-rowcount') === String(n + 1), count, {
    polling: 100,
    timeout: 120_000,
  });
  await page.locator(`${VIEW_SCROLLER} [role=row]`).first().waitFor();
}

async function main(): Promise<number> {
  const watchdog = setTimeout(() => {
    console.error('site-visitors scroll bench watchdog: still running after 15 min, giving up');
    process.exit(3);
  }, WATCHDOG_MS);
  watchdog.unref();
  log(`访客监控 scrolling bench — ${environmentLine()}`);
  log(
    `${VISITORS} browsing visitors; ${SECONDS} s of scrolling a run, ${STEP_PX} px a frame; live churn/s: ${RATES.arrivalsPerSecond} arrivals (and as many leaves), ${RATES.navigationsPerSecond} page changes`,
  );
  const stack = await startCatchUpStack();
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    await createAgent(stack.serverUrl, 5);
    const shellUrl = (await stack.startShell()).url;
    await loginThroughShell(shellUrl);
    const setupStarted = performance.now();
    const tallies = newTallies();
    const floor: Floor = { url: stack.serverUrl, agents: [], browsers: await arriveMany(stack.serverUrl, VISITORS, tallies.browsers), browsing: true };
    log(`setup: ${floor.browsers.length} browsing visitors in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

    const page = await openPage(browser);
    await openUsable(page, shellUrl, 0, null);
    await openSiteVisitors(page, VISITORS);
    // Once through the whole list (unmeasured): the rows' texts for the plain list, and a check that every visitor is there.
    const rows = await readViewRows(page);
    if (rows.texts.length !== VISITORS || rows.rowCount !== VISITORS) {
      problems.push(`the view showed ${rows.texts.length} rows (says ${rows.rowCount}) for ${VISITORS} visitors`);
    }
    log(`访客监控 lists ${rows.rowCount} visitors; scroller ${rows.width}×${rows.height} px`);

    const plainPage = await openPage(browser);
    const plainScroller = await openPlainList(plainPage, { texts: rows.texts, width: rows.width, height: rows.height, rowHeight: ROW_HEIGHT });
    log('\n[plain] the same rows as a plain list…');
    const plain = await measure(plainPage, 'plain', plainScroller, false);
    await plainPage.close();

    await page.bringToFront();
    log('[static] 访客监控, nobody coming or going…');
    const still = await measure(page, 'static', VIEW_SCROLLER, profiling);

    log('[live] 访客监控 under churn…');
    // The churn runs a second longer on each side of the measured scroll, so the deltas are flowing throughout.
    const churning = churn(floor, RATES, SECONDS + 2, tallies);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const live = await measure(page, 'live', VIEW_SCROLLER, profiling);
    const churned = await churning;
    if (churned.errors.length > 0) problems.push(`churn: ${churned.errors.length} errors, e.g. ${churned.errors[0]}`);
    if (live.samples.changes === 0) problems.push('the page received no visitor changes during the live run');

    for (const run of [plain, still, live]) {
      if (run.samples.blankSamples > 0)
        problems.push(`${run.figures.name}: ${run.samples.blankSamples} of ${run.samples.samples} sampled frames showed no row`);
    }

    log('\nframes timed in the page (requestAnimationFrame to requestAnimationFrame); ratios against the plain list:');
    for (const line of scrollTable(plain.figures, [still.figures, live.figures])) log(`  ${line}`);
    log(`  rAF pacing in this Chromium (plain list median): ${(1000 / plain.figures.p50).toFixed(1)} Hz; the churn made ${churned.changes} changes`);
    log(`\nissue target: the visitor list keeps 60 fps with ${VISITORS} rows: ${meetsTarget(live.figures) ? '✓' : '✗'} (live)`);
    log(`every visitor listed, no blank frames: ${problems.length === 0 ? 'OK' : 'FAILED'}`);
    for (const problem of problems) log(`  ${problem}`);

    await mkdir(RESULTS_DIR, { recursive: true });
    const file = `${RESULTS_DIR}site-visitors-scroll-latest.json`;
    const record = {
      at: new Date().toISOString(),
      environment: environmentLine(),
      config: { seconds: SECONDS, visitors: VISITORS, stepPx: STEP_PX, rates: RATES, renderer: process.env.KEFU_BENCH_RENDERER_DIR ?? 'dist/renderer' },
      plain: plain.figures,
      static: still.figures,
      live: { ...live.figures, changesMade: churned.changes },
      targetMet: meetsTarget(live.figures),
      problems,
    };
    await writeFile(file, JSON.stringify(record, null, 2) + '\n');
    log(`figures written to ${file}`);
    for (const visitor of floor.browsers) visitor.socket.close();
    return problems.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
    await stack.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
