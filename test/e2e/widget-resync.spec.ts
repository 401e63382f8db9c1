/**
 * A visitor's browser whose stored event seq is beyond the server's log (a server restored from an
 * older backup; here the stored seq is simply raised): the widget must rebuild from the server and
 * hear the agent again, instead of skipping every event below its own seq for good.
 */
import { expect, test } from '@playwright/test';
import { AGENT1, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';

const stack = useStack(1);

test('the widget resyncs from the server when its stored seq is ahead, and keeps chatting both ways', async ({ browser }) => {
  const agent = await AgentDesk.open(browser, stack.desks[0]!.url);
  await agent.login(AGENT1);
  await agent.setStatus('在线');

  const visitor = await VisitorWidget.open(browser, stack.server.url);
  await visitor.startChat();
  await visitor.send('我想问一下发票');
  const roomNo = await visitor.roomNo(stack.server.url);
  await agent.openConversation(roomNo);
  await agent.send('您好，可以开发票');
  await expect(visitor.page.getByText('您好，可以开发票')).toBeVisible();

  await visitor.page.evaluate(() => localStorage.setItem('kefu.widget.lastSeq', '1000000000000'));
  await visitor.page.reload();
  await expect(visitor.page.getByText('您好，可以开发票')).toBeVisible();
  // The stored seq went back to the server's head…
  await expect.poll(async () => Number(await visitor.page.evaluate(() => localStorage.getItem('kefu.widget.lastSeq')))).toBeLessThan(1000);

  // …so the agent's next reply arrives live, and the visitor's next message reaches the agent.
  await agent.send('请提供抬头和税号');
  await expect(visitor.page.getByText('请提供抬头和税号')).toBeVisible();
  await visitor.send('抬头是某某公司');
  await expect(agent.messageLog().getByText('抬头是某某公司')).toBeVisible();
});
