/**
 * The browser shell's services stop while the page stays open: the page says so at once (not 在线
 * as if nothing happened), and when they come back — a new process, with the token it keeps in its
 * data folder — the same page reconnects by itself and shows what happened meanwhile.
 */
import { expect, test } from '@playwright/test';
import { AGENT1, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';

const stack = useStack(1);

test('services stop and restart under an open page: banner, then reconnect and catch up without a reload', async ({ browser }) => {
  const { server } = stack;
  const desk = stack.desks[0]!;
  const agent = await AgentDesk.open(browser, desk.url);
  await agent.login(AGENT1);
  await agent.setStatus('在线');
  const banner = agent.page.getByRole('status').filter({ hasText: '与工作台服务的连接已断开' });
  await expect(banner).toBeHidden();

  await desk.kill('SIGKILL');
  await expect(banner).toBeVisible();

  // While the services are down a visitor arrives (the server still counts the agent as
  // connected for its grace period, so the conversation is theirs) and writes.
  const visitor = await VisitorWidget.open(browser, server.url);
  await visitor.startChat();
  await visitor.send('服务重启期间的消息');
  const roomNo = await visitor.roomNo(server.url);

  await desk.restart();
  await expect(banner).toBeHidden({ timeout: 20_000 });
  // The same page, never reloaded: the conversation and its message came in after the reconnect.
  const row = agent.page.locator('.kefu-visitor-row').filter({ hasText: roomNo });
  await row.getByRole('button').first().click();
  await expect(agent.messageLog().getByText('服务重启期间的消息')).toBeVisible();
  await agent.send('服务回来了');
  await expect(visitor.page.getByText('服务回来了')).toBeVisible();
});
