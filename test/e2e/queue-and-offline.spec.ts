/**
 * When everyone is full the visitor waits in the queue with a position, and an agent can take
 * them by hand (接收对话). When nobody is online the widget becomes the 留言 form; the reply
 * reaches the visitor the next time they open the widget.
 */
import { expect, test } from '@playwright/test';
import { call, login } from './support/api.js';
import { AGENT1, AGENT2, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';
import type { Agent, OfflineMessage } from '../../shared/index.js';

const stack = useStack(2);

test('nobody online: the visitor leaves a message, an agent replies, the visitor reads it next time', async ({ browser }) => {
  const visitor = await VisitorWidget.open(browser, stack.server.url);
  await expect(visitor.page.getByText('客服暂时不在线，请留言')).toBeVisible();
  // Bad input first: the form says what is missing and sends nothing.
  await visitor.page.getByRole('button', { name: '提交留言' }).click();
  await expect(visitor.page.getByText('请填写姓名')).toBeVisible();
  await visitor.page.getByLabel('姓名').fill('张三');
  await visitor.page.getByLabel('联系方式').fill('13800000000');
  await visitor.page.getByLabel('留言内容').fill('请问周末发货吗？');
  await visitor.page.getByRole('button', { name: '提交留言' }).click();
  await expect(visitor.page.getByText('留言已提交，我们会尽快回复您。')).toBeVisible();

  const agent = await AgentDesk.open(browser, stack.desks[0]!.url);
  await agent.login(AGENT1);
  await agent.page.getByRole('navigation', { name: '主导航' }).getByText('留言').click();
  await agent.page.getByText('请问周末发货吗？').first().click();
  await agent.page.getByLabel('回复内容').first().fill('周末正常发货。');
  await agent.page.getByRole('button', { name: '发送回复' }).click();
  await expect(agent.page.getByText('已回复').first()).toBeVisible();

  const admin = await login(stack.server.url);
  const stored = await call<OfflineMessage[]>(stack.server.url, 'GET', '/api/offline-messages', admin);
  expect(stored).toEqual([expect.objectContaining({ name: '张三', status: 'replied', reply: '周末正常发货。' })]);

  await visitor.page.reload();
  await expect(visitor.page.getByText('周末正常发货。')).toBeVisible();
});

test('all agents full: the visitor queues with a position and an agent accepts by hand', async ({ browser }) => {
  const admin = await login(stack.server.url);
  const agents = await call<Agent[]>(stack.server.url, 'GET', '/api/agents', admin);
  const agent1Id = agents.find((a) => a.account === 'agent1')!.id;
  await call(stack.server.url, 'PATCH', `/api/admin/agents/${agent1Id}`, admin, { maxConcurrent: 1 });

  const agent1 = await AgentDesk.open(browser, stack.desks[0]!.url);
  const agent2 = await AgentDesk.open(browser, stack.desks[1]!.url);
  await agent1.login(AGENT1);
  await agent2.login(AGENT2);
  await agent1.setStatus('在线');
  await agent2.setStatus('忙碌');

  const first = await VisitorWidget.open(browser, stack.server.url);
  await first.startChat();
  await expect(first.page.getByText('客服 小王 为您服务')).toBeVisible();

  const second = await VisitorWidget.open(browser, stack.server.url);
  await second.startChat();
  await expect(second.page.getByText(/排队中/)).toBeVisible();
  const roomNo = await second.roomNo(stack.server.url);

  await agent2.page.getByRole('switch', { name: '显示队列' }).click();
  const queue = agent2.page.getByRole('region', { name: '访客队列' });
  await expect(queue.getByText(roomNo)).toBeVisible();
  await queue.getByRole('button', { name: `接收对话 ${roomNo}` }).click();
  await expect(agent2.visitorRow(roomNo)).toBeVisible();
  await expect(second.page.getByText('客服 小李 为您服务')).toBeVisible();
  await expect(queue.getByText(roomNo)).toHaveCount(0);

  // Agent 1 stayed within 最大接线量 = 1 throughout.
  const after = await call<Agent[]>(stack.server.url, 'GET', '/api/agents', admin);
  expect(after.find((a) => a.account === 'agent1')!.load).toBe(1);
});
