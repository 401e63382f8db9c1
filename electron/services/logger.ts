/**
 * One logger for the services (pino): every line goes through one root logger whose sinks are the
 * terminal (quiet by default, so tests and the CLI stay readable) and, once a shell starts file
 * logging (logging/file-logging.ts), the rotating log files support asks for. Messages and details
 * are redacted (logging/redact.ts) before any sink sees them: log files leave the machine.
 */
import { pino, type Level } from 'pino';
import { redactSecrets, redactText } from './logging/redact.js';

/** `level` info is for expected trouble (reconnects, retries): hidden unless KEFU_LOG_LEVEL=info. */
export type Log = (message: string, detail?: unknown, level?: 'info' | 'warn' | 'error') => void;

/** The terminal's level, as before: warnings and errors unless KEFU_LOG_LEVEL says otherwise. */
const terminalLevel = (process.env.KEFU_LOG_LEVEL ?? 'warn') as Level;
/** Files keep info too: the reconnects and retries are what support reads first. */
export const FILE_LOG_LEVEL: Level = 'info';

const lowest = (a: Level, b: Level): Level => (pino.levels.values[a]! <= pino.levels.values[b]! ? a : b);

// stdout, as pino's default was: scripts/start.mjs sorts the JSON lines of its children into a file.
const sinks = pino.multistream([{ level: terminalLevel, stream: pino.destination(1) }]);
// No hostname in the lines (pino's default): the files go to support, the machine's name need not.
const root = pino({ level: lowest(terminalLevel, FILE_LOG_LEVEL), base: { pid: process.pid } }, sinks);

/** Adds a sink for every logger (existing and future); returns its removal. */
export function addLogSink(stream: pino.DestinationStream, level: Level): () => void {
  sinks.add({ level, stream });
  // `lastId` is in pino's multistream API docs (the id `remove` takes) but not in its typings.
  const id = (sinks as unknown as { lastId: number }).lastId;
  return () => void sinks.remove(id);
}

export function createLog(name: string): Log {
  const logger = root.child({ name });
  return (message, detail, level = 'warn') => logger[level](detail === undefined ? {} : { detail: redactSecrets(detail) }, redactText(message));
}
