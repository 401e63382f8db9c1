import { afterEach, describe, expect, it } from 'vitest';
import { SITE_VISITOR_LIMITS } from '../../../shared/protocol/rest-site-visitors.js';
import { createDispatcher } from '../ipc/dispatcher.js';
import { openDesk } from '../test-support/agent-harness.js';
import { removeTempDirs, tempDir } from '../test-support/temp-dir.js';

afterEach(removeTempDirs);

// No server listens here: a refusal must be decided before anything goes out.
const UNREACHABLE = 'http://127.0.0.1:9';

describe('the 访客监控 channels refuse bad payloads', () => {
  it('site-visitors:invite, watch and unwatch answer VALIDATION_FAILED with details', async () => {
    const desk = openDesk(tempDir(), UNREACHABLE);
    const dispatch = createDispatcher(desk.workstation);
    const bad: [string, unknown][] = [
      ['site-visitors:invite', undefined],
      ['site-visitors:invite', 'v1'],
      ['site-visitors:invite', {}],
      ['site-visitors:invite', { visitorId: '' }],
      ['site-visitors:invite', { visitorId: 42 }],
      ['site-visitors:invite', { visitorId: 'v1', text: 'x'.repeat(SITE_VISITOR_LIMITS.invitationTextMax + 1) }],
      ['site-visitors:invite', { visitorId: 'v1', text: 7 }],
      ['site-visitors:invite', { visitorId: 'v1', clientId: 'mine' }],
      ['site-visitors:watch', { all: true }],
      ['site-visitors:unwatch', 'now'],
    ];
    for (const [channel, request] of bad) {
      const result = await dispatch(channel, request);
      const label = `${channel} ${JSON.stringify(request)?.slice(0, 60)}`;
      expect(result.ok, label).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, label).toBe('VALIDATION_FAILED');
      expect(Object.keys(result.error.details ?? {}).length, label).toBeGreaterThan(0);
    }
    desk.workstation.close();
  });

  it('a valid invite without a session is refused for the login, not sent', async () => {
    const desk = openDesk(tempDir(), UNREACHABLE);
    const result = await desk.invoke('site-visitors:invite', { visitorId: 'v1', text: '' });
    expect(result.ok || result.error.code).toBe('UNAUTHENTICATED');
    desk.workstation.close();
  });
});
