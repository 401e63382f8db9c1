import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDesk, startStack } from '../test-support/agent-harness.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { waitFor } from '../test-support/wait-for.js';
import { createWorkstation } from '../workstation.js';
import { createNodeSecretStore } from './node-secret-store.js';
import { readFileSync, writeFileSync } from 'node:fs';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

describe('session', () => {
  it('node secret store: encrypted at rest, key file 0600, tampering reads as nothing', () => {
    const dir = tempDir();
    const store = createNodeSecretStore(dir);
    store.set('password:agent1', 'agent123');
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain('agent123');
    expect(createNodeSecretStore(dir).get('password:agent1')).toBe('agent123');
    const sealed = JSON.parse(readFileSync(join(dir, 'secrets.json'), 'utf8')) as Record<string, string>;
    const bytes = Buffer.from(sealed['password:agent1']!, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ 'password:agent1': bytes.toString('base64') }));
    expect(store.get('password:agent1')).toBeNull();
    store.set('password:agent1', 'agent123');
    store.delete('password:agent1');
    expect(store.get('password:agent1')).toBeNull();
  });

  it('wrong password is refused; remembered password + 自动登录 log in again on the next start', async () => {
    const stack = await startStack();
    cleanups.push(() => stack.close());
    const desk = openDesk(stack.deskDir, stack.proxy.url);
    const wrong = await desk.invoke('session:login', { account: 'agent1', password: 'nope-nope', rememberPassword: true, autoLogin: true, autoStart: false });
    expect(wrong.ok ? null : wrong.error.code).toBe('UNAUTHENTICATED');
    desk.workstation.close();

    const secretStore = createNodeSecretStore(stack.deskDir);
    const first = createWorkstation({ dataDir: stack.deskDir, serverUrl: stack.proxy.url, secretStore });
    const login = await first.handlers['session:login']({ account: 'agent1', password: 'agent123', rememberPassword: true, autoLogin: true, autoStart: true });
    expect(login.ok).toBe(true);
    const snapshot = await first.handlers['session:get-snapshot'](undefined);
    expect(snapshot.ok && snapshot.value.hasRememberedPassword).toBe(true);
    expect(snapshot.ok && snapshot.value.settings).toMatchObject({ rememberPassword: true, autoLogin: true, autoStart: true, lastAccount: 'agent1' });
    await first.handlers['session:logout'](undefined);
    first.close();

    const second = createWorkstation({ dataDir: stack.deskDir, serverUrl: stack.proxy.url, secretStore: createNodeSecretStore(stack.deskDir) });
    cleanups.push(() => second.close());
    await second.ready;
    await waitFor('auto-login', async () => {
      const state = await second.handlers['session:get-snapshot'](undefined);
      return state.ok && state.value.agent?.account === 'agent1';
    });
  });
});
