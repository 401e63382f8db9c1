/**
 * 访客端设置, live: a visitor has the widget open; the admin changes its title and colour in the
 * console and the open widget follows without a reload. Then 访客注册 asks for a phone: the
 * visitor cannot start without it, fills it in, and the agent sees the name and phone in 顾客信息.
 */
import { expect, test } from '@playwright/test';
import { call, login } from './support/api.js';
import { AGENT1, ADMIN, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';

const stack = useStack(1);

test('the console changes the widget live; 访客注册 asks before the chat and the agent sees the answers', async ({ browser }) => {
  // An agent is 在线 first: with nobody online the widget offers 留言 instead of the start form.
  const agent = await AgentDesk.open(browser, stack.desks[0]!.url);
  await agent.login(AGENT1);
  await agent.setStatus('在线');

  const visitor = await VisitorWidget.open(browser, stack.server.url);
  await expect(visitor.page.getByRole('button', { name: '开始咨询' })).toBeVisible();
  // Gone after a reload: proves the page below is the same one.
  await visitor.page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const console = await context.newPage();
  await console.goto(`${stack.server.url}/admin`);
  await console.getByLabel('账号').fill(ADMIN.account);
  await console.getByLabel('密码').fill(ADMIN.password);
  await console.getByRole('button', { name: '登录' }).click();
  await console.getByRole('navigation', { name: '管理中心导航' }).getByText('访客端设置').click();
  await console.getByLabel('窗口标题').fill('小蜜客服');
  await console.getByRole('textbox', { name: '主题色', exact: true }).fill('#cf1322');
  await expect(console.getByRole('figure', { name: '访客窗口预览' })).toContainText('小蜜客服');
  await console.getByRole('button', { name: '保存' }).click();
  await expect(console.getByText('已保存，打开中的访客窗口会立即更新')).toBeVisible();

  const header = visitor.page.getByRole('banner');
  await expect(header.getByRole('heading', { name: '小蜜客服' })).toBeVisible();
  await expect(header).toHaveCSS('background-color', 'rgb(207, 19, 34)');
  expect(await visitor.page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  // 访客注册: phone required. The untouched start form grows the field live.
  const admin = await login(stack.server.url);
  await call(stack.server.url, 'PATCH', '/api/admin/widget-settings', admin, {
    registration: { name: 'optional', phone: 'required', email: 'off', privacyNote: '仅用于联系您' },
  });
  const phone = visitor.page.getByLabel('手机号码');
  await expect(phone).toBeVisible();

  await visitor.page.getByLabel('您的称呼（可选）').fill('王小明');
  await visitor.startChat();
  await expect(visitor.page.getByText('请填写手机号码')).toBeVisible();
  await phone.fill('call me');
  await visitor.startChat();
  await expect(visitor.page.getByText('请输入正确的电话号码')).toBeVisible();
  await phone.fill('13800138000');
  await visitor.startChat();
  await expect(visitor.page.getByText('客服 小王 为您服务')).toBeVisible();

  await agent.openConversation(await visitor.roomNo(stack.server.url));
  const helper = agent.page.getByRole('complementary', { name: '对话交流辅助窗口' });
  await helper.getByRole('tab', { name: '顾客信息' }).click();
  const panel = helper.getByRole('region', { name: '顾客信息' });
  await expect(panel.getByText('王小明', { exact: true })).toBeVisible();
  await expect(panel.getByRole('textbox', { name: '电话', exact: true })).toHaveValue('13800138000');
});
