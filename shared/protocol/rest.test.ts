import { describe, expect, it } from 'vitest';
import { SendMessageBodySchema, routePath, routes } from './rest.js';
import { uuidv7 } from '../ids.js';

describe('route table', () => {
  it('gives every route with a :param in its path a params schema naming it', () => {
    for (const [name, route] of Object.entries(routes)) {
      const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      if (names.length === 0) continue;
      expect(route, name).toHaveProperty('params');
      const shape = (route as { params: { shape: Record<string, unknown> } }).params.shape;
      expect(Object.keys(shape).sort(), name).toEqual([...names].sort());
    }
  });

  it('has one route per method and path', () => {
    const keys = Object.values(routes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('routePath', () => {
  it('fills and encodes parameters', () => {
    expect(routePath('/api/conversations/:id/messages', { id: 'a/b c' })).toBe('/api/conversations/a%2Fb%20c/messages');
  });

  it('refuses a missing parameter', () => {
    expect(() => routePath('/api/conversations/:id', {})).toThrow(/missing path parameter id/);
  });
});

describe('SendMessageBodySchema', () => {
  it('accepts a text message with a UUID client id', () => {
    expect(SendMessageBodySchema.safeParse({ clientId: uuidv7(), kind: 'text', text: '你好' }).success).toBe(true);
  });

  it.each([
    ['an unknown field', { clientId: uuidv7(), kind: 'text', text: 'x', html: '<b>' }],
    ['a blank text', { clientId: uuidv7(), kind: 'text', text: '   ' }],
    ['an oversized text', { clientId: uuidv7(), kind: 'text', text: 'a'.repeat(5001) }],
    ['a client id that is not a UUID', { clientId: '1', kind: 'text', text: 'x' }],
    ['an image without attachment', { clientId: uuidv7(), kind: 'image' }],
    ['a system message from a client', { clientId: uuidv7(), kind: 'system', text: 'x' }],
  ])('refuses %s', (_, body) => {
    expect(SendMessageBodySchema.safeParse(body).success).toBe(false);
  });
});
