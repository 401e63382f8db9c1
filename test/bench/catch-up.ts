/**
 * `npm run bench:catchup`: catch-up after time away, through the browser shell in Chromium against
 * the real server. (1) The page stays open while 10,000 (then 50,000) events are missed in 10
 * conversations: cache complete, newest message on screen, p99 of a page call meanwhile, beside
 * the floor (the same rows by a plain insert loop into the same cache). (2) The services restart
 * and the page is opened with the server up (events missed meanwhile), down, and hung (SIGSTOP):
 * time to usable, beside the page's own load. Everything is checked against the server: nothing
 * lost or repeated. Exits 1 on a correctness failure; figures off target are marked ✗.
 *
 *   KEFU_BENCH_CATCHUP_EVENTS=10000,50000  KEFU_BENCH_CATCHUP_CONVERSATIONS=10  KEFU_BENCH_CATCHUP_RESTART_BACKLOG=10000
 *   KEFU_BENCH_CATCHUP_RESTARTS=up,down,hung  KEFU_BENCH_CATCHUP_RESTART_RUNS=3 (each restart repeated; the table shows medians)
 *   KEFU_BENCH_PROFILE=1 (CPU profiles of the shell and the page in results/)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Message } from '../../shared/domain.js';
import { openCacheReader } from './catchup/cache.js';
import { measureFloor, type Floor } from './catchup/floor.js';
import { launchChromium, openConversation, openPage, openUsable } from './catchup/page.js';
import { catchUpWithPageOpen, type PageOpenResult } from './catchup/page-open.js';
import { adminToken, createAgent, loginThroughShell, startVisitors } from './catchup/population.js';
import { pageOpenTable, restartTable, TARGETS } from './catchup/report.js';
import { usableAfterRestart, type RestartResult } from './catchup/restart.js';
import { startCatchUpStack } from './catchup/stack.js';
import { verifyAgainstServer } from './catchup/verify.js';
import type { Bench } from './catchup/bench.js';
import { environmentLine } from './report.js';
import { summarize } from './stats.js';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const log = (line = ''): void => console.log(line);
const numbers = (value: string | undefined, fallback: number[]) => (value ? value.split(',').map((n) => Number(n.trim())) : fallback);

// 0 skips the page-open runs (only the restarts).
const EVENTS = numbers(process.env.KEFU_BENCH_CATCHUP_EVENTS, [10_000, 50_000]).filter((n) => n > 0);
const CONVERSATIONS = numbers(process.env.KEFU_BENCH_CATCHUP_CONVERSATIONS, [10])[0]!;
const RESTART_BACKLOG = numbers(process.env.KEFU_BENCH_CATCHUP_RESTART_BACKLOG, [10_000])[0]!;
const RESTARTS = (
  [
    ['up', RESTART_BACKLOG],
    ['down', 0],
    ['hung', 0],
  ] as const
).filter(([server]) => (process.env.KEFU_BENCH_CATCHUP_RESTARTS ?? 'up,down,hung').split(',').includes(server));
// A page start on a 2-core machine varies by ±30 % run to run: one run says little.
const RESTART_RUNS = numbers(process.env.KEFU_BENCH_CATCHUP_RESTART_RUNS, [3])[0]!;
const WATCHDOG_MS = 30 * 60_000;

async function main(): Promise<number> {
  const watchdog = setTimeout(() => {
    console.error('catch-up bench watchdog: still running after 30 min, giving up');
    process.exit(3);
  }, WATCHDOG_MS);
  watchdog.unref();
  log(`catch-up bench — ${environmentLine()}`);
  log(`${CONVERSATIONS} conversations; page open: ${EVENTS.join(', ')} missed events; restart with ${RESTART_BACKLOG} missed`);

  const stack = await startCatchUpStack();
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    const agentId = await createAgent(stack.serverUrl, CONVERSATIONS);
    const shellUrl = (await stack.startShell()).url;
    const shell = await loginThroughShell(shellUrl);
    const visitors = await startVisitors(stack.serverUrl, agentId, CONVERSATIONS);
    const page = await openPage(browser);
    await openUsable(page, shellUrl, CONVERSATIONS, null);
    const target = visitors.at(-1)!;
    await openConversation(page, target.roomNo);
    const bench: Bench = { stack, page, shell, cache: openCacheReader(stack.shellDir), visitors, target, adminToken: await adminToken(stack.serverUrl) };

    const pageOpen: { result: PageOpenResult; floor: Floor }[] = [];
    for (const events of EVENTS) {
      log(`\n[page open] ${events} events missed…`);
      const result = await catchUpWithPageOpen(bench, events);
      const verdict = await verifyAgainstServer(bench, result.flooded.sent, true);
      problems.push(...verdict.problems);
      const floor = measureFloor(result.flooded.sent.map((id) => verdict.stored.get(id)).filter((m): m is Message => m !== undefined));
      pageOpen.push({ result, floor });
      log(`  checked against the server: ${verdict.messages} messages in ${verdict.conversations} conversations, ${verdict.problems.length} problems`);
    }

    const restarts: RestartResult[] = [];
    for (const [server, backlog] of RESTARTS.flatMap((restart) => Array.from({ length: RESTART_RUNS }, () => restart))) {
      log(`\n[restart] server ${server}${backlog ? `, ${backlog} events missed` : ''}…`);
      const result = await usableAfterRestart(bench, server, backlog);
      restarts.push(result);
      const verdict = await verifyAgainstServer(bench, result.flooded?.sent ?? [], false);
      problems.push(...verdict.problems);
      log(`  checked against the server: ${verdict.messages} messages in ${verdict.conversations} conversations, ${verdict.problems.length} problems`);
    }

    log("\npage open while the server was away (times from the server's welcome; reconnect wait is the client's backoff before it):");
    for (const line of pageOpenTable(pageOpen)) log(`  ${line}`);
    log(
      `  targets: cache complete ≤ ${TARGETS.cacheCompleteMs} ms, last message on screen ≤ ${TARGETS.lastOnScreenMs} ms, page call p99 ≤ ${TARGETS.callP99Ms} ms`,
    );
    log(`\npage opened after the services restarted (times from the navigation; median of ${RESTART_RUNS} runs, min–max below):`);
    for (const line of restartTable(restarts)) log(`  ${line}`);
    log(`  target: usable ≤ ${TARGETS.usableMs} ms (the logged-in view with the cached conversations; with the server away, the offline banner too)`);
    log(`\nnothing lost or repeated (cache and screen against the server): ${problems.length === 0 ? 'OK' : 'FAILED'}`);
    for (const problem of problems) log(`  ${problem}`);

    await mkdir(RESULTS_DIR, { recursive: true });
    const file = `${RESULTS_DIR}catchup-latest.json`;
    const record = {
      at: new Date().toISOString(),
      environment: environmentLine(),
      pageOpen: pageOpen.map(({ result: { flooded: _flooded, callSamples, idleCallSamples, ...figures }, floor }) => ({
        ...figures,
        pageCalls: summarize(callSamples),
        idlePageCalls: summarize(idleCallSamples),
        floor,
      })),
      restarts: restarts.map(({ flooded: _flooded, ...figures }) => figures),
      problems,
    };
    await writeFile(file, JSON.stringify(record, null, 2) + '\n');
    log(`figures written to ${file}`);
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
