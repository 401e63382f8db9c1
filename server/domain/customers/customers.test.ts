import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerProfile, PageView } from '../../../shared/customers.js';
import type { CustomerCard } from '../../../shared/phone.js';
import { call, newVisitor } from '../../testing/harness.js';
import { createScene, dbFingerprint, goLive, visitorChat, type Scene } from '../../testing/scene.js';
import { campaignOf, searchSource } from './traffic.js';
import { parseUserAgent } from './user-agent.js';
import { isPrivateIp, regionOf } from './region.js';

type ErrorBody = { error: { code: string; details?: Record<string, string> } };
const CHROME_WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

describe('traffic source, user agent, region (pure)', () => {
  it('reads search keywords of the common engines and utm_* parameters', () => {
    expect(searchSource('https://www.baidu.com/s?wd=%E9%80%80%E8%B4%A7%E6%94%BF%E7%AD%96')).toEqual({ searchEngine: 'baidu', searchKeyword: '退货政策' });
    expect(searchSource('https://m.baidu.com/s?word=空调')).toEqual({ searchEngine: 'baidu', searchKeyword: '空调' });
    expect(searchSource('https://www.google.com/search?q=kefu+desk')).toEqual({ searchEngine: 'google', searchKeyword: 'kefu desk' });
    expect(searchSource('https://cn.bing.com/search?q=客服')).toEqual({ searchEngine: 'bing', searchKeyword: '客服' });
    expect(searchSource('https://www.sogou.com/web?query=冰箱')).toEqual({ searchEngine: 'sogou', searchKeyword: '冰箱' });
    expect(searchSource('https://www.so.com/s?q=洗衣机')).toEqual({ searchEngine: '360', searchKeyword: '洗衣机' });
    expect(searchSource('https://www.google.com/')).toEqual({ searchEngine: 'google', searchKeyword: '' });
    expect(searchSource('https://notbaidu.com/s?wd=x')).toEqual({ searchEngine: '', searchKeyword: '' });
    expect(campaignOf('https://shop.example.cn/?utm_source=wechat&utm_medium=cpc&utm_campaign=双十一')).toEqual({
      source: 'wechat',
      medium: 'cpc',
      name: '双十一',
      term: '',
      content: '',
    });
  });

  it('names browser and OS', () => {
    expect(parseUserAgent(CHROME_WIN)).toEqual({ browser: 'Chrome 131', os: 'Windows 10/11' });
    expect(
      parseUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86'),
    ).toEqual({ browser: 'Edge 131', os: 'Windows 10/11' });
    expect(
      parseUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50'),
    ).toEqual({ browser: '微信 8', os: 'iOS 17' });
    expect(parseUserAgent('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15')).toEqual({
      browser: 'Safari 17',
      os: 'macOS 10.15',
    });
    expect(parseUserAgent('curl/8.0')).toEqual({ browser: '', os: '' });
  });

  it('finds regions offline; private addresses are 内网, junk is unknown', () => {
    expect(regionOf('114.114.114.114')).toContain('江苏');
    expect(regionOf('::ffff:114.114.114.114')).toContain('江苏');
    expect(regionOf('240e:0:0:0::1')).toContain('中国');
    for (const ip of ['127.0.0.1', '::1', '10.1.2.3', '192.168.1.9', '172.20.0.1', '::ffff:127.0.0.1']) expect([ip, regionOf(ip)]).toEqual([ip, '内网']);
    expect(isPrivateIp('8.8.8.8')).toBe(false);
    expect(regionOf('not-an-ip')).toBe('');
  });
});

describe('customer routes (real server)', () => {
  let scene: Scene;
  let url: string;
  beforeAll(async () => {
    scene = await createScene();
    url = scene.server.url;
    await goLive(scene, scene.agent1);
  });
  afterAll(() => scene.dispose());

  const report = (token: string, body: unknown, headers: Record<string, string> = {}) =>
    call<PageView & ErrorBody>(url, 'POST', '/api/visitor/page-views', { token, body, headers });
  const profile = (token: string, visitorId: string) => call<CustomerProfile & ErrorBody>(url, 'GET', `/api/visitors/${visitorId}/profile`, { token });
  const patch = (token: string, visitorId: string, body: unknown) =>
    call<CustomerProfile & ErrorBody>(url, 'PATCH', `/api/visitors/${visitorId}/profile`, { token, body });

  it('records the trail with dwell times and the traffic source; the serving agent gets customer.changed live', async () => {
    const chat = await visitorChat(scene);
    const ws = scene.agent1.ws!;
    const from = ws.frames.length;
    const a = await report(
      chat.token,
      { url: 'https://shop.example.cn/a?utm_source=baidu&utm_campaign=sale', title: '页面A', referrer: 'https://www.baidu.com/s?wd=退货' },
      { 'user-agent': CHROME_WIN },
    );
    expect(a.status).toBe(200);
    await ws.waitFor((f) => f.type === 'customer.changed' && f.visitorId === chat.visitorId, 5000, from);
    scene.server.clock.advance(42_000);
    const left = await call<PageView>(url, 'POST', `/api/visitor/page-views/${a.body.id}/leave`, { token: chat.token });
    expect(left.body.dwellMs).toBe(42_000);
    const b = await report(
      chat.token,
      { url: 'https://shop.example.cn/b', title: '页面B', referrer: 'https://shop.example.cn/a' },
      { 'user-agent': CHROME_WIN },
    );
    expect(b.status).toBe(200);

    const seen = await profile(scene.agent1.token, chat.visitorId);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      nickname: '访客',
      browser: 'Chrome 131',
      os: 'Windows 10/11',
      region: '内网',
      searchEngine: 'baidu',
      searchKeyword: '退货',
      firstReferrer: 'https://www.baidu.com/s?wd=退货',
      landingPage: 'https://shop.example.cn/a?utm_source=baidu&utm_campaign=sale',
    });
    expect(seen.body.campaign).toMatchObject({ source: 'baidu', name: 'sale' });
    expect(seen.body.trail.map((v) => [v.title, v.dwellMs])).toEqual([
      ['页面B', null],
      ['页面A', 42_000],
    ]);
    expect(seen.body.currentPage?.title).toBe('页面B');
  });

  it('ignores X-Forwarded-For unless the server trusts a proxy', async () => {
    const visitor = await newVisitor(url);
    await report(visitor.token, { url: 'https://shop.example.cn/' }, { 'x-forwarded-for': '114.114.114.114' });
    const seen = await profile(scene.admin.token, visitor.visitorId);
    expect(seen.body.region).toBe('内网');

    const { startTestServer } = await import('../../testing/harness.js');
    const trusting = await startTestServer({ trustProxy: true });
    try {
      const v = await newVisitor(trusting.url);
      await call(trusting.url, 'POST', '/api/visitor/page-views', {
        token: v.token,
        body: { url: 'https://shop.example.cn/' },
        headers: { 'x-forwarded-for': '114.114.114.114' },
      });
      const admin = await call<{ token: string }>(trusting.url, 'POST', '/api/auth/login', { body: { account: 'admin', password: 'admin123' } });
      const got = await call<CustomerProfile>(trusting.url, 'GET', `/api/visitors/${v.visitorId}/profile`, { token: admin.body.token });
      expect(got.body.region).toContain('江苏');
    } finally {
      await trusting.dispose();
    }
  });

  it('refuses bad page views and changes nothing', async () => {
    const visitor = await newVisitor(url);
    const before = dbFingerprint(scene.server);
    const bad: [unknown, string][] = [
      [{ url: 'javascript:alert(1)' }, 'body.url'],
      [{ url: 'data:text/html,<script>x</script>' }, 'body.url'],
      [{ url: '/relative' }, 'body.url'],
      [{ url: `https://a.cn/${'x'.repeat(3000)}` }, 'body.url'],
      [{ url: 'https://a.cn/', title: 't'.repeat(300) }, 'body.title'],
      [{ url: 'https://a.cn/', referrer: 'file:///etc/passwd' }, 'body.referrer'],
      [{ url: 'https://a.cn/', visitorId: 'someone-else' }, 'body'],
      [{ url: 42 }, 'body.url'],
    ];
    for (const [body, field] of bad) {
      const res = await report(visitor.token, body);
      expect([res.status, res.body.error.code, Object.keys(res.body.error.details ?? {}).some((k) => k.startsWith(field))]).toEqual([
        400,
        'VALIDATION_FAILED',
        true,
      ]);
    }
    expect((await report(scene.agent1.token, { url: 'https://a.cn/' })).body.error.code).toBe('FORBIDDEN');
    expect((await call(url, 'POST', '/api/visitor/page-views', { body: { url: 'https://a.cn/' } })).status).toBe(401);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('a visitor leaves only its own page views', async () => {
    const one = await newVisitor(url);
    const other = await newVisitor(url);
    const view = await report(one.token, { url: 'https://a.cn/' });
    const before = dbFingerprint(scene.server);
    const res = await call<ErrorBody>(url, 'POST', `/api/visitor/page-views/${view.body.id}/leave`, { token: other.token });
    expect([res.status, res.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('agents read and edit only visitors they serve; admins all', async () => {
    const chat = await visitorChat(scene);
    const stranger = await newVisitor(url);
    expect((await profile(scene.agent2.token, chat.visitorId)).body.error.code).toBe('FORBIDDEN');
    expect((await profile(scene.agent1.token, stranger.visitorId)).body.error.code).toBe('FORBIDDEN');
    expect((await profile(scene.admin.token, stranger.visitorId)).status).toBe(200);
    expect((await profile(scene.admin.token, 'no-such-visitor')).body.error.code).toBe('NOT_FOUND');
    expect((await profile(chat.token, chat.visitorId)).body.error.code).toBe('FORBIDDEN');
    const before = dbFingerprint(scene.server);
    expect((await patch(scene.agent2.token, chat.visitorId, { tags: ['VIP'] })).body.error.code).toBe('FORBIDDEN');
    expect(dbFingerprint(scene.server)).toBe(before);
  });

  it('sets tags and contact fields; bad ones are refused with the field named', async () => {
    const chat = await visitorChat(scene);
    const before = dbFingerprint(scene.server);
    const bad: [unknown, string][] = [
      [{ phone: 'abc' }, 'body.phone'],
      [{ phone: '12' }, 'body.phone'],
      [{ email: 'not-mail' }, 'body.email'],
      [{ tags: ['VIP', 'VIP'] }, 'body.tags'],
      [{ tags: ['x'.repeat(21)] }, 'body.tags.0'],
      [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'body.tags'],
      [{ note: 'unknown field' }, 'body'],
      [{}, 'body'],
    ];
    for (const [body, field] of bad) {
      const res = await patch(scene.agent1.token, chat.visitorId, body);
      expect([res.status, res.body.error.code, Object.keys(res.body.error.details ?? {}).some((k) => k.startsWith(field))]).toEqual([
        400,
        'VALIDATION_FAILED',
        true,
      ]);
    }
    expect(dbFingerprint(scene.server)).toBe(before);

    const ok = await patch(scene.agent1.token, chat.visitorId, { tags: ['VIP', '老客户'], phone: '+86 139-0013-9000', email: 'wang@example.cn' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ tags: ['VIP', '老客户'], phone: '+86 139-0013-9000', email: 'wang@example.cn' });
    expect(ok.body.customerId).toBeTruthy();

    // The phone screen pop for that number now lists this visitor's chat.
    const card = await call<CustomerCard>(url, 'GET', '/api/customers/lookup?number=13900139000', { token: scene.agent1.token });
    expect(card.body.customer?.id).toBe(ok.body.customerId);
    expect(card.body.recentConversations.map((c) => c.id)).toContain(chat.conversationId);

    const cleared = await patch(scene.agent1.token, chat.visitorId, { phone: '' });
    expect([cleared.body.phone, cleared.body.customerId, cleared.body.tags]).toEqual(['', null, ['VIP', '老客户']]);
  });
});
