/** What every catch-up scenario works with; the shell, its client and the page change on a restart. */
import type { Page } from 'playwright';
import type { ShellClient } from '../../../electron/services/test-support/shell-client.js';
import { waitFor } from '../../../electron/services/test-support/wait-for.js';
import type { ConnectionState } from '../../../shared/ipc/contract.js';
import type { CacheReader } from './cache.js';
import type { BenchVisitor } from './population.js';
import type { CatchUpStack } from './stack.js';

export interface Bench {
  stack: CatchUpStack;
  page: Page;
  /** A page-like client of the shell: the bench hears the services' events through it. */
  shell: ShellClient;
  cache: CacheReader;
  visitors: BenchVisitor[];
  /** The conversation open on screen; it receives the newest message of each flood. */
  target: BenchVisitor;
  adminToken: string;
}

export async function connectionState(shell: ShellClient): Promise<ConnectionState['state'] | null> {
  const state = await shell.invoke('connection:get-state', undefined);
  return state.ok ? (state.value as ConnectionState).state : null;
}

export function waitForState(shell: ShellClient, state: ConnectionState['state'], timeoutMs = 60_000): Promise<true> {
  return waitFor(`services ${state}`, async () => (await connectionState(shell)) === state || undefined, timeoutMs, 20);
}
