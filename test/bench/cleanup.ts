/**
 * Everything the chat bench starts (node processes, PostgreSQL, Redis, nginx, temp folders)
 * registers how to stop it here, so it is stopped on every way out: the normal end, a failed
 * target, the watchdog, Ctrl-C. Stops run newest first (nginx before its nodes, the nodes before
 * the database they use); what is still running at exit is SIGKILLed (proc-tree.ts).
 */
import { killStartedSync } from './proc-tree.js';

interface Entry {
  name: string;
  /** Runs the stop once; later calls get the same promise. */
  run: () => Promise<void>;
}

const entries: Entry[] = [];
/** Server processes (forked targets) that are running: SIGKILLed at exit if still there. */
const serverPids = new Set<number>();

/** A forked target process, from its start until it exited. */
export function trackServerPid(pid: number, exited: Promise<void>): void {
  serverPids.add(pid);
  void exited.then(() => serverPids.delete(pid));
}

/** Registers a stop; the returned function runs it now (once) and forgets it. */
export function onCleanup(name: string, stop: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  const entry: Entry = {
    name,
    run: () => {
      done ??= (async () => {
        const index = entries.indexOf(entry);
        if (index >= 0) entries.splice(index, 1);
        await stop();
      })();
      return done;
    },
  };
  entries.push(entry);
  return entry.run;
}

let running: Promise<string[]> | null = null;

/**
 * Stops everything still registered, newest first; a stop that fails or hangs does not hold up the
 * others. One pass at a time: a second caller (the watchdog while the run is stopping a failed
 * target) waits for the same pass, so nobody exits while a stop is still under way.
 */
export function cleanupAll(perStopMs = 20_000): Promise<string[]> {
  running ??= (async () => {
    const problems: string[] = [];
    while (entries.length > 0) {
      const entry = entries[entries.length - 1]!;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), perStopMs);
      });
      try {
        const outcome = await Promise.race([entry.run().then(() => 'ok' as const), timeout]);
        if (outcome === 'timeout') problems.push(`${entry.name}: did not stop within ${perStopMs} ms`);
      } catch (error) {
        problems.push(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        clearTimeout(timer);
        // run() took it off the list; a hung stop is given up on here.
        const index = entries.indexOf(entry);
        if (index >= 0) entries.splice(index, 1);
      }
    }
    return problems;
  })().finally(() => {
    running = null;
  });
  return running;
}

let installed = false;

/**
 * Ctrl-C / SIGTERM stop everything before exiting; at exit, whatever this process started and is
 * still alive is SIGKILLed (e.g. after a stop that hung).
 */
export function installExitCleanup(log: (line: string) => void): void {
  if (installed) return;
  installed = true;
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`${signal}: stopping what the bench started`);
    void cleanupAll(10_000).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.on('exit', () => {
    const killed = killStartedSync(serverPids);
    if (killed.length > 0) console.error(`bench exit: SIGKILLed what it had started and was still running: ${killed.join(', ')}`);
  });
}
