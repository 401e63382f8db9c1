import { describe, expect, it, vi } from 'vitest';
import { parseLang, parseWidgetQuery, validId, widgetQuery } from './params.js';

describe('widget params', () => {
  it('accepts plain ids and the two languages', () => {
    const warn = vi.fn();
    expect(parseWidgetQuery('?group=presales_1&agent=a-9&lang=en', warn)).toEqual({ groupId: 'presales_1', agentId: 'a-9', lang: 'en' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('ignores ids with other characters or over 64 long, with one warning each', () => {
    const warn = vi.fn();
    const params = parseWidgetQuery(`?group=${encodeURIComponent('<script>')}&agent=${'x'.repeat(65)}`, warn);
    expect(params).toEqual({ lang: 'zh-CN' });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(validId('group', '售前', warn)).toBeUndefined();
    expect(validId('group', 'a b', warn)).toBeUndefined();
    expect(validId('group', 'x'.repeat(64), warn)).toBe('x'.repeat(64));
    expect(validId('group', '', warn)).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(4);
  });

  it('defaults to zh-CN and warns on an unknown language', () => {
    const warn = vi.fn();
    expect(parseLang(null, warn)).toBe('zh-CN');
    expect(parseLang('en-US', warn)).toBe('en');
    expect(parseLang('zh-TW', warn)).toBe('zh-CN');
    expect(warn).not.toHaveBeenCalled();
    expect(parseLang('fr', warn)).toBe('zh-CN');
    expect(warn).toHaveBeenCalledOnce();
  });

  it('round-trips through the iframe query', () => {
    const params = { groupId: 'g1', agentId: 'agent_2', lang: 'en' as const };
    expect(parseWidgetQuery(`?${widgetQuery(params)}`, () => undefined)).toEqual(params);
  });
});
