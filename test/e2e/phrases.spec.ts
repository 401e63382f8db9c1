/**
 * Canned phrases at the workstation (常用语): a click puts a public phrase into the input box (not
 * sent), the agent edits and sends it and the visitor receives it; "/" + a code inserts another.
 */
import { expect, test } from '@playwright/test';
import { AGENT1, AgentDesk, VisitorWidget } from './support/pages.js';
import { useStack } from './support/stack.js';

const stack = useStack(1);

test('click a phrase → in the input, edit, send → the visitor gets it; "/" + code inserts', async ({ browser }) => {
  const agent = await AgentDesk.open(browser, stack.desks[0]!.url);
  await agent.login(AGENT1);
  await agent.setStatus('在线');

  const visitor = await VisitorWidget.open(browser, stack.server.url);
  await visitor.startChat();
  await visitor.send('你好');
  const roomNo = await visitor.roomNo(stack.server.url);
  await agent.openConversation(roomNo);

  const page = agent.page;
  const input = page.getByRole('textbox', { name: '输入消息' });
  const phrases = page.getByRole('region', { name: '常用语' });
  await expect(phrases.getByRole('button', { name: '插入常用语 您好' })).toBeVisible();

  await phrases.getByRole('button', { name: '插入常用语 您好' }).click();
  await expect(input).toHaveValue('您好，很高兴为您服务！');
  // Not sent: the visitor has nothing from the agent yet.
  await expect(agent.messageLog().getByText('您好，很高兴为您服务！')).toHaveCount(0);

  // Edit at the end and send.
  await input.press('End');
  await input.pressSequentially('请问有什么可以帮您？');
  await input.press('Enter');
  const sent = '您好，很高兴为您服务！请问有什么可以帮您？';
  await expect(visitor.page.getByText(sent)).toBeVisible();

  // "/" + code, the popup filters, Enter inserts in place of the token.
  await input.pressSequentially('/th');
  await expect(page.getByRole('listbox', { name: '常用语快捷输入' })).toContainText('感谢咨询');
  await input.press('Enter');
  await expect(input).toHaveValue('感谢您的咨询，祝您生活愉快！');
  await input.press('Enter');
  await expect(visitor.page.getByText('感谢您的咨询，祝您生活愉快！')).toBeVisible();
  await expect(input).toHaveValue('');
});
