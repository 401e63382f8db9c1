import { describe, expect, it, vi } from 'vitest';
import { createAdminApi } from './admin-api.js';
import type { FetchResponse } from '../../shared/protocol/rest-client.js';

function answer(status: number, body: unknown): FetchResponse {
  const text = JSON.stringify(body);
  const response: FetchResponse = {
    ok: status < 300,
    status,
    headers: { get: () => null },
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    arrayBuffer: async () => new ArrayBuffer(0),
    clone: () => response,
  };
  return response;
}

const expired = answer(401, { error: { code: 'UNAUTHENTICATED', message: 'expired', details: { reason: 'expired' } } });

describe('createAdminApi', () => {
  it('calls the page origin with the session token, and a 401 ends the session', async () => {
    const urls: string[] = [];
    const onUnauthenticated = vi.fn();
    const api = createAdminApi({
      token: () => 't',
      onUnauthenticated,
      fetch: async (url, init) => {
        urls.push(`${init.method} ${url} ${init.headers?.authorization}`);
        return expired;
      },
    });
    const result = await api.call('adminListAgents', { query: { q: '王', state: 'all' } });
    expect(result.ok).toBe(false);
    expect(urls).toEqual(['GET /api/admin/agents?q=%E7%8E%8B&state=all Bearer t']);
    expect(onUnauthenticated).toHaveBeenCalledWith(expect.objectContaining({ code: 'UNAUTHENTICATED', details: { reason: 'expired' } }));
  });

  it('a wrong password at login ends no session', async () => {
    const onUnauthenticated = vi.fn();
    const api = createAdminApi({ token: () => null, onUnauthenticated, fetch: async () => expired });
    await api.call('login', { body: { account: 'a', password: 'b' } });
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });
});
