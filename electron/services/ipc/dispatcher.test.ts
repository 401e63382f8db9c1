import { afterEach, describe, expect, it } from 'vitest';
import { openDesk } from '../test-support/agent-harness.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';
import { createDispatcher } from './dispatcher.js';

afterEach(removeTempDirs);

// No server listens here: every check below must be decided before anything goes out.
const UNREACHABLE = 'http://127.0.0.1:9';

describe('the one dispatcher', () => {
  it('refuses unknown channels, including prototype names', async () => {
    const desk = openDesk(tempDir(), UNREACHABLE);
    const dispatch = createDispatcher(desk.workstation);
    for (const channel of ['nope:nothing', '__proto__', 'constructor', 'toString', '', 'session:get-snapshot ']) {
      const result = await dispatch(channel, undefined);
      expect(result.ok ? null : result.error.code, channel).toBe('VALIDATION_FAILED');
    }
    desk.workstation.close();
  });

  it('refuses bad payloads with details and changes nothing', async () => {
    const desk = openDesk(tempDir(), UNREACHABLE);
    const dispatch = createDispatcher(desk.workstation);
    const before = await dispatch('session:get-snapshot', undefined);
    const bad: [string, unknown][] = [
      ['settings:update', { language: 'fr' }],
      ['settings:update', { sendKey: 1 }],
      ['settings:update', { serverUrl: 'not a url' }],
      ['settings:update', { language: 'en', extra: true }],
      ['settings:update', 'en'],
      ['conversations:send-message', { conversationId: 'c1', kind: 'text', text: '' }],
      ['conversations:send-message', { conversationId: 'c1', kind: 'text', text: 'x'.repeat(5001) }],
      ['conversations:send-message', { conversationId: 'c1', kind: 'video', text: 'hi' }],
      ['conversations:send-message', { conversationId: 'c1', kind: 'image', file: { name: 'a.png' } }],
      ['conversations:send-message', { conversationId: '', kind: 'text', text: 'hi' }],
      ['conversations:retry-message', { clientId: 'not-a-uuid' }],
      ['session:login', { account: 'agent1', password: 'agent123' }],
      ['session:get-snapshot', { unexpected: 1 }],
      ['agent:set-status', { status: 'sleeping' }],
    ];
    for (const [channel, request] of bad) {
      const result = await dispatch(channel, request);
      expect(result.ok, `${channel} ${JSON.stringify(request).slice(0, 60)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION_FAILED');
        expect(Object.keys(result.error.details ?? {}).length).toBeGreaterThan(0);
      }
    }
    const after = await dispatch('session:get-snapshot', undefined);
    expect(after).toEqual(before);
    desk.workstation.close();
  });

  it('turns a handler exception into INTERNAL', async () => {
    const desk = openDesk(tempDir(), UNREACHABLE);
    const logged: string[] = [];
    const dispatch = createDispatcher({
      log: (message) => logged.push(message),
      handlers: { ...desk.workstation.handlers, 'topics:list': () => Promise.reject(new Error('boom')) },
    });
    const result = await dispatch('topics:list', undefined);
    expect(result.ok ? null : result.error.code).toBe('INTERNAL');
    expect(logged).toEqual(['handler topics:list failed']);
    desk.workstation.close();
  });

  it('accepts a valid call and applies it', async () => {
    const desk = openDesk(tempDir(), UNREACHABLE);
    const dispatch = createDispatcher(desk.workstation);
    const result = await dispatch('settings:update', { sendKey: 'ctrl-enter' });
    expect(result.ok && (result.value as { sendKey: string }).sendKey).toBe('ctrl-enter');
    const snapshot = await desk.invoke('session:get-snapshot', undefined);
    expect(snapshot.ok && snapshot.value.settings.sendKey).toBe('ctrl-enter');
    desk.workstation.close();
  });
});
