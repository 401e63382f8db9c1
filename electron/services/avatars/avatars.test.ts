import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../shared/domain.js';
import type { EventPayload } from '../../../shared/ipc/contract.js';
import { loginOnline, openDesk, startStack, type Desk, type Stack } from '../test-support/agent-harness.js';
import { waitFor } from '../test-support/wait-for.js';

/** A real 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/**
 * Real server process, real workstation services: 我的头像 set and removed from the workstation (the
 * server's byte checks refuse what is not a picture), the session's agent and the page following,
 * and any agent's picture reaching the page through the services as base64 (the page has no token).
 */
describe('avatars in the workstation', () => {
  let stack: Stack;
  let desk: Desk;
  const updates: EventPayload<'agent:updated'>[] = [];

  const me = async (): Promise<Agent> => {
    const snapshot = await desk.invoke('session:get-snapshot', undefined);
    if (!snapshot.ok || !snapshot.value.agent) throw new Error('not logged in');
    return snapshot.value.agent;
  };

  beforeAll(async () => {
    stack = await startStack();
    desk = openDesk(stack.deskDir, stack.proxy.url);
    desk.workstation.on('agent:updated', (agent) => updates.push(agent));
    await loginOnline(desk);
  }, 60_000);
  afterAll(async () => {
    desk.workstation.close();
    await stack.close();
  });

  it('refuses what is not a picture, and a request that is not one, changing nothing', async () => {
    const refused = await desk.invoke('avatars:set-mine', { dataBase64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64') });
    expect(refused.ok ? null : refused.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // The contract refuses before the server is asked: nothing but the bytes.
    const extra = await desk.invoke('avatars:set-mine', { dataBase64: PNG, agentId: 'someone-else' } as never);
    expect(extra.ok ? null : extra.error.code).toBe('VALIDATION_FAILED');
    expect((await me()).avatarId ?? null).toBeNull();
  });

  it('sets my avatar: the session, the page and the colleague list carry it, and its picture comes as base64', async () => {
    const set = await desk.invoke('avatars:set-mine', { dataBase64: PNG });
    if (!set.ok) throw new Error(set.error.message);
    const avatarId = set.value.avatarId!;
    expect(avatarId).toEqual(expect.any(String));
    expect((await me()).avatarId).toBe(avatarId);
    expect(updates.at(-1)?.avatarId).toBe(avatarId);

    const agents = await desk.invoke('agents:list', undefined);
    expect(agents.ok && agents.value.find((a) => a.id === set.value.id)?.avatarId).toBe(avatarId);
    const picture = await desk.invoke('avatars:get', { avatarId });
    expect(picture.ok && picture.value).toEqual({ mime: 'image/png', dataBase64: PNG });

    const removed = await desk.invoke('avatars:remove-mine', undefined);
    expect(removed.ok && removed.value.avatarId).toBeNull();
    await waitFor('page told', () => (updates.at(-1)?.avatarId === null ? true : null));
    expect((await me()).avatarId).toBeNull();
    // The old picture is gone from the server.
    const gone = await desk.invoke('avatars:get', { avatarId });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
  });
});
