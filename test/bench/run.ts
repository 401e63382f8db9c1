/**
 * `npm run bench`: the kefu server and a bare `ws` relay under the same chat traffic, measured in
 * the same run, printed side by side. Exits 0 when every acked message was delivered exactly once
 * on both targets; 1 on incomplete delivery or a target that failed; 3 if the watchdog fired.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { LIMITS } from '../../shared/limits.js';
import { readBenchConfig } from './config.js';
import { runChatLoad, type TargetResult } from './chat-load.js';
import { bottleneck, comparisonTable, deliveryReport, environmentLine, isComplete, resultRecord } from './report.js';
import type { TargetKind } from './target-process.js';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const log = (line: string): void => console.log(line);

async function runTarget(kind: TargetKind, errors: string[]): Promise<TargetResult | null> {
  const config = readBenchConfig();
  try {
    return await runChatLoad(kind, config, log);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    errors.push(`${kind}: ${message}`);
    log(`[${kind}] FAILED: ${message}`);
    return null;
  }
}

async function main(): Promise<number> {
  const config = readBenchConfig();
  if (config.visitors > config.agents * LIMITS.maxConcurrentCeiling) {
    throw new Error(`${config.visitors} visitors need more than ${config.agents} agents × ${LIMITS.maxConcurrentCeiling} (最大接线量 ceiling)`);
  }
  const watchdog = setTimeout(() => {
    console.error(`bench watchdog: still running after ${config.runTimeoutSeconds} s, giving up`);
    process.exit(3); // forked targets see the IPC channel close and stop themselves
  }, config.runTimeoutSeconds * 1000);
  watchdog.unref();

  log(`chat bench — ${environmentLine()}`);
  log(
    `${config.visitors} visitors → ${config.agents} agents; phases ${config.phaseSeconds} s; open loop ${config.openLoopRate} msg/s; window ${config.window}; ${config.messageChars}-char texts`,
  );
  const errors: string[] = [];
  const kefu = await runTarget('kefu', errors);
  const relay = await runTarget('relay', errors);

  log('');
  if (kefu && relay) log(comparisonTable(kefu, relay));
  log('');
  log('delivery check (every acked message delivered exactly once to its agent):');
  for (const result of [kefu, relay]) if (result) log(deliveryReport(result));
  log('');
  log('max-throughput bottleneck:');
  for (const result of [kefu, relay]) if (result) log(`  ${bottleneck(result)}`);
  for (const error of errors) log(`error: ${error}`);

  await mkdir(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}latest.json`;
  await writeFile(file, JSON.stringify(resultRecord(config, kefu, relay, errors), null, 2) + '\n');
  log(`\nfigures written to ${file}`);
  const ok = kefu !== null && relay !== null && isComplete(kefu) && isComplete(relay);
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
