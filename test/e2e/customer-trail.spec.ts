/**
 * 顾客信息 / 轨迹 end to end: a company page on 127.0.0.1 embeds widget.js; the visitor lands on
 * page A from a Baidu search, moves to page B, then chats. The agent sees who they are, where they
 * came from and the trail A→B with dwell times, sets a 名片分类 tag and a phone (a bad phone is
 * refused by the field), and the panel's tabs all fit at 1366×768.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { AGENT1, AgentDesk } from './support/pages.js';
import { useStack } from './support/stack.js';

const stack = useStack(1);
let host: Server;
let hostUrl = '';

function hostPage(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1>${body}<script src="${stack.server.url}/widget.js" async></script></body></html>`;
}

test.beforeAll(async () => {
  // The company's own site: two pages, each with the embed snippet.
  host = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const pages: Record<string, string> = {
      '/a': hostPage('页面A 空调促销', '<a href="/b">去页面B</a>'),
      '/b': hostPage('页面B 售后服务', '<p>售后</p>'),
    };
    const page = pages[path];
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? 'not found');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => host.close(() => resolve()));
});

async function roomNoOf(page: Page): Promise<string> {
  const chat = page.frames().find((f) => f.url().includes('/widget?') && !f.url().includes('mode=trail'));
  if (!chat) throw new Error('no chat frame');
  const token = await chat.evaluate(() => localStorage.getItem('kefu.widget.token'));
  const res = await fetch(`${stack.server.url}/api/visitor/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  const body = (await res.json()) as { conversation: { roomNo: string } | null };
  if (!body.conversation) throw new Error('no open conversation');
  return body.conversation.roomNo;
}

test('the agent sees the visitor, the traffic source and the trail A→B; sets a tag and a phone', async ({ browser }) => {
  const agent = await AgentDesk.open(browser, stack.desks[0]!.url);
  await agent.login(AGENT1);
  await agent.setStatus('在线');

  const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, locale: 'zh-CN' });
  const visitor = await context.newPage();
  await visitor.goto(`${hostUrl}/a?utm_source=baidu&utm_medium=cpc&utm_campaign=双十一`, { referer: 'https://www.baidu.com/s?wd=空调 售后' });
  await expect(visitor.locator('#kefu-widget-trail')).toHaveCount(1);
  await visitor.waitForTimeout(2_200); // time on page A
  await visitor.getByRole('link', { name: '去页面B' }).click();
  await expect(visitor.getByRole('heading', { name: '页面B 售后服务' })).toBeVisible();

  await visitor.getByRole('button', { name: '在线客服' }).click();
  const chat = visitor.frameLocator('iframe[title="在线客服对话窗口"]');
  await chat.getByRole('button', { name: '开始咨询' }).click();
  const input = chat.getByRole('textbox', { name: '输入消息' });
  await input.fill('空调怎么报修？');
  await input.press('Enter');
  const roomNo = await roomNoOf(visitor);
  await agent.openConversation(roomNo);

  const page = agent.page;
  const helper = page.getByRole('complementary', { name: '对话交流辅助窗口' });
  await helper.getByRole('tab', { name: '顾客信息' }).click();
  const panel = helper.getByRole('region', { name: '顾客信息' });
  await expect(panel.getByText('访客', { exact: true })).toBeVisible();
  await expect(panel.getByText(/Chrom(e|ium) \d+/)).toBeVisible();
  await expect(panel.getByText('内网')).toBeVisible();
  await expect(panel.getByText('空调 售后 (baidu)')).toBeVisible();
  await expect(panel.getByText('baidu / cpc / 双十一')).toBeVisible();

  const trail = panel.getByRole('list', { name: '轨迹' });
  const items = trail.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('页面B 售后服务');
  await expect(items.nth(0)).toContainText('停留中');
  await expect(items.nth(1)).toContainText('页面A 空调促销');
  await expect(items.nth(1)).toContainText(/停留 \d+秒/);
  const link = items.nth(1).getByRole('link');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', /noopener/);

  // 名片分类
  const tags = panel.getByLabel('名片分类');
  await tags.fill('VIP');
  await tags.press('Enter');
  await expect(page.getByText('名片分类已保存')).toBeVisible();

  // A bad phone: a clear message by the field, nothing saved; then a good one.
  const phone = panel.getByRole('textbox', { name: '电话' });
  await phone.fill('12ab');
  await panel.getByRole('button', { name: '保存联系方式' }).click();
  await expect(panel.getByText(/请输入有效的电话号码/)).toBeVisible();
  await phone.fill('139 0013 9000');
  await panel.getByRole('button', { name: '保存联系方式' }).click();
  await expect(page.getByText('联系方式已保存')).toBeVisible();
  await expect(panel.getByRole('button', { name: /拨打 139 0013 9000/ })).toBeVisible();

  // Every helper tab is visible and inside the panel at 1366×768.
  await page.setViewportSize({ width: 1366, height: 768 });
  const box = (await helper.boundingBox())!;
  for (const name of ['顾客信息', '常用语', '知识库', '历史对话', '自动应答']) {
    const tab = helper.getByRole('tab', { name });
    await expect(tab).toBeVisible();
    const t = (await tab.boundingBox())!;
    expect(t.x >= box.x - 1 && t.x + t.width <= box.x + box.width + 1).toBe(true);
  }
  await helper.getByRole('tab', { name: '自动应答' }).click();
  await helper.getByRole('tab', { name: '顾客信息' }).click();
  await page.screenshot({ path: test.info().outputPath('customer-panel-1366x768.png') });
  await context.close();
});
