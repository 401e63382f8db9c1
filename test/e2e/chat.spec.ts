/**
 * The product's spine, as two agents and a visitor live it: auto-assignment, messages both ways
 * with images, live view of the visitor's draft, transfer with history, evaluation, summary and
 * close — then the server's records are checked against what the people saw.
 */
import { expect, test, type Browser } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allConversations, login, redSquarePng, textsFrom, transcript } from './support/api.js';
import { AGENT1, AGENT2, AgentDesk, VisitorWidget } from './support/pages.js';
import { tempDir } from './support/processes.js';
import { useStack } from './support/stack.js';

const stack = useStack(2);

async function openAgents(browser: Browser): Promise<[AgentDesk, AgentDesk]> {
  const a1 = await AgentDesk.open(browser, stack.desks[0]!.url);
  const a2 = await AgentDesk.open(browser, stack.desks[1]!.url);
  await a1.login(AGENT1);
  await a2.login(AGENT2);
  return [a1, a2];
}

test('visitor → auto-assign → images and live view → transfer → evaluation → summary and close', async ({ browser }) => {
  const [agent1, agent2] = await openAgents(browser);
  await agent1.setStatus('在线');
  // 忙碌: no automatic assignment, but a transfer still arrives (SPEC B).
  await agent2.setStatus('忙碌');

  const visitor = await VisitorWidget.open(browser, stack.server.url);
  await visitor.startChat();
  await expect(visitor.page.getByText('客服 小王 为您服务')).toBeVisible();
  await visitor.send('你好，我想咨询退货');
  const roomNo = await visitor.roomNo(stack.server.url);
  expect(roomNo).toMatch(/^访客\d{6}$/);

  // The agent is alerted and sees the row with an unread count, then the message.
  await expect(agent1.visitorRow(roomNo)).toBeVisible();
  await expect(agent1.visitorRow(roomNo).getByText('1', { exact: true })).toBeVisible();
  await agent1.openConversation(roomNo);
  await expect(agent1.messageLog().getByText('你好，我想咨询退货')).toBeVisible();

  await agent1.send('您好，请问订单号是多少？');
  await expect(visitor.page.getByText('您好，请问订单号是多少？')).toBeVisible();
  await expect(agent1.messageLog().getByText('发送中')).toHaveCount(0);

  // Images both ways, checked by their bytes on the server.
  const png = join(tempDir('fixture'), '截图.png');
  writeFileSync(png, redSquarePng());
  await agent1.page.locator('input[type=file][accept*="image"]').setInputFiles(png);
  await expect(visitor.page.getByRole('img', { name: /截图\.png/ })).toBeVisible();
  await visitor.page.locator('input[type=file][accept*="image"]').setInputFiles(png);
  await expect(agent1.messageLog().getByRole('img', { name: /截图\.png/ })).toHaveCount(2);

  // Visitor text is text, never markup.
  await visitor.send('<b>订单</b><script>window.pwned=1</script>');
  await expect(agent1.messageLog().getByText('<b>订单</b><script>window.pwned=1</script>')).toBeVisible();
  expect(await agent1.page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  // 实时查看: the agent reads what the visitor is typing before it is sent.
  await visitor.type('订单号 20261125');
  await expect(agent1.page.getByRole('region', { name: '实时查看' })).toContainText('订单号 20261125');
  await visitor.page.getByRole('textbox', { name: '输入消息' }).press('Enter');
  await expect(agent1.messageLog().getByText('订单号 20261125')).toBeVisible();

  // 转接 to agent 2 (busy, still allowed); the history goes along.
  await agent1.page.getByRole('button', { name: '转接' }).click();
  const dialog = agent1.page.getByRole('dialog', { name: '转接对话' });
  await dialog.getByLabel('选择客服').click();
  await agent1.page.locator('.ant-select-dropdown').getByText('小李', { exact: false }).first().click();
  await dialog.getByRole('button', { name: '转接' }).click();
  await expect(agent1.visitorRow(roomNo)).toHaveCount(0);
  await expect(agent2.visitorRow(roomNo)).toBeVisible();
  await agent2.openConversation(roomNo);
  await expect(agent2.messageLog().getByText('你好，我想咨询退货')).toBeVisible();
  await expect(agent2.messageLog().getByText(/转接/).first()).toBeVisible();
  await expect(visitor.page.getByText(/转接/).first()).toBeVisible();

  // 推送评价, once; the visitor rates.
  await agent2.page.getByRole('button', { name: '推送评价' }).click();
  await expect(agent2.page.getByRole('button', { name: /已推送评价/ })).toBeDisabled();
  await visitor.page.getByText('非常满意', { exact: true }).click();
  await visitor.page.getByLabel('评价内容（可选）').fill('很快解决了');
  await visitor.page.getByRole('button', { name: '提交评价' }).click();
  await expect(visitor.page.getByText('感谢您的评价！')).toBeVisible();
  await expect(agent2.page.getByLabel('评价：5 星')).toBeVisible();

  // 结束对话 asks for the 小结 first.
  await agent2.page
    .getByRole('region', { name: `消息列表 ${roomNo}` })
    .getByRole('button', { name: /结束对话/ })
    .first()
    .click();
  const summary = agent2.page.getByRole('dialog', { name: '对话小结' });
  await summary.getByRole('button', { name: /结束对话/ }).click();
  await expect(summary.getByText('请选择对话主题')).toBeVisible();
  await summary.getByLabel('对话主题').click();
  await agent2.page.locator('.ant-select-dropdown').getByText('售后', { exact: true }).click();
  await summary.getByLabel('小结备注').fill('退货流程已说明');
  await summary.getByRole('button', { name: /结束对话/ }).click();
  await expect(summary).toBeHidden();
  await expect(visitor.page.getByRole('button', { name: '重新咨询' })).toBeVisible();

  // The server's record matches what both sides saw.
  const admin = await login(stack.server.url);
  const conversation = (await allConversations(stack.server.url, admin)).find((c) => c.roomNo === roomNo)!;
  expect(conversation).toMatchObject({ state: 'ended', endedBy: 'agent', valid: true, agentName: '小李' });
  expect(conversation.summary).toMatchObject({ topicName: '售后', note: '退货流程已说明' });
  expect(conversation.evaluation).toMatchObject({ rating: 5, comment: '很快解决了' });
  const messages = await transcript(stack.server.url, admin, conversation.id);
  expect(textsFrom(messages, 'visitor')).toEqual(['你好，我想咨询退货', '<b>订单</b><script>window.pwned=1</script>', '订单号 20261125']);
  expect(textsFrom(messages, 'agent')).toEqual(['您好，请问订单号是多少？']);
  expect(messages.filter((m) => m.kind === 'image').map((m) => m.sender)).toEqual(['agent', 'visitor']);
  expect(new Set(messages.map((m) => m.clientId)).size).toBe(messages.length);
  expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
});
