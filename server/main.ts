/**
 * CLI: npx tsx server/main.ts [--data DIR] [--port N] [--host 127.0.0.1]
 * [--trust-proxy]  (client IPs from X-Forwarded-For; only behind your own reverse proxy)
 * [--updates DIR]  (the workstation's update files, GET /updates/:file; default DATA/updates)
 * Env: KEFU_DATA_DIR, KEFU_DATABASE_URL (postgres://…: PostgreSQL instead of SQLite),
 * KEFU_REDIS_URL (redis://…: several nodes on one PostgreSQL), KEFU_NODE_ID, KEFU_PRESENCE_HEARTBEAT_MS, KEFU_PORT, KEFU_TRUST_PROXY=1, KEFU_UPDATES_DIR, KEFU_WIDGET_RATE_LIMITS (see
 * server/http/widget-rate-limit-config.ts). Seeds demo accounts into an empty database and says so.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { UPDATES_PATH } from '../shared/protocol/updates.js';
import { createServer } from './app.js';
import { DEFAULT_PORT, defaultDataDir } from './config.js';
import { widgetRateLimitsFromEnv, type WidgetRateLimitOptions } from './http/widget-rate-limit-config.js';
import { SEED_CREDENTIALS } from './store/seed.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'trust-proxy': { type: 'boolean', default: false },
    updates: { type: 'string' },
  },
});

const dataDir = values.data ?? process.env.KEFU_DATA_DIR ?? defaultDataDir();
const updatesDir = values.updates ?? (process.env.KEFU_UPDATES_DIR || join(dataDir, 'updates'));
const port = Number(values.port ?? process.env.KEFU_PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${values.port ?? process.env.KEFU_PORT}`);
  process.exit(2);
}

let widgetRateLimits: WidgetRateLimitOptions;
try {
  widgetRateLimits = widgetRateLimitsFromEnv(process.env.KEFU_WIDGET_RATE_LIMITS);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(2);
}

const databaseUrl = process.env.KEFU_DATABASE_URL || undefined;
const server = await createServer({
  dataDir,
  databaseUrl,
  redisUrl: process.env.KEFU_REDIS_URL || undefined,
  nodeId: process.env.KEFU_NODE_ID || undefined,
  presenceHeartbeatMs: Number(process.env.KEFU_PRESENCE_HEARTBEAT_MS) || undefined,
  port,
  host: values.host ?? '127.0.0.1',
  logger: !values.quiet,
  trustProxy: values['trust-proxy'] || /^(1|true|yes)$/i.test(process.env.KEFU_TRUST_PROXY ?? ''),
  widgetRateLimits,
  updatesDir,
});
console.log(`Kefu Desk server listening on ${server.url}  (data: ${databaseUrl ? `PostgreSQL ${new URL(databaseUrl).host}` : dataDir})`);
console.log(`  visitor widget: ${server.url}/widget    API docs: ${server.url}/api/docs/json`);
console.log(`  workstation updates: ${server.url}${UPDATES_PATH}/  (from ${updatesDir})`);
if (server.seeded) {
  console.log('First start: demo accounts created. Log in to the workstation with:');
  console.log(`  admin  ${SEED_CREDENTIALS.admin.account} / ${SEED_CREDENTIALS.admin.password}`);
  for (const a of SEED_CREDENTIALS.agents) console.log(`  agent  ${a.account} / ${a.password}  (${a.nickname})`);
}

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing`);
  server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
