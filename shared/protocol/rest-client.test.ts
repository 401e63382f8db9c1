import { describe, expect, it } from 'vitest';
import { createRouteClient, urlFor, type FetchInit, type FetchResponse } from './rest-client.js';

/** A Response-like answer with a JSON body. */
function answer(status: number, body: unknown): FetchResponse {
  const text = JSON.stringify(body);
  const response: FetchResponse = {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: () => null },
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    arrayBuffer: async () => new ArrayBuffer(0),
    clone: () => response,
  };
  return response;
}

describe('urlFor', () => {
  it('keeps only the base origin, like new URL(path, base), and encodes the query', () => {
    expect(urlFor('http://127.0.0.1:3710/', '/api/me')).toBe('http://127.0.0.1:3710/api/me');
    expect(urlFor('http://h:1/x/y', '/api/a', { q: '张 三', groupId: undefined, n: 2 })).toBe('http://h:1/api/a?q=%E5%BC%A0%20%E4%B8%89&n=2');
    expect(urlFor('', '/api/me')).toBe('/api/me');
  });
});

describe('createRouteClient', () => {
  it('sends the route with token and body, and validates the answer', async () => {
    const sent: { url: string; init: FetchInit }[] = [];
    const client = createRouteClient({
      baseUrl: () => '',
      token: () => 't1',
      fetch: async (url, init) => {
        sent.push({ url, init });
        return answer(200, { id: 'g1', name: '售后', members: 0, openConversations: 0 });
      },
    });
    const result = await client.call('renameGroup', { params: { id: 'g1' }, body: { name: '售后' } });
    expect(result).toEqual({ ok: true, value: { id: 'g1', name: '售后', members: 0, openConversations: 0 } });
    expect(sent[0]?.url).toBe('/api/admin/groups/g1');
    expect(sent[0]?.init.method).toBe('PATCH');
    expect(sent[0]?.init.headers).toMatchObject({ authorization: 'Bearer t1', 'content-type': 'application/json' });
  });

  it("answers the server's error code, message and field details", async () => {
    const client = createRouteClient({
      baseUrl: () => '',
      token: () => null,
      fetch: async () => answer(400, { error: { code: 'VALIDATION_FAILED', message: 'bad', details: { 'body.password': 'too short' } } }),
    });
    expect(await client.call('me')).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'bad', details: { 'body.password': 'too short' } } });
  });

  it('an answer that does not match the schema is INTERNAL, an unreachable server NETWORK', async () => {
    const wrong = createRouteClient({ baseUrl: () => '', token: () => null, fetch: async () => answer(200, { nope: true }) });
    expect((await wrong.call('me')).ok).toBe(false);
    const down = createRouteClient({
      baseUrl: () => '',
      token: () => null,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    const result = await down.call('me');
    expect(!result.ok && result.error.code).toBe('NETWORK');
  });
});
