/**
 * 管理中心 as an admin uses it, in Chromium against the real server: a group and an agent made in
 * the console; the agent logs into a workstation and gets a chat through the group's widget link;
 * the admin disables the agent mid-chat — the workstation is logged out saying why, the chat moves
 * to another agent with its history, nothing lost — and the audit log shows what was done.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { call, login, textsFrom, transcript } from './support/api.js';
import { AGENT2, ADMIN, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';
import type { AdminGroup, Agent } from '../../shared/index.js';

const stack = useStack(2);

async function openConsole(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${stack.server.url}/admin`);
  await page.getByLabel('账号').fill(ADMIN.account);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('navigation', { name: '管理中心导航' })).toBeVisible();
  return page;
}

test('an admin builds a group and an agent, then disables the agent mid-chat: the chat moves on with its history', async ({ browser }) => {
  const console = await openConsole(browser);
  const nav = console.getByRole('navigation', { name: '管理中心导航' });

  // 技能组: a new group.
  await nav.getByText('技能组').click();
  await console.getByRole('button', { name: '新建技能组' }).click();
  await console.getByRole('dialog').getByLabel('名称').fill('退货组');
  await console.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(console.getByRole('table', { name: '技能组列表' }).getByText('退货组')).toBeVisible();
  // Its 接入代码: the link the company puts on its pages for this group.
  await console.getByRole('button', { name: '退货组 的接入代码' }).click();
  const entryLink = await console.getByRole('textbox', { name: '咨询链接' }).inputValue();
  await console.keyboard.press('Escape');
  await expect(console.getByRole('dialog')).toHaveCount(0);

  // 客服管理: a new agent in it.
  await nav.getByText('客服管理').click();
  await console.getByRole('button', { name: '新建客服' }).click();
  const form = console.getByRole('dialog');
  await form.getByLabel('账号').fill('zhou.qi');
  await form.getByLabel('昵称').fill('小周');
  await form.getByLabel('密码', { exact: true }).fill('Tuihuo-2026');
  await form.getByLabel('技能组').click();
  await console.locator('.ant-select-dropdown').getByText('退货组', { exact: true }).click();
  await form.getByRole('button', { name: '保存' }).click();
  const agentsTable = console.getByRole('table', { name: '客服列表' });
  await expect(agentsTable.getByText('zhou.qi')).toBeVisible();

  // agent2 joins the group too, 忙碌 for now: new chats go to 在线 agents only.
  const adminToken = await login(stack.server.url);
  const group = (await call<AdminGroup[]>(stack.server.url, 'GET', '/api/admin/groups', adminToken)).find((g) => g.name === '退货组')!;
  expect(entryLink).toBe(`${stack.server.url}/widget?group=${group.id}`);
  const agents = await call<Agent[]>(stack.server.url, 'GET', '/api/agents', adminToken);
  await call(stack.server.url, 'PATCH', `/api/admin/agents/${agents.find((a) => a.account === 'agent2')!.id}`, adminToken, { groupId: group.id });

  const zhou = await AgentDesk.open(browser, stack.desks[0]!.url);
  // Made in the console: the agent chooses their own password at the first login.
  await zhou.loginChangingPassword({ account: 'zhou.qi', password: 'Tuihuo-2026' }, 'Xiaozhou-2026');
  await zhou.setStatus('在线');
  const other = await AgentDesk.open(browser, stack.desks[1]!.url);
  await other.login(AGENT2);
  await other.setStatus('忙碌');

  // A visitor comes through the group's widget link (as the console gave it) and is served by the new agent.
  const visitor = await VisitorWidget.open(browser, stack.server.url, new URL(entryLink).search);
  await visitor.startChat();
  await expect(visitor.page.getByText('客服 小周 为您服务')).toBeVisible();
  await visitor.send('我想退货，订单号 20261207');
  const roomNo = await visitor.roomNo(stack.server.url);
  await zhou.openConversation(roomNo);
  await expect(zhou.messageLog().getByText('我想退货，订单号 20261207')).toBeVisible();
  await zhou.send('好的，我帮您查一下');
  await expect(visitor.page.getByText('好的，我帮您查一下')).toBeVisible();

  // Mid-chat, the admin disables the agent.
  await console.getByRole('button', { name: '停用 zhou.qi' }).click();
  await console.getByRole('dialog').getByRole('button', { name: '停用' }).click();
  await expect(agentsTable.getByText('zhou.qi')).toHaveCount(0); // the list shows enabled accounts

  // The workstation is logged out at once and says why.
  await expect(zhou.page.getByText('账号已被停用，请联系管理员。')).toBeVisible();
  await expect(zhou.page.getByLabel('我的状态')).toHaveCount(0);

  // The chat went back to the group's queue; agent2 goes 在线 and gets it, with everything said so far.
  await other.setStatus('在线');
  await other.openConversation(roomNo);
  await expect(other.messageLog().getByText('我想退货，订单号 20261207')).toBeVisible();
  await expect(other.messageLog().getByText('好的，我帮您查一下')).toBeVisible();
  await expect(other.messageLog().getByText(/小周 已停用/)).toBeVisible();
  await other.send('您好，我接着为您处理');
  await expect(visitor.page.getByText('您好，我接着为您处理')).toBeVisible();

  // Nothing lost: the stored transcript holds every message in order.
  const conversationId = (
    await call<{ conversation: { id: string } }>(stack.server.url, 'POST', '/api/visitor/session', undefined, { token: await visitor.token() })
  ).conversation.id;
  const stored = await transcript(stack.server.url, adminToken, conversationId);
  expect(textsFrom(stored, 'visitor')).toEqual(['我想退货，订单号 20261207']);
  expect(textsFrom(stored, 'agent')).toEqual(['好的，我帮您查一下', '您好，我接着为您处理']);

  // The disabled account cannot log in again.
  const refused = await fetch(`${stack.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: 'zhou.qi', password: 'Xiaozhou-2026' }),
  });
  expect(refused.status).toBe(401);

  // 操作日志 names each step, newest first.
  await nav.getByText('操作日志').click();
  const log = console.getByRole('table', { name: '操作日志列表' });
  await expect(log.getByRole('row').nth(1)).toContainText('停用客服');
  await expect(log).toContainText('新建技能组');
});

test('the workstation offers 管理中心 to admins only', async ({ browser }) => {
  const admin = await AgentDesk.open(browser, stack.desks[0]!.url);
  await admin.login(ADMIN);
  const link = admin.page.getByRole('link', { name: '管理中心' });
  await expect(link).toHaveAttribute('href', `${stack.server.url}/admin`);
  const agent = await AgentDesk.open(browser, stack.desks[1]!.url);
  await agent.login(AGENT2);
  await expect(agent.page.getByRole('link', { name: '管理中心' })).toHaveCount(0);
});
