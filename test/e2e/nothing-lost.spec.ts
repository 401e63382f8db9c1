/**
 * Nothing a person sent is lost (docs/ARCHITECTURE.md): not when the visitor's network drops, not when the
 * server is killed with SIGKILL mid-conversation, not when the workstation's services process is
 * killed with messages still in its outbox. Every message arrives exactly once and in order.
 */
import { expect, test } from '@playwright/test';
import { allConversations, login, textsFrom, transcript } from './support/api.js';
import { AGENT1, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';

const stack = useStack(1);

test('network drop, server SIGKILL, services SIGKILL: every message exactly once, in order', async ({ browser }) => {
  test.setTimeout(180_000);
  const { server } = stack;
  const desk = stack.desks[0]!;
  let agent = await AgentDesk.open(browser, desk.url);
  await agent.login(AGENT1);
  await agent.setStatus('在线');
  const visitor = await VisitorWidget.open(browser, server.url);
  await visitor.startChat();
  await visitor.send('v1 开始');
  const roomNo = await visitor.roomNo(server.url);
  await agent.openConversation(roomNo);
  await expect(agent.messageLog().getByText('v1 开始')).toBeVisible();

  // 1. The visitor's network drops: messages wait in the widget's outbox, then go in order.
  await visitor.page.context().setOffline(true);
  await visitor.send('v2 断网时发送');
  await visitor.send('v3 断网时发送');
  await agent.send('a1 客服在访客断网时回复');
  await visitor.page.context().setOffline(false);
  await expect(agent.messageLog().getByText('v3 断网时发送')).toBeVisible({ timeout: 30_000 });
  await expect(visitor.page.getByText('a1 客服在访客断网时回复')).toBeVisible({ timeout: 30_000 });

  // 2. The server is killed mid-conversation; both sides keep typing; it comes back.
  await server.kill('SIGKILL');
  await visitor.send('v4 服务器宕机时发送');
  await agent.send('a2 服务器宕机时发送');
  await expect(agent.messageLog().getByText('发送中').first()).toBeVisible();
  await server.restart();
  await expect(agent.messageLog().getByText('v4 服务器宕机时发送')).toBeVisible({ timeout: 30_000 });
  await expect(visitor.page.getByText('a2 服务器宕机时发送')).toBeVisible({ timeout: 30_000 });

  // 3. The workstation's services process dies with messages in its outbox.
  await server.kill('SIGKILL');
  await agent.send('a3 在发件箱中');
  await agent.send('a4 在发件箱中');
  await expect(agent.messageLog().getByText('发送中')).toHaveCount(2);
  await desk.kill('SIGKILL');
  await server.restart();
  await desk.restart();
  await agent.page.context().close();
  agent = await AgentDesk.open(browser, desk.url);
  if (await agent.page.getByRole('button', { name: '登录' }).isVisible()) await agent.login(AGENT1);
  await expect(visitor.page.getByText('a4 在发件箱中')).toBeVisible({ timeout: 30_000 });

  const admin = await login(server.url);
  const conversation = (await allConversations(server.url, admin)).find((c) => c.roomNo === roomNo)!;
  const messages = await transcript(server.url, admin, conversation.id);
  expect(textsFrom(messages, 'visitor')).toEqual(['v1 开始', 'v2 断网时发送', 'v3 断网时发送', 'v4 服务器宕机时发送']);
  expect(textsFrom(messages, 'agent')).toEqual(['a1 客服在访客断网时回复', 'a2 服务器宕机时发送', 'a3 在发件箱中', 'a4 在发件箱中']);
  expect(new Set(messages.map((m) => m.clientId)).size).toBe(messages.length);
  // Both sides' screens show each message once.
  await expect(visitor.page.getByText('a3 在发件箱中')).toHaveCount(1);
  await agent.openConversation(roomNo);
  await expect(agent.messageLog().getByText('v4 服务器宕机时发送')).toHaveCount(1);
  await expect(agent.messageLog().getByText('发送中')).toHaveCount(0);
});
