/**
 * 字体设置 reaches the visitor: the agent turns on 加粗 and 斜体, sends a message, and the widget
 * shows that message (and only that one) in bold italic — carried as a style object, not HTML.
 */
import { expect, test } from '@playwright/test';
import { AGENT1, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';

const stack = useStack(1);

test("the agent's font settings are carried to the visitor's widget", async ({ browser }) => {
  const agent = await AgentDesk.open(browser, stack.desks[0]!.url);
  await agent.login(AGENT1);
  await agent.setStatus('在线');
  const visitor = await VisitorWidget.open(browser, stack.server.url);
  await visitor.startChat();
  await visitor.send('你好');
  const roomNo = await visitor.roomNo(stack.server.url);
  await agent.openConversation(roomNo);

  await agent.send('默认字体的回复');
  await expect(visitor.page.getByText('默认字体的回复')).toBeVisible();

  await agent.page.getByRole('button', { name: /字体设置/ }).click();
  await agent.page.getByRole('checkbox', { name: '加粗' }).check();
  await agent.page.getByRole('checkbox', { name: '斜体' }).check();
  await expect(agent.page.getByRole('checkbox', { name: '斜体' })).toBeChecked();
  await agent.page.keyboard.press('Escape');
  await agent.send('加粗斜体的回复');

  const styled = visitor.page.locator('.msg-agent .msg-bubble').filter({ hasText: '加粗斜体的回复' });
  await expect(styled).toHaveCSS('font-weight', '700');
  await expect(styled).toHaveCSS('font-style', 'italic');
  const plain = visitor.page.locator('.msg-agent .msg-bubble').filter({ hasText: '默认字体的回复' });
  expect(await plain.getAttribute('style')).toBeNull();
  // The agent's own dialog shows the same.
  const own = agent.messageLog().locator('.kefu-msg.agent .kefu-bubble').filter({ hasText: '加粗斜体的回复' });
  await expect(own).toHaveCSS('font-weight', '700');
});
