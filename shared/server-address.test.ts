import { describe, expect, it } from 'vitest';
import { BUILT_IN_SERVER_URL, parseServerUrl } from './server-address.js';

describe('parseServerUrl (服务器地址)', () => {
  it('answers the origin: scheme and host lower-cased, default port dropped, one trailing slash allowed', () => {
    expect(parseServerUrl('https://Kefu.Example.com/')).toEqual({ ok: true, url: 'https://kefu.example.com' });
    expect(parseServerUrl('  HTTP://10.0.0.5:3710  ')).toEqual({ ok: true, url: 'http://10.0.0.5:3710' });
    expect(parseServerUrl('https://kefu.example.com:443')).toEqual({ ok: true, url: 'https://kefu.example.com' });
    expect(parseServerUrl('http://[::1]:3710')).toEqual({ ok: true, url: 'http://[::1]:3710' });
    expect(parseServerUrl('https://客服.example.cn')).toEqual({ ok: true, url: 'https://xn--ubtq9x.example.cn' });
    expect(parseServerUrl(BUILT_IN_SERVER_URL)).toEqual({ ok: true, url: BUILT_IN_SERVER_URL });
  });

  it('refuses what is not an origin, saying which rule', () => {
    const problem = (text: string) => {
      const parsed = parseServerUrl(text);
      return parsed.ok ? 'accepted' : parsed.problem;
    };
    expect(problem('')).toBe('empty');
    expect(problem('   ')).toBe('empty');
    expect(problem(`https://${'a'.repeat(2048)}.com`)).toBe('too-long');
    expect(problem('kefu.example.com')).toBe('scheme');
    expect(problem('ftp://kefu.example.com')).toBe('scheme');
    expect(problem('javascript:alert(1)')).toBe('scheme');
    expect(problem('ws://kefu.example.com')).toBe('scheme');
    expect(problem('http://')).toBe('malformed');
    expect(problem('http://exa mple.com')).toBe('malformed');
    expect(problem('http://kefu.example.com:99999')).toBe('malformed');
    expect(problem('https://admin:pw@kefu.example.com')).toBe('credentials');
    expect(problem('https://kefu.example.com/kefu')).toBe('path');
    expect(problem('https://kefu.example.com/api/health')).toBe('path');
    expect(problem('https://kefu.example.com?x=1')).toBe('path');
    expect(problem('https://kefu.example.com/#top')).toBe('path');
    expect(problem('https://kefu.example.com?')).toBe('path');
  });
});
