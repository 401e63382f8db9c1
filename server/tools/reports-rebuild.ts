/**
 * npm run reports:rebuild -- --data DATA_DIR [--database postgres://…]: rebuilds the report
 * rollups (migration 023) from the raw rows, a month per transaction, and sets their watermark.
 * Safe while servers run: a rollup hour is recomputed, never added to, and the changes made
 * meanwhile are caught up by the next report. Exit codes: 0 rebuilt, 2 bad arguments, 1 failed.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_SETTINGS } from '../domain/context.js';
import { rebuildRollups } from '../domain/reports/rollups.js';
import { openStore } from '../store/open-store.js';

const USAGE = `Usage: npm run reports:rebuild -- --data DATA_DIR [--database postgres://…] [--quiet]`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { data: { type: 'string' }, database: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const databaseUrl = values.database ?? process.env.KEFU_DATABASE_URL;
  if (!values.data && !databaseUrl) {
    console.error(USAGE);
    return 2;
  }
  const store = await openStore({ dataDir: values.data ?? '.', ...(databaseUrl ? { databaseUrl } : {}) });
  const started = Date.now();
  try {
    const settings = { ...DEFAULT_SETTINGS, ...store.settings.read() };
    rebuildRollups({ store, settings: () => settings, clock: Date.now }, (done, total) => {
      if (!values.quiet) console.log(`  ${done} / ${total} hours`);
    });
    console.log(`Report rollups rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } catch (error) {
    console.error(`Rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    store.close();
  }
}

process.exitCode = await main();
