/**
 * kefu-migrate on the command line: npm run migrate:postgres -- --data DATA_DIR --to postgres://…
 * Arguments, the summary it prints and its exit codes (0 copied, 2 refused, 1 failed and rolled
 * back); the copy itself is server/tools/migrate-to-postgres.ts.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { copySqliteToPostgres, MigrateRefusal, redactUrl, type CopyProgress, type CopyResult } from './migrate-to-postgres.js';

const USAGE = `Usage: npm run migrate:postgres -- --data DATA_DIR --to postgres://user:password@host:5432/database
       npx tsx server/tools/kefu-migrate.ts --data DATA_DIR --to postgres://…

Copies a Kefu Desk SQLite installation (DATA_DIR/kefu.db and DATA_DIR/attachments/) into a new,
empty PostgreSQL database, in one transaction: every table, every attachment, all or nothing.
Stop the server on DATA_DIR first; the SQLite folder is only read. Afterwards start the servers
with KEFU_DATABASE_URL set to the same URL.

Options:
  --data DIR   the server's data folder (holds kefu.db)
  --to URL     postgres:// or postgresql:// URL of the database to fill (created beforehand, empty)
  --quiet      no progress lines, only the summary
  -h, --help   this text

Exit codes: 0 copied; 2 refused (bad arguments, no database, target not empty; nothing changed); 1 failed (rolled back).`;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]} (${bytes} bytes)`;
}

export function summaryText(result: CopyResult, databaseUrl: string, ms: number): string {
  const width = Math.max(...result.tables.map((t) => t.table.length), 'attachment files'.length);
  const lines = [`Copied into ${redactUrl(databaseUrl)} in ${(ms / 1000).toFixed(1)} s:`];
  for (const t of result.tables) lines.push(`  ${t.table.padEnd(width)}  ${String(t.rows).padStart(9)} rows`);
  const totalRows = result.tables.reduce((sum, t) => sum + t.rows, 0);
  lines.push(`  ${'(all tables)'.padEnd(width)}  ${String(totalRows).padStart(9)} rows`);
  lines.push(`  ${'attachment files'.padEnd(width)}  ${String(result.attachments.files).padStart(9)} files, ${formatBytes(result.attachments.bytes)}`);
  if (result.replacedDefaults.length > 0) {
    lines.push(`Replaced the schema's default rows of ${result.replacedDefaults.map((r) => `${r.table} (${r.rows})`).join(', ')} by the installation's.`);
  }
  for (const s of result.sequences) lines.push(`Sequence of ${s.table}.${s.column} continues after ${s.value}.`);
  if (result.skippedFiles.length > 0) lines.push(`Not copied (no attachment): ${result.skippedFiles.join(', ')}`);
  if (result.missingFiles.length > 0) {
    lines.push(
      `Warning: ${result.missingFiles.length} attachment(s) had no file in the SQLite folder already (their rows were copied): ${result.missingFiles.join(', ')}`,
    );
  }
  lines.push('Start the server(s) with KEFU_DATABASE_URL set to this database to use it.');
  return lines.join('\n');
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  let values: { data?: string; to?: string; help?: boolean; quiet?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' }, quiet: { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const missing = [!values.data && '--data DIR', !values.to && '--to URL'].filter(Boolean);
  if (missing.length > 0) {
    err(`Missing ${missing.join(' and ')}\n\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  let lastLine = started;
  const onProgress = (p: CopyProgress): void => {
    // Each table when it is done; a big one also every few seconds on the way.
    if (!p.done && Date.now() - lastLine < 5_000) return;
    lastLine = Date.now();
    err(`  ${p.table}: ${p.rows}${p.done ? '' : ` of ${p.total}`} ${p.table === 'attachment_blobs' ? 'files' : 'rows'}`);
  };
  try {
    const result = await copySqliteToPostgres({ dataDir: values.data!, databaseUrl: values.to!, onProgress: values.quiet ? undefined : onProgress });
    out(summaryText(result, values.to!, Date.now() - started));
    return 0;
  } catch (error) {
    if (error instanceof MigrateRefusal) {
      err(`Refused: ${error.message}`);
      return error.exitCode;
    }
    err(`Failed, nothing was copied (the transaction was rolled back): ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function runDirectly(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(resolve(process.argv[1])) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (runDirectly()) process.exitCode = await main(process.argv.slice(2));
