/**
 * 访客监控 and 主动邀请 end to end (issue 14), in Chromium against the real server and a
 * workstation: a company page on 127.0.0.1 embeds widget.js; the agent sees the visitor browsing
 * it in 访客监控, invites them, the visitor accepts on the company page and is in a chat with that
 * agent. Then an admin's automatic rule (自动邀请) invites a visitor on a matching page once: the
 * visitor declines, moves to another matching page, and gets no second invitation (the cap).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { call, login } from './support/api.js';
import { AGENT1, ADMIN, AgentDesk } from './support/pages.js';
import { useStack } from './support/stack.js';
import { routes } from '../../shared/index.js';
import type { InvitationStats } from '../../shared/protocol/rest-site-visitors.js';

const stack = useStack(1);
let host: Server;
let hostUrl = '';

function hostPage(title: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><script src="${stack.server.url}/widget.js" async></script></body></html>`;
}

test.beforeAll(async () => {
  // The company's own site: every page carries the embed snippet.
  host = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const titles: Record<string, string> = {
      '/products/air-conditioner': '空调 KF-35 详情',
      '/sale/1': '双十二 特价一',
      '/sale/2': '双十二 特价二',
    };
    const title = titles[path];
    res.writeHead(title ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(title ? hostPage(title) : 'not found');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => host.close(() => resolve()));
});

async function visitorOn(browser: Browser, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${hostUrl}${path}`);
  return page;
}

/** The invitation card the widget shows over the company's page. */
const invitationCard = (page: Page) => page.getByRole('dialog', { name: '在线客服邀请' });

test('an agent invites a visitor browsing the site; the visitor accepts and chats with that agent', async ({ browser }) => {
  const INVITATION = '您好，这款空调正在做活动，需要帮您介绍吗？';
  const desk = await AgentDesk.open(browser, stack.desks[0]!.url);
  await desk.login(AGENT1);
  await desk.setStatus('在线');
  await desk.page.getByText('访客监控', { exact: true }).click();
  await expect(desk.page.getByText('当前没有访客在网站上')).toBeVisible();

  // The visitor opens a product page: the row appears live, with the page they are on.
  const visitor = await visitorOn(browser, '/products/air-conditioner');
  const row = desk.page.getByRole('row').filter({ hasText: '空调 KF-35 详情' });
  await expect(row).toBeVisible();
  await expect(row.getByText('浏览中')).toBeVisible();

  // 邀请, with the agent's own words.
  await row.getByRole('button', { name: /邀请/ }).click();
  await desk.page.getByLabel('邀请语（可选）').fill(INVITATION);
  await desk.page.getByRole('button', { name: '发送邀请' }).click();
  await expect(row.getByText('已邀请')).toBeVisible();

  // The company page shows the invitation with the agent's name and words; the visitor accepts.
  const card = invitationCard(visitor);
  await expect(card).toBeVisible();
  await expect(card.getByText('小王')).toBeVisible();
  await expect(card.getByText(INVITATION)).toBeVisible();
  await card.getByRole('button', { name: '接受邀请，开始咨询' }).click();
  await expect(card).toBeHidden();

  // The chat opens with that agent; the agent is told and the row says 对话中.
  const chat = visitor.frameLocator('iframe[title="在线客服对话窗口"]');
  await expect(chat.getByText('客服 小王 为您服务')).toBeVisible();
  await expect(desk.page.getByText('接受了邀请，对话已开始')).toBeVisible();
  await expect(row.getByText('对话中')).toBeVisible();
});

test('an automatic rule invites a visitor on a matching page once, and not again within its cap', async ({ browser }) => {
  const RULE_TEXT = '双十二特价进行中，有问题随时问我们';
  const AGENT_TEXT = '特价二也有现货，需要帮您下单吗？';
  const admin = await login(stack.server.url, ADMIN);
  await call(stack.server.url, 'POST', routes.createInvitationRule.path, admin, {
    name: '特价页',
    enabled: true,
    urlPattern: '/sale/*',
    dwellSeconds: 0,
    source: 'any',
    sourcePattern: '',
    returningOnly: false,
    groupId: null,
    text: RULE_TEXT,
    perVisitorPerDay: 1,
    perDay: 100,
  });
  // An agent who could take the chat: a rule only invites when someone can answer.
  const desk = await AgentDesk.open(browser, stack.desks[0]!.url);
  await desk.login(AGENT1);
  await desk.setStatus('在线');
  await desk.page.getByText('访客监控', { exact: true }).click();

  const visitor = await visitorOn(browser, '/sale/1');
  const card = invitationCard(visitor);
  await expect(card.getByText(RULE_TEXT)).toBeVisible();
  await card.getByRole('button', { name: '拒绝邀请' }).click();
  await expect(card).toBeHidden();

  // Another matching page: the rule is due at once there, but its cap (one per visitor per day) is
  // spent. The agent's own invitation goes through — it would be refused (邀请待回应) had the rule
  // invited again — and it is the agent's words the visitor reads.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const statsNow = () => call<InvitationStats>(stack.server.url, 'GET', `${routes.invitationStats.path}?from=${today}&to=${today}`, admin);
  const agentSentBefore = (await statsNow()).byAgent.find((a) => a.agentName === '小王')?.sent ?? 0;
  await visitor.goto(`${hostUrl}/sale/2`);
  const row = desk.page.getByRole('row').filter({ hasText: '双十二 特价二' });
  await expect(row.getByText('浏览中')).toBeVisible();
  await row.getByRole('button', { name: /邀请/ }).click();
  await desk.page.getByLabel('邀请语（可选）').fill(AGENT_TEXT);
  await desk.page.getByRole('button', { name: '发送邀请' }).click();
  await expect(row.getByText('已邀请')).toBeVisible();
  await expect(card.getByText(AGENT_TEXT)).toBeVisible();
  await expect(card.getByText(RULE_TEXT)).toBeHidden();

  const stats = await statsNow();
  expect(stats.byRule.find((r) => r.ruleName === '特价页')).toMatchObject({ sent: 1, declined: 1, accepted: 0 });
  expect(stats.byAgent.find((a) => a.agentName === '小王')).toMatchObject({ sent: agentSentBefore + 1, pending: 1 });
});
