/**
 * 通知 end to end, in Chromium against the real server and workstation services: an admin sends a
 * notice to everyone in the console; an online workstation pops it up at once and counts it
 * unread in the header; the agent marks it read; the console's who-has-read view shows it read.
 */
import { expect, test } from '@playwright/test';
import { AGENT1, ADMIN, AgentDesk } from './support/pages.js';
import { useStack } from './support/stack.js';

const stack = useStack(1);

test('an admin sends a notice: the online workstation shows it at once, the agent reads it, the console shows who has read', async ({ browser }) => {
  const desk = await AgentDesk.open(browser, stack.desks[0]!.url);
  await desk.login(AGENT1);
  await expect(desk.page.getByRole('button', { name: '通知', exact: true })).toBeVisible();

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const console = await context.newPage();
  await console.goto(`${stack.server.url}/admin`);
  await console.getByLabel('账号').fill(ADMIN.account);
  await console.getByLabel('密码').fill(ADMIN.password);
  await console.getByRole('button', { name: '登录' }).click();
  await console.getByRole('navigation', { name: '管理中心导航' }).getByText('通知').click();
  await console.getByLabel('标题').fill('今晚系统维护');
  await console.getByLabel('内容').fill('22:00 至 23:00 系统维护，请提前保存工作。');
  await console.getByRole('button', { name: '发送' }).click();
  const sent = console.getByRole('table', { name: '已发送的通知列表' });
  await expect(sent.getByRole('row', { name: /今晚系统维护/ })).toContainText('0 / 2');

  // The workstation pops it up at once and counts it unread in the header.
  const popup = desk.page.locator('.ant-notification-notice').filter({ hasText: '新通知：今晚系统维护' });
  await expect(popup).toBeVisible();
  await expect(popup).toContainText('22:00 至 23:00 系统维护');
  await expect(desk.page.getByRole('button', { name: '通知（1 条未读）' })).toBeVisible();

  // The list shows it unread; the agent marks it read there.
  await desk.page.getByRole('button', { name: '通知（1 条未读）' }).click();
  const drawer = desk.page.getByRole('dialog', { name: '通知' });
  await expect(drawer.getByText('未读')).toBeVisible();
  await drawer.getByRole('button', { name: '标记“今晚系统维护”已读' }).click();
  await expect(drawer.getByText('未读')).toHaveCount(0);
  await expect(popup).toHaveCount(0);
  await expect(desk.page.getByRole('button', { name: '通知', exact: true })).toBeVisible();

  // The console shows agent1 among those who have read it (刷新 reads it again).
  await console.getByRole('button', { name: '查看“今晚系统维护”的已读情况' }).click();
  const receipts = console.getByRole('dialog', { name: '“今晚系统维护”的已读情况' });
  await expect(async () => {
    await receipts.getByRole('button', { name: '刷新' }).click();
    await expect(receipts.getByRole('region', { name: '已读（1）' })).toContainText('agent1', { timeout: 1000 });
  }).toPass();
  await expect(receipts.getByRole('region', { name: '未读（1）' })).toContainText('agent2');
});
