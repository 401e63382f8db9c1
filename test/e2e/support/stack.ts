/**
 * One backend and N workstations for the tests of a spec file, started before its first test and
 * stopped after its last.
 */
import { test } from '@playwright/test';
import { startServer, startWorkstation, type ManagedProcess } from './processes.js';

export interface Stack {
  server: ManagedProcess;
  desks: ManagedProcess[];
}

export function useStack(workstations: number): Stack {
  const stack = { desks: [] } as unknown as Stack;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    stack.server = await startServer();
    stack.desks = await Promise.all(Array.from({ length: workstations }, () => startWorkstation(stack.server.url)));
  });
  test.afterAll(async () => {
    await Promise.all(stack.desks.map((d) => d.stop()));
    await stack.server?.stop();
  });
  return stack;
}
