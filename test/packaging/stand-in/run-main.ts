/**
 * Child process entry: `node --import tsx --import register.mjs run-main.ts`, forked by the test
 * with its launch options in KEFU_STAND_IN. Sets the OS facts (process.platform too), loads the
 * built main bundle through the 'electron' → stand-in hook, then carries out the test's
 * operations (driver-ops.ts) and answers over the IPC channel.
 */
import { mock } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ops } from './driver-ops.js';
import { setFacts, type OsFacts } from './os-facts.js';
import { record } from './recorder.js';

export interface StandInLaunch {
  /** The built main bundle: dist/electron/main/index.js, in whichever layout. */
  main: string;
  facts: Partial<OsFacts>;
  /** Fake setInterval so the test can run the main's periodic checks (advanceIntervals). */
  fakeIntervals: boolean;
}

type Request = { id: number; op: keyof typeof ops; args: unknown[] };

const launch = JSON.parse(process.env.KEFU_STAND_IN ?? '{}') as StandInLaunch;
setFacts(launch.facts);
// The main decides per platform (tray size, auto-start, logoff events): pretend to be that one.
Object.defineProperty(process, 'platform', { value: launch.facts.platform ?? process.platform });
Object.defineProperty(process, 'resourcesPath', { value: launch.facts.resourcesPath ?? '' });
// Electron logs an unhandled rejection or exception in the main process and keeps running
// (Node would exit): record them so the test sees them and the process behaves like Electron's.
process.on('unhandledRejection', (reason) => record('process.unhandledRejection', [reason instanceof Error ? reason.stack : String(reason)]));
process.on('uncaughtException', (error) => record('process.uncaughtException', [error.stack ?? String(error)]));
if (launch.fakeIntervals) mock.timers.enable({ apis: ['setInterval'] });

process.on('message', (message: Request) => {
  const run = async () => (ops[message.op] as (...args: unknown[]) => unknown)(...message.args);
  run().then(
    (value) => process.send!({ id: message.id, ok: true, value: value ?? null }),
    (error: unknown) => process.send!({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

try {
  await import(pathToFileURL(launch.main).href);
  process.send!({ loaded: true });
} catch (error) {
  process.send!({ loaded: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
