/**
 * 工作时间, live: a visitor has the widget open on 开始咨询; the admin closes today's hours in
 * 公司设置; without a reload the open widget turns into the 留言 form with the company's notice;
 * the visitor leaves a message; the admin opens today again and 开始咨询 comes back.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { call, login } from './support/api.js';
import { AGENT1, ADMIN, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';
import type { OfflineMessage } from '../../shared/index.js';

const stack = useStack(1);
const NOTICE = '现在是非工作时间，请留言，我们上班后尽快回复。';
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** Today's weekday in the company's zone (Asia/Shanghai, the default), as the console names it. */
function todayInShanghai(): string {
  const short = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', weekday: 'short' }).format(Date.now());
  return WEEKDAYS[['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(short)]!;
}

async function openSettings(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${stack.server.url}/admin`);
  await page.getByLabel('账号').fill(ADMIN.account);
  await page.getByLabel('密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: '管理中心导航' }).getByText('公司设置').click();
  await expect(page.getByRole('heading', { name: '工作时间' })).toBeVisible();
  return page;
}

test('closing today in the console turns an open widget into 留言 with the notice; opening brings 开始咨询 back', async ({ browser }) => {
  // Open round the clock, every day: whatever the hour of the run, the widget starts open.
  const admin = await login(stack.server.url);
  await call(stack.server.url, 'PATCH', '/api/admin/settings', admin, {
    businessHoursEnabled: true,
    businessHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
  });
  const agent = await AgentDesk.open(browser, stack.desks[0]!.url);
  await agent.login(AGENT1);
  await agent.setStatus('在线');

  const visitor = await VisitorWidget.open(browser, stack.server.url);
  await expect(visitor.page.getByRole('button', { name: '开始咨询' })).toBeVisible();
  // Gone after a reload: proves the page below is the same one.
  await visitor.page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  const today = todayInShanghai();
  const settings = await openSettings(browser);
  await settings.getByRole('button', { name: `${today} 删除第 1 段` }).click();
  await expect(settings.getByRole('group', { name: today }).getByText('休息')).toBeVisible();
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings.getByText('已保存')).toBeVisible();

  // The open widget follows at once: 留言 with the notice, no 开始咨询, same page.
  const leave = visitor.page.getByRole('form', { name: '非工作时间，请留言' });
  await expect(leave).toBeVisible();
  await expect(leave.getByText(NOTICE)).toBeVisible();
  await expect(visitor.page.getByRole('button', { name: '开始咨询' })).toHaveCount(0);
  expect(await visitor.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  await leave.getByLabel('姓名').fill('王五');
  await leave.getByLabel('联系方式').fill('13900000000');
  await leave.getByLabel('留言内容').fill('明天上班后请联系我');
  await leave.getByRole('button', { name: '提交留言' }).click();
  await expect(visitor.page.getByText('留言已提交，我们会尽快回复您。')).toBeVisible();
  const stored = await call<OfflineMessage[]>(stack.server.url, 'GET', '/api/offline-messages', admin);
  expect(stored).toEqual([expect.objectContaining({ name: '王五', text: '明天上班后请联系我' })]);

  // Today open again, round the clock: 开始咨询 comes back by itself, and a chat starts.
  await settings.getByRole('button', { name: `${today} 添加时段` }).click();
  await settings.getByLabel(`${today} 第 1 段开始`).fill('00:00');
  await settings.getByLabel(`${today} 第 1 段结束`).fill('24:00');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(visitor.page.getByRole('button', { name: '开始咨询' })).toBeVisible();
  expect(await visitor.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await visitor.startChat();
  await expect(visitor.page.getByText('客服 小王 为您服务')).toBeVisible();
});

test('bad hours in the console: the form says which range is wrong and nothing is saved', async ({ browser }) => {
  const settings = await openSettings(browser);
  const before = await call<{ businessHours: unknown }>(stack.server.url, 'GET', '/api/settings', await login(stack.server.url));
  await settings.getByRole('button', { name: '周一 添加时段' }).click();
  // The new range starts where the day's last one ends (24:00 → 23:00–24:00): make it overlap.
  await settings.getByLabel('周一 第 2 段开始').fill('08:00');
  await settings.getByLabel('周一 第 2 段结束').fill('09:00');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings.getByText('周一 第 2 段：与同一天的其他时段重叠')).toBeVisible();
  await settings.getByLabel('周一 第 2 段结束').fill('25:00');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings.getByText('周一 第 2 段：请输入 HH:MM 格式的时间')).toBeVisible();
  const after = await call<{ businessHours: unknown }>(stack.server.url, 'GET', '/api/settings', await login(stack.server.url));
  expect(after.businessHours).toEqual(before.businessHours);
});
