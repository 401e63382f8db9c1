/**
 * `npm run bench`: the kefu server (SQLite; PostgreSQL on one node; PostgreSQL on three nodes behind
 * nginx) and a bare `ws` relay under the same chat traffic, measured in the same run, printed side
 * by side with the ratios and the issue's targets (✓/✗). KEFU_BENCH_TARGETS picks targets.
 * Exits 0 when every acked message was delivered exactly once on every target; 1 on incomplete
 * delivery or a target that failed; 3 if the watchdog fired. A missed performance target is
 * marked ✗ but does not change the exit code (the machine may be shared). Everything the run
 * started is stopped on every way out (cleanup.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { LIMITS } from '../../shared/limits.js';
import { createEngines, TARGET_DESCRIPTIONS, type Engines } from './bench-targets.js';
import { cleanupAll, installExitCleanup } from './cleanup.js';
import { readBenchConfig, type BenchConfig, type TargetName } from './config.js';
import { runChatLoad, type TargetResult } from './chat-load.js';
import {
  bottleneck,
  comparisonTable,
  deliveryReport,
  environmentLine,
  goalLines,
  goals,
  isComplete,
  postgresReport,
  resultRecord,
  type Results,
} from './report.js';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const log = (line: string): void => console.log(line);

async function runTarget(name: TargetName, config: BenchConfig, engines: Engines, errors: string[]): Promise<TargetResult | null> {
  try {
    return await runChatLoad(name, config, engines, log);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    errors.push(`${name}: ${message}`);
    log(`[${name}] FAILED: ${message}`);
    return null;
  }
}

async function main(): Promise<number> {
  const config = readBenchConfig();
  if (config.visitors > config.agents * LIMITS.maxConcurrentCeiling) {
    throw new Error(`${config.visitors} visitors need more than ${config.agents} agents × ${LIMITS.maxConcurrentCeiling} (最大接线量 ceiling)`);
  }
  installExitCleanup(log);
  const watchdog = setTimeout(() => {
    console.error(`bench watchdog: still running after ${config.runTimeoutSeconds} s, giving up`);
    // Forked targets also stop by themselves when the IPC channel closes; the engines need stopping.
    void cleanupAll(10_000).finally(() => process.exit(3));
  }, config.runTimeoutSeconds * 1000);
  watchdog.unref();

  log(`chat bench — ${environmentLine()}`);
  log(
    `${config.visitors} visitors → ${config.agents} agents; phases ${config.phaseSeconds} s; open loop ${config.openLoopRate} msg/s; window ${config.window}; ${config.messageChars}-char texts`,
  );
  log(`targets: ${config.targets.map((name) => `${name} (${TARGET_DESCRIPTIONS[name]})`).join('; ')}`);
  const engines = createEngines(config, log);
  const errors: string[] = [];
  const results: Results = {};
  try {
    for (const name of config.targets) results[name] = await runTarget(name, config, engines, errors);
  } finally {
    for (const problem of await cleanupAll()) errors.push(`cleanup: ${problem}`);
  }
  const finished = Object.values(results).filter((r): r is TargetResult => r !== null && r !== undefined);

  log('');
  if (finished.length > 0) log(comparisonTable(results));
  const goal = goals(config, results);
  log('');
  log('targets (issue):');
  for (const line of goalLines(goal)) log(line);
  const postgresRan = finished.filter((r) => r.name.startsWith('postgres'));
  if (postgresRan.length > 0) {
    const settings = Object.entries(engines.postgresSettings);
    log('');
    log(
      `PostgreSQL (${engines.externalPostgres ? 'KEFU_TEST_DATABASE_URL server, its own settings' : settings.length ? settings.map(([k, v]) => `${k}=${v}`).join(', ') : 'durability defaults: fsync, synchronous_commit on'}):`,
    );
    for (const result of postgresRan) for (const line of postgresReport(result)) log(line);
  }
  log('');
  log('delivery check (every acked message delivered exactly once to its agent):');
  for (const result of finished) log(deliveryReport(result));
  log('');
  log('max-throughput bottleneck:');
  for (const result of finished) log(`  ${bottleneck(result)}`);
  for (const error of errors) log(`error: ${error}`);

  await mkdir(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}latest.json`;
  const record = resultRecord(config, results, {
    goals: goal,
    postgresSettings: config.targets.some((name) => name.startsWith('postgres')) ? engines.postgresSettings : null,
    externalPostgres: engines.externalPostgres,
    errors,
  });
  await writeFile(file, JSON.stringify(record, null, 2) + '\n');
  log(`\nfigures written to ${file}`);
  const ok = errors.length === 0 && config.targets.every((name) => results[name] && isComplete(results[name]));
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    void cleanupAll(10_000).finally(() => process.exit(1));
  },
);
