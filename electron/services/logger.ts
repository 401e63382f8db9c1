/** One logger for the services (pino), quiet by default so tests and the CLI stay readable. */
import { pino } from 'pino';

/** `level` info is for expected trouble (reconnects, retries): hidden unless KEFU_LOG_LEVEL=info. */
export type Log = (message: string, detail?: unknown, level?: 'info' | 'warn' | 'error') => void;

export function createLog(name: string): Log {
  const logger = pino({ name, level: process.env.KEFU_LOG_LEVEL ?? 'warn' });
  return (message, detail, level = 'warn') => logger[level](detail === undefined ? {} : { detail }, message);
}
