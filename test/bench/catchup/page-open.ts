/**
 * Scenario 1: the page stays open while the workstation is cut off from the server and `events`
 * messages arrive for it; then the network comes back. Timed from the server's welcome (the
 * moment the workstation could start catching up): the cache complete, the newest message on the
 * open transcript, and page calls answered meanwhile.
 */
import type { ConnectionState } from '../../../shared/ipc/contract.js';
import { whenCacheHolds, messageCount } from './cache.js';
import { flood, type Flooded } from './flood.js';
import { profilePage, rendererCpuMs, startCallProbe, stopCallProbe, whenOnScreen, whenProbeHas } from './page.js';
import { PROFILE_DIR, profiling } from './stack.js';
import { waitForState, type Bench } from './bench.js';

export interface PageOpenResult {
  events: number;
  /** From the network's return to the welcome (the realtime client's reconnect backoff). */
  reconnectWaitMs: number;
  cacheCompleteMs: number;
  lastOnScreenMs: number;
  /** Round trips of page calls between the welcome and the last message on screen. */
  callSamples: number[];
  /** The same calls before the network came back (nothing to catch up): the same run's baseline. */
  idleCallSamples: number[];
  /** CPU the services and the page used from the network's return to the last message on screen. */
  servicesCpuMs: number;
  pageCpuMs: number;
  flooded: Flooded;
}

const CATCH_UP_TIMEOUT_MS = 300_000;
const IDLE_SAMPLES = 30;

export async function catchUpWithPageOpen(bench: Bench, events: number): Promise<PageOpenResult> {
  bench.stack.proxy.cut();
  await waitForState(bench.shell, 'offline');
  const before = messageCount(bench.cache);
  const flooded = await flood(bench.visitors, bench.target, events, `open${events}`);

  let welcomeAt = 0;
  const off = bench.shell.onEvent((channel, payload) => {
    if (channel === 'connection:changed' && (payload as ConnectionState).state === 'syncing' && welcomeAt === 0) welcomeAt = Date.now();
  });
  await startCallProbe(bench.page);
  // The baseline: calls answered while there is nothing to catch up, on this machine at this moment.
  await whenProbeHas(bench.page, IDLE_SAMPLES);
  const stopProfile = profiling ? await profilePage(bench.page, `${PROFILE_DIR}page-catchup-${events}.cpuprofile`) : null;
  const [servicesCpuBefore, pageCpuBefore] = [bench.stack.shellCpuMs(), await rendererCpuMs(bench.page)];
  const restoredAt = Date.now();
  bench.stack.proxy.restore();
  const cacheAt = await whenCacheHolds(bench.cache, before + events, CATCH_UP_TIMEOUT_MS);
  const screenAt = await whenOnScreen(bench.page, flooded.lastClientId, CATCH_UP_TIMEOUT_MS);
  const [servicesCpuMs, pageCpuMs] = [bench.stack.shellCpuMs() - servicesCpuBefore, (await rendererCpuMs(bench.page)) - pageCpuBefore];
  const samples = await stopCallProbe(bench.page);
  await stopProfile?.();
  await waitForState(bench.shell, 'online');
  off();
  if (welcomeAt === 0) throw new Error('the services never said they were syncing');
  return {
    events,
    reconnectWaitMs: welcomeAt - restoredAt,
    cacheCompleteMs: cacheAt - welcomeAt,
    lastOnScreenMs: screenAt - welcomeAt,
    callSamples: samples.filter(([at]) => at >= welcomeAt && at <= screenAt).map(([, ms]) => ms),
    idleCallSamples: samples.filter(([at]) => at < restoredAt).map(([, ms]) => ms),
    servicesCpuMs,
    pageCpuMs,
    flooded,
  };
}
