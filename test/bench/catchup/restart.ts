/**
 * Scenario 2: the workstation services restart (the page with them) and the page is opened with
 * the server up (and events missed meanwhile), down (connections refused), or hung (SIGSTOP:
 * connections accepted, nothing answered). Timed from the navigation: the logged-in view with the
 * cached conversations (and, with the server away, the offline banner).
 */
import { connectShell } from '../../../electron/services/test-support/shell-client.js';
import { messageCount, whenCacheHolds } from './cache.js';
import { flood, type Flooded } from './flood.js';
import { openUsable, profilePage, rendererCpuMs } from './page.js';
import { PROFILE_DIR, profiling } from './stack.js';
import { waitForState, type Bench } from './bench.js';

export type ServerCondition = 'up' | 'down' | 'hung';

export interface RestartResult {
  server: ServerCondition;
  backlog: number;
  servicesStartMs: number;
  usableMs: number;
  /** DOMContentLoaded of the same navigation: nothing of this renderer shows before it. */
  pageLoadedMs: number;
  /** With a backlog: from the services' start to the cache holding all of it. */
  cacheCompleteMs: number | null;
  /** CPU the page's renderer used from the navigation to usable (the probe's own polling included). */
  pageCpuMs: number;
  flooded: Flooded | null;
}

const BANNER = '离线|连接中';

export async function usableAfterRestart(bench: Bench, server: ServerCondition, backlog: number): Promise<RestartResult> {
  bench.shell.close();
  await bench.stack.stopShell();
  // The same browser opens the page again (its cache holds the renderer's files, as for an agent).
  const context = bench.page.context();
  await bench.page.close();
  const before = messageCount(bench.cache);
  const flooded = backlog > 0 ? await flood(bench.visitors, bench.target, backlog, `restart${backlog}`) : null;
  if (server === 'down') bench.stack.proxy.cut();
  if (server === 'hung') bench.stack.freezeServer();
  try {
    const shell = await bench.stack.startShell();
    const startedAt = Date.now() - shell.startMs;
    bench.page = await context.newPage();
    const stopProfile = profiling ? await profilePage(bench.page, `${PROFILE_DIR}page-restart-${server}.cpuprofile`) : null;
    const cpuBefore = await rendererCpuMs(bench.page);
    const { usable, loaded } = await openUsable(bench.page, shell.url, bench.visitors.length, server === 'up' ? null : BANNER);
    const pageCpuMs = (await rendererCpuMs(bench.page)) - cpuBefore;
    await stopProfile?.();
    bench.shell = await connectShell(shell.url, { events: ['connection:changed'] });
    let cacheCompleteMs: number | null = null;
    if (flooded) cacheCompleteMs = (await whenCacheHolds(bench.cache, before + backlog, 300_000)) - startedAt;
    return { server, backlog, servicesStartMs: shell.startMs, usableMs: usable, pageLoadedMs: loaded, cacheCompleteMs, pageCpuMs, flooded };
  } finally {
    if (server === 'down') bench.stack.proxy.restore();
    if (server === 'hung') bench.stack.thawServer();
    if (bench.stack.shell) await waitForState(bench.shell, 'online');
  }
}
