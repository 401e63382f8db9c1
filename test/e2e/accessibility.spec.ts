/**
 * Accessibility checked by a tool none of us wrote: axe-core (every rule up to WCAG 2.2 AA, best
 * practices and experimental rules included) runs in Chromium on each view of the workstation and
 * of the visitor widget, and no serious or critical violation may remain, nor a missing or
 * misplaced main landmark. The same walk checks that dates and times follow the UI language, not
 * the browser's: the agent's browser speaks en-US while the workstation is in 简体中文.
 */
import { expect, test, type Browser } from '@playwright/test';
import type { KnowledgeEntry } from '../../shared/knowledge.js';
import { call, login } from './support/api.js';
import { AGENT1, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';
import { expectAccessible } from './support/axe.js';

const stack = useStack(1);
// bypassCSP: the widget and the workstation forbid inline scripts, and axe is injected as one.
async function agentDesk(browser: Browser): Promise<AgentDesk> {
  // The browser speaks American English; the workstation's language (简体中文) must win anyway.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(stack.desks[0]!.url);
  return new AgentDesk(page);
}

async function visitorWidget(browser: Browser): Promise<VisitorWidget> {
  const context = await browser.newContext({ viewport: { width: 420, height: 720 }, locale: 'zh-CN', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${stack.server.url}/widget`);
  return new VisitorWidget(page);
}

test('every view of the workstation and the widget passes axe-core; times follow the UI language', async ({ browser }) => {
  // One walk through some twenty views, each checked by axe: longer than the suite's 90 s default.
  test.setTimeout(240_000);
  const server = stack.server.url;
  const admin = await login(server);
  await call<KnowledgeEntry>(server, 'POST', '/api/admin/knowledge/entries', admin, {
    question: '退货流程是什么？',
    keywords: ['退货'],
    answer: '<p>收到商品<b>七天内</b>可在订单页申请退货。</p>',
  });
  const upload = await fetch(`${server}/api/file-phrases?scope=public&categoryId=pc-files&name=${encodeURIComponent('价格表.pdf')}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(Buffer.from('%PDF-1.4\n价格表\n')),
  });
  expect(upload.status).toBe(200);

  // Nobody online: the widget's 留言 form.
  const writer = await visitorWidget(browser);
  await expect(writer.page.getByText('客服暂时不在线，请留言')).toBeVisible();
  await expectAccessible(writer.page, 'widget leave-a-message form');
  await writer.page.getByRole('button', { name: '提交留言' }).click();
  await expect(writer.page.getByText('请填写姓名')).toBeVisible();
  await expectAccessible(writer.page, 'widget leave-a-message form with errors');
  await writer.page.getByLabel('姓名').fill('张三');
  await writer.page.getByLabel('联系方式').fill('13800000000');
  await writer.page.getByLabel('留言内容').fill('请问周末发货吗？');
  await writer.page.getByRole('button', { name: '提交留言' }).click();
  await expect(writer.page.getByText('留言已提交，我们会尽快回复您。')).toBeVisible();
  await expectAccessible(writer.page, 'widget message left');

  // The login page.
  const agent = await agentDesk(browser);
  await expect(agent.page.getByLabel('账号')).toBeVisible();
  await expectAccessible(agent.page, 'login page');
  await agent.login(AGENT1);
  await agent.setStatus('在线');

  // Widget start form, then the chat.
  const visitor = await visitorWidget(browser);
  await expect(visitor.page.getByRole('button', { name: '开始咨询' })).toBeVisible();
  await expectAccessible(visitor.page, 'widget start form');
  await visitor.startChat();
  await expect(visitor.page.getByText('客服 小王 为您服务')).toBeVisible();
  await visitor.send('你好，我想问一下退货流程');
  const roomNo = await visitor.roomNo(server);

  // The workstation with the conversation open, on each helper tab.
  await expect(agent.visitorRow(roomNo)).toBeVisible();
  await expectAccessible(agent.page, 'workstation with a waiting visitor');
  // The row's two controls are siblings, each its own tab stop: Enter on the row opens the
  // conversation (marked current), Tab moves on to its 结束对话 button.
  const row = agent.visitorRow(roomNo);
  const open = row.getByRole('button').first();
  await open.focus();
  await agent.page.keyboard.press('Enter');
  await expect(agent.page.getByRole('region', { name: `消息列表 ${roomNo}` })).toBeVisible();
  await expect(open).toHaveAttribute('aria-current', 'true');
  await agent.page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: `结束对话 ${roomNo}` })).toBeFocused();
  await expect(agent.messageLog().getByText('你好，我想问一下退货流程')).toBeVisible();
  await agent.send('您好，请稍等');
  await expect(visitor.page.getByText('您好，请稍等')).toBeVisible();
  await expect(agent.messageLog().getByText('发送中')).toHaveCount(0);

  // Times in the 简体中文 UI are 24-hour, whatever the browser's own locale says.
  const meta = agent.messageLog().locator('.kefu-msg-meta').first();
  await expect(meta).toHaveText(/ · \d{2}:\d{2}:\d{2}$/);
  await expect(meta).not.toHaveText(/AM|PM/);

  // 常用语 with a personal phrase too (its edit and delete buttons sit beside the insert button).
  await agent.page.getByRole('button', { name: '添加我的常用语' }).click();
  const addPhrase = agent.page.getByRole('dialog', { name: '添加我的常用语' });
  await expect(addPhrase).toBeVisible();
  await expectAccessible(agent.page, 'add phrase modal');
  await addPhrase.getByLabel('标题').fill('发货时间');
  await addPhrase.getByLabel('内容').fill('我们会在 48 小时内发货。');
  await addPhrase.getByLabel('快捷代码').fill('/fh');
  await addPhrase.getByRole('button', { name: '保存' }).click();
  await expect(addPhrase).toBeHidden();
  const phrases = agent.page.getByRole('region', { name: '常用语' });
  await expect(phrases.getByRole('button', { name: '插入常用语 发货时间', description: /\/fh 我们会在 48 小时内发货。/ })).toBeVisible();
  await expect(phrases.getByRole('button', { name: '编辑 发货时间' })).toBeVisible();
  await expectAccessible(agent.page, 'dialog, 常用语 tab');
  const tabs = ['顾客信息', '知识库', '历史对话', '自动应答'];
  for (const tab of tabs) {
    await agent.page.getByRole('tab', { name: tab }).click();
    await expect(agent.page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    if (tab === '知识库') {
      const search = agent.page.getByLabel('搜索知识库').first();
      await search.fill('退货');
      await search.press('Enter');
      await expect(agent.page.getByRole('list', { name: '搜索结果' }).getByRole('button', { name: /插入答案：退货流程是什么/ })).toBeVisible();
    }
    await expectAccessible(agent.page, `dialog, ${tab} tab`);
  }
  await agent.page.getByRole('tab', { name: '常用语' }).click();
  // antd's Segmented hides its radio inputs; its visible label takes the click.
  await agent.page.locator('.ant-segmented').getByText('常用文件', { exact: true }).click();
  await expect(agent.page.getByRole('region', { name: '常用文件' }).getByRole('button', { name: '发送文件 价格表.pdf' })).toBeVisible();
  await expectAccessible(agent.page, 'dialog, 常用文件');

  // The widget chat with both sides' messages, then the evaluation form.
  await expectAccessible(visitor.page, 'widget chat');
  await agent.page.getByRole('button', { name: '推送评价' }).click();
  await expect(visitor.page.getByRole('button', { name: '提交评价' })).toBeVisible();
  await expectAccessible(visitor.page, 'widget evaluation form');
  await visitor.page.getByText('非常满意', { exact: true }).click();
  await visitor.page.getByRole('button', { name: '提交评价' }).click();
  await expect(visitor.page.getByText('感谢您的评价！')).toBeVisible();

  // 转接 modal.
  await agent.page.getByRole('button', { name: '转接' }).click();
  const transfer = agent.page.getByRole('dialog', { name: '转接对话' });
  await expect(transfer).toBeVisible();
  await expectAccessible(agent.page, 'transfer modal');
  await transfer.getByRole('button', { name: /取消|Cancel/ }).click();
  await expect(transfer).toBeHidden();

  // 对话小结 modal, then the conversation ends.
  await agent.page.getByRole('main').getByRole('button', { name: '结束对话' }).click();
  const summary = agent.page.getByRole('dialog', { name: '对话小结' });
  await expect(summary).toBeVisible();
  await expectAccessible(agent.page, 'summary modal');
  await summary.getByLabel('对话主题').click();
  await agent.page.locator('.ant-select-dropdown').getByText('售后', { exact: true }).click();
  await summary.getByLabel('小结备注').fill('退货流程已说明');
  await summary.getByRole('button', { name: /结束对话/ }).click();
  await expect(summary).toBeHidden();
  await expect(visitor.page.getByRole('button', { name: '重新咨询' })).toBeVisible();
  await expectAccessible(visitor.page, 'widget chat ended');
  await expectAccessible(agent.page, 'dialog of an ended conversation');

  // 留言 with the message open.
  const nav = agent.page.getByRole('navigation', { name: '主导航' });
  await nav.getByText('留言').click();
  await agent.page.getByText('请问周末发货吗？').first().click();
  await expect(agent.page.getByLabel('回复内容').first()).toBeVisible();
  await expectAccessible(agent.page, '留言');
  // The reply reaches the visitor the next time they open the widget (its replies card).
  await agent.page.getByLabel('回复内容').first().fill('周末正常发货。');
  await agent.page.getByRole('button', { name: '发送回复' }).click();
  await expect(agent.page.getByText('已回复').first()).toBeVisible();
  await writer.page.reload();
  await expect(writer.page.getByText('周末正常发货。')).toBeVisible();
  await expectAccessible(writer.page, 'widget replies to a left message');

  // 电话 (no SIP account: unregistered, dial pad, empty log).
  await nav.getByText('电话').click();
  await expect(agent.page.getByText('拨号盘').first()).toBeVisible();
  await expectAccessible(agent.page, '电话');

  // 对话记录 and a transcript.
  await nav.getByText('对话记录').click();
  const records = agent.page.getByRole('main').getByRole('region', { name: '对话记录' });
  await expect(records.getByText(roomNo)).toBeVisible();
  // Dates too follow the UI language: 2026/12/07 22:40:15.
  await expect(records.getByRole('row').filter({ hasText: roomNo })).toContainText(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}/);
  await expectAccessible(agent.page, '对话记录');
  await records.getByRole('button', { name: `查看 ${roomNo} 的对话` }).click();
  const drawer = agent.page.getByRole('dialog', { name: `对话详情 ${roomNo}` });
  await expect(drawer.getByText('您好，请稍等')).toBeVisible();
  await expectAccessible(agent.page, 'transcript drawer');
  await agent.page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // 设置.
  await agent.page.getByRole('button', { name: '设置' }).click();
  const settings = agent.page.getByRole('dialog', { name: '设置' });
  await expect(settings).toBeVisible();
  await expectAccessible(agent.page, 'settings modal');

  // Switched to English, 对话记录 shows the month by name and 12-hour times.
  await settings.getByText('English', { exact: true }).click();
  await expect(agent.page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await agent.page.keyboard.press('Escape');
  await expect(agent.page.getByRole('dialog', { name: 'Settings' })).toBeHidden();
  await expect(agent.page.locator('html')).toHaveAttribute('lang', 'en');
  const englishRecords = agent.page.getByRole('main').getByRole('region', { name: 'Records' });
  await expect(englishRecords.getByRole('row').filter({ hasText: roomNo })).toContainText(/[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2}\s[AP]M/);
  await expectAccessible(agent.page, '对话记录 in English');
  await agent.page.getByRole('navigation', { name: 'Main navigation' }).getByText('Chats').click();
  await expect(agent.page.getByRole('main').getByText('Choose a conversation on the left')).toBeVisible();
  await expectAccessible(agent.page, 'workstation in English');
});
