/**
 * A visitor who types while 开始咨询 is still being answered keeps the text. The conversation's
 * event can reach the widget before the REST answer that started it; the chat view shows on the
 * first, and the second must not rebuild it under the visitor's fingers (it did, and the typed
 * message vanished: input empty, nothing sent, only the agent's 实时查看 had seen it).
 */
import { expect, test } from '@playwright/test';
import { AGENT1, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';

const stack = useStack(1);

test('text typed before the answer to 开始咨询 arrives survives it and is sent', async ({ browser }) => {
  const agent = await AgentDesk.open(browser, stack.desks[0]!.url);
  await agent.login(AGENT1);
  await agent.setStatus('在线');
  const visitor = await VisitorWidget.open(browser, stack.server.url);

  // The start request reaches the server (the conversation is created and its event sent), but
  // its answer is held until the visitor has typed.
  let release!: () => void;
  const typed = new Promise<void>((resolve) => (release = resolve));
  let answered!: () => void;
  const startAnswered = new Promise<void>((resolve) => (answered = resolve));
  await visitor.page.route('**/api/visitor/conversation', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const response = await route.fetch();
    await typed;
    await route.fulfill({ response });
    answered();
  });
  // Each time the widget enters the conversation it loads its history: once on the event, once on the answer.
  let historyLoads = 0;
  visitor.page.on('request', (request) => {
    if (request.method() === 'GET' && /\/api\/conversations\/[^/]+\/messages/.test(request.url())) historyLoads++;
  });
  await visitor.startChat();

  const input = visitor.page.getByRole('textbox', { name: '输入消息' });
  await expect(input).toBeEnabled();
  await expect.poll(() => historyLoads).toBe(1);
  await input.fill('开始前就打好的问题');
  release();
  await startAnswered;
  await expect.poll(() => historyLoads).toBe(2);
  await expect(input).toHaveValue('开始前就打好的问题');
  await input.press('Enter');
  await expect(visitor.page.getByText('开始前就打好的问题')).toBeVisible();
  const roomNo = await visitor.roomNo(stack.server.url);
  await agent.openConversation(roomNo);
  await expect(agent.messageLog().getByText('开始前就打好的问题')).toBeVisible();
});
